/**
 * Figure pages in the built site: one per figure and language, each with its value (as
 * `<data value>` with the dataset's number), date, source, table, chart when it belongs to a
 * group, the industries citing it, the brief's section, open data links, and no script of
 * its own.
 */
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { formatDate } from '../../schemas/i18n/calendar'
import { formatMetricValue, formatPlainNumber, type FormattableMetric } from '../../schemas/i18n/format'
import { datasetDocs, distDir, fileForPath, page } from './site-lib'

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
const dir = distDir()
const metrics = datasetDocs('metric') as Doc[]
const groups = datasetDocs('metricGroup') as Doc[]
const industries = datasetDocs('industry') as Doc[]
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const refs = (d: Doc, field: string) => ((d[field] as { _ref: string }[] | undefined) ?? []).map((r) => r._ref)

describe('figure pages', () => {
  it('the dataset has figures to test', () => {
    expect(metrics.length).toBeGreaterThan(0)
  })

  for (const locale of locales) {
    describe(locale.tag, () => {
      it('every figure has a page', () => {
        const missing = metrics.map(slugOf).filter((slug) => !fileForPath(dir, `/${locale.segment}/metrics/${slug}/`))
        expect(missing).toEqual([])
      })

      it('each page states the value, label, date and source of its figure', () => {
        for (const m of metrics) {
          const slug = slugOf(m)
          const p = page(dir, `/${locale.segment}/metrics/${slug}/`)
          expect(p.root.querySelector('html')?.getAttribute('lang'), slug).toBe(locale.htmlLang)
          const label = (m.label as Loc)[locale.id] ?? ''
          expect(p.root.querySelector('h1')?.text.trim(), slug).toBe(label)
          const values = p.root.querySelectorAll('article data').map((d) => d.getAttribute('value'))
          expect(values.length, slug).toBeGreaterThan(0)
          expect(values[0], slug).toBe(formatPlainNumber(m.value as number))
          const noun = (m.countNoun as Loc | undefined)?.[locale.id]
          const text = formatMetricValue({ ...(m as unknown as FormattableMetric), countNoun: noun }, locale)
          expect(p.root.querySelector('article header data')?.text.trim(), slug).toBe(text)
          expect(p.root.querySelector('article header > p > time')?.getAttribute('datetime'), slug).toBe(m.asOf)
          // The embedded dataset leaves Site settings' calendar unset: both (ROC and Gregorian) on zh-TW pages.
          expect(p.root.querySelector('article header')?.text, slug).toContain(formatDate(m.asOf as string, locale, 'both'))
          const source = datasetDocs('source').find((s) => s._id === (m.source as { _ref: string })._ref)!
          expect(p.root.querySelector('article header .source-line')?.text, slug).toContain((source.publisher as Loc)[locale.id])
          expect(p.root.querySelector('article header .source-line')?.getAttribute('data-source-id'), slug).toBe(source._id)
        }
      })

      it('dates are written as the language writes them (ROC and Gregorian on zh-TW pages), with the ISO date in datetime', () => {
        const p = page(dir, `/${locale.segment}/metrics/foundry-market-share/`)
        const time = p.root.querySelector('article header > p > time')!
        expect(time.getAttribute('datetime')).toBe('2020-04')
        expect(time.text.trim()).toBe(locale.id === 'zhTW' ? '資料時間：民國 109 年 4 月（2020 年 4 月）' : 'As of April 2020')
      })

      it('each page has an accessible table, open data links and the brief section that states it', () => {
        for (const m of metrics) {
          const slug = slugOf(m)
          const p = page(dir, `/${locale.segment}/metrics/${slug}/`)
          const table = p.root.querySelector('table.metric-table')
          expect(table, slug).toBeTruthy()
          expect(table!.querySelector('caption')?.text.trim(), slug).toBeTruthy()
          expect(table!.querySelectorAll('th[scope="row"]').length, slug).toBeGreaterThanOrEqual(5)
          const hrefs = p.root.querySelectorAll('a').map((a) => a.getAttribute('href'))
          expect(hrefs, slug).toContain('/data/metrics.csv')
          expect(hrefs, slug).toContain('/data/metrics.json')
          if (m.statedIn) {
            const section = datasetDocs('section').find((s) => s._id === (m.statedIn as { _ref: string })._ref)!
            expect(hrefs, slug).toContain(`/${locale.segment}/policy/#${slugOf(section as Doc)}`)
          }
        }
      })

      it('each page links the industries that cite the figure', () => {
        for (const m of metrics) {
          const citing = industries.filter((ind) => refs(ind, 'metrics').includes(m._id)).map(slugOf)
          const p = page(dir, `/${locale.segment}/metrics/${slugOf(m)}/`)
          const links = p.root.querySelectorAll('#cited-by + ul a').map((a) => a.getAttribute('href'))
          expect(links, slugOf(m)).toEqual(citing.map((s) => `/${locale.segment}/industries/${s}/`))
        }
      })

      it('a figure in a group shows the chart of its group', () => {
        for (const m of metrics) {
          const inGroups = groups
            .filter((g) => refs(g, 'metrics').includes(m._id))
            .map(slugOf)
            .sort()
          const p = page(dir, `/${locale.segment}/metrics/${slugOf(m)}/`)
          const shown = p.root
            .querySelectorAll('figure[data-chart-group]')
            .map((f) => f.getAttribute('data-chart-group'))
            .sort()
          expect(shown, slugOf(m)).toEqual(inGroups)
          for (const f of p.root.querySelectorAll('figure[data-chart-group]')) {
            expect(f.querySelector('svg[role="img"]'), slugOf(m)).toBeTruthy()
          }
        }
      })

      it('figure pages have no script (only JSON-LD data blocks)', () => {
        for (const m of metrics) {
          const p = page(dir, `/${locale.segment}/metrics/${slugOf(m)}/`)
          const scripts = p.root.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json')
          expect(
            scripts.map((s) => s.toString().slice(0, 120)),
            slugOf(m),
          ).toEqual([])
          expect(p.html, slugOf(m)).not.toMatch(/<script[^>]+src=/)
        }
      })

      it('the figures index lists every figure and every group under its slug', () => {
        const p = page(dir, `/${locale.segment}/metrics/`)
        for (const g of groups) {
          const fig = p.root.querySelector(`figure#${slugOf(g)}`)
          expect(fig, slugOf(g)).toBeTruthy()
        }
        const linked = new Set(p.root.querySelectorAll('.metric-figure a').map((a) => a.getAttribute('href')))
        for (const m of metrics) expect(linked.has(`/${locale.segment}/metrics/${slugOf(m)}/`), slugOf(m)).toBe(true)
        expect(p.root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/data/metrics.csv')
      })

      it('the about page renders live figures from the dataset', () => {
        const p = page(dir, `/${locale.segment}/about/`)
        const inline = p.root.querySelectorAll('.metric-inline')
        expect(inline.length).toBeGreaterThan(0)
        for (const el of inline) {
          const href = el.querySelector('a')?.getAttribute('href') ?? ''
          const slug = href.split('/').filter(Boolean).pop()
          const m = metrics.find((x) => slugOf(x) === slug)
          expect(m, href).toBeTruthy()
          expect(el.querySelector('data')?.getAttribute('value')).toBe(formatPlainNumber(m!.value as number))
        }
      })
    })
  }
})
