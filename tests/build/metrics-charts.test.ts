/**
 * Charts in the built site: on the figures page, every figure group has a figure with
 * `id` = its slug, an ECharts SVG with role="img" and an accessible name, colours from CSS
 * (no hard-coded sentinel colours), and a real table whose numbers match the dataset.
 */
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { formatMetricValue, formatPlainNumber, type FormattableMetric } from '../../src/i18n/format'
import { datasetDocs, distDir, page } from './site-lib'

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
const dir = distDir()
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const metricsById = new Map((datasetDocs('metric') as Doc[]).map((m) => [m._id, m]))
const groups = datasetDocs('metricGroup') as Doc[]

describe('charts on the figures page', () => {
  it('the dataset has figure groups', () => expect(groups.length).toBeGreaterThan(0))

  for (const locale of locales) {
    describe(locale.tag, () => {
      const p = page(dir, `/${locale.segment}/metrics/`)

      for (const g of groups) {
        const slug = slugOf(g)
        const members = ((g.metrics as { _ref: string }[]) ?? []).map((r) => metricsById.get(r._ref)!)

        it(`${slug}: an ECharts SVG with role="img" and an accessible name`, () => {
          const fig = p.root.querySelector(`figure#${slug}`)
          expect(fig).toBeTruthy()
          const svg = fig!.querySelector('svg')
          expect(svg?.getAttribute('role')).toBe('img')
          expect(svg?.getAttribute('data-chart-renderer')).toBe('echarts')
          expect(svg?.getAttribute('aria-label')).toContain((g.title as Loc)[locale.id])
          expect(svg?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/)
          const markup = svg!.toString()
          expect(markup).not.toMatch(/#010203|#0a0b0c|#0d0e0f|#0e0f10|#0f1011/i)
          expect(markup).toContain('data-chart="bar"')
          expect(fig!.querySelector('figcaption')?.text).toContain((g.summary as Loc)[locale.id])
        })

        it(`${slug}: the table's numbers match the dataset, in the group's order`, () => {
          const fig = p.root.querySelector(`figure#${slug}`)!
          const table = fig.querySelector('table')
          expect(table?.querySelector('caption')?.text.trim()).toBeTruthy()
          expect(table!.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThanOrEqual(2)
          const rows = table!.querySelectorAll('tbody tr')
          expect(rows.map((r) => r.getAttribute('data-metric'))).toEqual(members.map(slugOf))
          rows.forEach((row, i) => {
            const m = members[i]!
            expect(row.querySelector('th[scope="row"]')?.text.trim()).toBe((m.label as Loc)[locale.id])
            const data = row.querySelector('data')
            expect(data?.getAttribute('value')).toBe(formatPlainNumber(m.value as number))
            const noun = (m.countNoun as Loc | undefined)?.[locale.id]
            expect(data?.text.trim()).toBe(formatMetricValue({ ...(m as unknown as FormattableMetric), countNoun: noun }, locale.id))
          })
        })

        it(`${slug}: the chart labels every bar with its localized label and value`, () => {
          const svg = p.root.querySelector(`figure#${slug} svg`)!
          const texts = svg.querySelectorAll('text').map((t) => t.text)
          const all = texts.join('\n')
          for (const m of members) {
            const noun = (m.countNoun as Loc | undefined)?.[locale.id]
            expect(texts, slugOf(m)).toContain(formatMetricValue({ ...(m as unknown as FormattableMetric), countNoun: noun }, locale.id, { style: 'short' }))
            // Long labels wrap onto several lines: compare without the breaks.
            expect(all.replace(/\s+/g, ''), slugOf(m)).toContain(((m.label as Loc)[locale.id] ?? '').replace(/\s+/g, ''))
          }
        })
      }
    })
  }
})
