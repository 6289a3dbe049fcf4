/**
 * Charts in the built site: on the figures page, every figure group has a figure with
 * `id` = its slug, an ECharts SVG with role="img" and an accessible name, colours from CSS
 * (no hard-coded sentinel colours), and a real table whose numbers match the dataset.
 */
import { describe, expect, it } from 'vitest'
import { locales, type LocaleId } from '../../schemas/locales'
import { formatPlainNumber } from '../../schemas/i18n/format'
import { datasetDocs, distDir, page } from './site-lib'

/**
 * What each chart must say, written out (checked against the brief, not computed by the
 * formatting code under test): the value beside each bar and the value in the table's rows,
 * in the group's order. Ranks also print the ends of their track ("No. 1", "No. 10").
 */
const EXPECTED: Record<string, Record<LocaleId, { bars: string[]; table: string[] }>> = {
  'semiconductor-market-share': {
    en: { bars: ['75%', '56%'], table: ['75%', '56%'] },
    zhTW: { bars: ['75%', '56%'], table: ['75%', '56%'] },
  },
  'digital-infrastructure': {
    en: { bars: ['> 80%', '80.2%', '> 100%'], table: ['more than 80%', '80.2%', 'more than 100%'] },
    zhTW: { bars: ['> 80%', '80.2%', '> 100%'], table: ['超過 80%', '80.2%', '超過 100%'] },
  },
  'digital-competitiveness-ranks': {
    en: { bars: ['No. 1', 'No. 10', 'No. 1', 'No. 5'], table: ['No. 1', 'No. 5'] },
    zhTW: { bars: ['第 1 名', '第 10 名', '第 1 名', '第 5 名'], table: ['第 1 名', '第 5 名'] },
  },
  'investment-risk-ranks': {
    en: { bars: ['No. 1', 'No. 10', 'No. 3', 'No. 3'], table: ['No. 3', 'No. 3'] },
    zhTW: { bars: ['第 1 名', '第 10 名', '第 3 名', '第 3 名'], table: ['第 3 名', '第 3 名'] },
  },
  'invest-in-taiwan': {
    en: { bars: ['> NT$1T', '> NT$580B'], table: ['more than NT$1 trillion', 'more than NT$580 billion'] },
    zhTW: { bars: ['> 新臺幣 1 兆元', '> 新臺幣 5,800 億元'], table: ['超過新臺幣 1 兆元', '超過新臺幣 5,800 億元'] },
  },
  'investment-flows': {
    en: { bars: ['> US$40B', '≈ US$2.123B', '≈ US$1.8B'], table: ['more than US$40 billion', 'about US$2.123 billion', 'about US$1.8 billion'] },
    zhTW: { bars: ['> 400 億美元', '約 21.23 億美元', '約 18 億美元'], table: ['超過 400 億美元', '約 21.23 億美元', '約 18 億美元'] },
  },
  'six-trillion-investment': {
    en: { bars: ['NT$1.7T', 'NT$2.6T', 'NT$1.5T', 'NT$500B', 'NT$100B'], table: ['NT$1.7 trillion', 'NT$2.6 trillion', 'NT$1.5 trillion', 'NT$500 billion', 'NT$100 billion'] },
    zhTW: {
      bars: ['新臺幣 1.7 兆元', '新臺幣 2.6 兆元', '新臺幣 1.5 兆元', '新臺幣 5,000 億元', '新臺幣 1,000 億元'],
      table: ['新臺幣 1.7 兆元', '新臺幣 2.6 兆元', '新臺幣 1.5 兆元', '新臺幣 5,000 億元', '新臺幣 1,000 億元'],
    },
  },
}

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
const dir = distDir()
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const metricsById = new Map((datasetDocs('metric') as Doc[]).map((m) => [m._id, m]))
const groups = datasetDocs('metricGroup') as Doc[]

describe('charts on the figures page', () => {
  it('every figure group of the dataset has its expected texts written out here', () => {
    expect(groups.map(slugOf).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

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
            expect(row.querySelector('data')?.getAttribute('value')).toBe(formatPlainNumber(m.value as number))
          })
          expect(rows.map((r) => r.querySelector('data')?.text.trim())).toEqual(EXPECTED[slug]?.[locale.id].table)
        })

        it(`${slug}: the chart labels every bar with its localized label and value`, () => {
          const svg = p.root.querySelector(`figure#${slug} svg`)!
          const texts = svg.querySelectorAll('text').map((t) => t.text)
          const values = new Set(Object.values(EXPECTED[slug] ?? {}).flatMap((e) => e.bars))
          expect(texts.filter((t) => values.has(t))).toEqual(EXPECTED[slug]?.[locale.id].bars)
          // Long labels wrap onto several lines: compare without the breaks.
          const all = texts.join('\n').replace(/\s+/g, '')
          for (const m of members) expect(all, slugOf(m)).toContain(((m.label as Loc)[locale.id] ?? '').replace(/\s+/g, ''))
        })
      }
    })
  }
})
