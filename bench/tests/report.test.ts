/**
 * The budgets against made-up results, at and just past each limit, and the report's tables.
 */
import { describe, expect, it } from 'vitest'
import type { LighthouseResult } from '../lib/lighthouse.ts'
import { BUDGETS, checkBudgets, ratio, renderReport, table, type Results, type SizeResult } from '../lib/report.ts'
import type { Timed } from '../lib/timing.ts'

const MB = 1024 ** 2
const timed = (name: string, median: number, peakRssBytes = 400 * MB): Timed => ({
  name,
  median,
  mean: median,
  stddev: 0.05,
  min: median - 0.1,
  max: median + 0.2,
  times: [median - 0.1, median, median + 0.2],
  user: median,
  system: 0.5,
  peakRssBytes,
})

function size(factor: number, site: number, floor: number, lowerBound: number, more: Partial<SizeResult> = {}): SizeResult {
  return {
    factor,
    documents: 100 * factor,
    pages: 88 * factor,
    site: timed('site', site),
    floor: timed('floor', floor),
    lowerBound: timed('lower-bound', lowerBound),
    ratios: { siteToFloor: ratio(site, floor), siteToLowerBound: ratio(site, lowerBound), lowerBoundToFloor: ratio(lowerBound, floor) },
    cold: { wall: site + 1, peakBytes: 600 * MB, phases: {}, toFloor: ratio(site + 1, floor) },
    phases: { content: 0.4, pages: site - 0.5, total: site - 0.1 },
    weight: {
      pages: 88 * factor,
      content: { pages: 84 * factor, htmlMedianGzip: 4600, htmlMaxGzip: 15000, largestUrl: '/zh-tw/policy/', jsBytes: 0, pagesWithJs: [] },
      css: { maxPerPageGzip: 10000, allGzip: 7300, files: 1 },
      totalBytes: 5 * MB,
    },
    search: [{ language: 'en', pages: 42 * factor, indexBytes: 60000 * factor, fragmentBytes: 12700 * factor, totalBytes: 72700 * factor }],
    ...more,
  }
}

const lighthouse = (performance: number): LighthouseResult[] =>
  ['home (en)', 'metric gdp (en)'].map((label) => ({ label, path: '/', scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 }, failing: [] }))

const results = (sizes: SizeResult[], lh?: LighthouseResult[]): Results => ({
  schema: 2,
  generatedAt: '2026-12-02T00:00:00.000Z',
  git: { commit: 'abc1234', dirty: false },
  machine: { cpu: 'test', cores: 2, memoryGiB: 8, node: 'v22.23.3', hyperfine: 'hyperfine 1.15.0', loadAverage: { start: [0], end: [0] } },
  options: { runs: Object.fromEntries(sizes.map((s) => [`${s.factor}×`, 3])), warmup: 1, sizes: sizes.map((s) => s.factor), lighthouse: Boolean(lh) },
  sizes,
  lighthouse: lh,
  budgets: checkBudgets({ sizes, lighthouse: lh }),
  durationSeconds: 60,
})

const byName = (r: Pick<Results, 'sizes' | 'lighthouse'> & Partial<Pick<Results, 'preview'>>) => Object.fromEntries(checkBudgets(r).map((b) => [b.name, b]))

describe('budgets', () => {
  it('are met exactly at the build-time limits and not met just past them', () => {
    const at = byName({ sizes: [size(1, 4, 2, 3), size(100, 30, 12, 20)] })
    expect(at['Real site full build / floor (1×)']).toEqual({ name: 'Real site full build / floor (1×)', target: '≤ 2.00×', measured: '2.00× (4.00 s / 2.00 s)', pass: true })
    expect(at['Site / lower bound (100×)']).toEqual({ name: 'Site / lower bound (100×)', target: '≤ 1.50×', measured: '1.50× (30.0 s / 20.0 s)', pass: true })
    const past = byName({ sizes: [size(1, 4.02, 2, 3), size(100, 30.2, 12, 20)] })
    expect(past['Real site full build / floor (1×)']!.pass).toBe(false)
    expect(past['Site / lower bound (100×)']).toMatchObject({ measured: '1.51× (30.2 s / 20.0 s)', pass: false })
  })

  it('say "not run" for what this run did not measure', () => {
    const only10 = byName({ sizes: [size(10, 8, 3, 5)] })
    for (const name of [
      'Real site full build / floor (1×)',
      'Site / lower bound (100×)',
      'Content pages: JavaScript',
      'Content pages: HTML median (gzip)',
      'Lighthouse: every category, every page',
    ]) {
      expect(only10[name], name).toMatchObject({ measured: 'not run', pass: null })
    }
    expect(only10['Peak memory of a site build']).toMatchObject({ measured: '600 MB (10×)', pass: true })
  })

  it('check the most memory any site build took, cold or warm, at any size, strictly under the limit', () => {
    const warmPeak = size(10, 8, 3, 5, { site: timed('site', 8, 1.6 * 1024 ** 3) })
    expect(byName({ sizes: [size(1, 4, 2, 3), warmPeak] })['Peak memory of a site build']).toMatchObject({ target: '< 1.50 GB', measured: '1.60 GB (10×)', pass: false })
    const atLimit = size(100, 30, 12, 20, { cold: { wall: 40, peakBytes: BUDGETS.peakMemoryBytes, phases: {}, toFloor: 3.33 } })
    expect(byName({ sizes: [atLimit] })['Peak memory of a site build']).toMatchObject({ measured: '1.50 GB (100×)', pass: false })
  })

  it('check JavaScript, the HTML median and the largest page of the real site', () => {
    const base = size(1, 4, 2, 3)
    const heavy = size(1, 4, 2, 3, {
      weight: { ...base.weight, content: { ...base.weight.content, jsBytes: 120, pagesWithJs: ['/en/about/'], htmlMedianGzip: 8 * 1024, htmlMaxGzip: 30 * 1024 + 1 } },
    })
    const b = byName({ sizes: [heavy] })
    expect(b['Content pages: JavaScript']).toMatchObject({ target: '0 B', measured: '120 B (/en/about/)', pass: false })
    expect(b['Content pages: HTML median (gzip)']).toMatchObject({ target: '≤ 8.0 KB', measured: '8.0 KB', pass: true })
    expect(b['Content pages: largest HTML (gzip, 1×)']).toMatchObject({ target: '≤ 30.0 KB', measured: '30.0 KB (/zh-tw/policy/)', pass: false })
  })

  it('hold the largest page to its budget at every size, not only the real site', () => {
    const small = size(1, 4, 2, 3)
    const big = size(100, 4, 2, 3, { weight: { ...small.weight, content: { ...small.weight.content, htmlMaxGzip: 193 * 1024, largestUrl: '/en/metrics/' } } })
    const b = byName({ sizes: [small, big] })
    expect(b['Content pages: largest HTML (gzip, 1×)']).toMatchObject({ pass: true })
    expect(b['Content pages: largest HTML (gzip, 100×)']).toMatchObject({ measured: '193.0 KB (/en/metrics/)', pass: false })
  })

  it('check that every one of a burst of draft-mode loads answered, and their median', () => {
    const burst = (failed: number, medianMs: number) => ({
      label: '50 at once: figures page',
      path: '/en/metrics/',
      requests: 50 - failed,
      medianMs,
      minMs: 1,
      maxMs: 2000,
      concurrent: 50,
      failed,
    })
    const name = 'Preview server, 50 draft-mode loads at once (1×): 50 at once: figures page'
    expect(byName({ sizes: [], preview: [burst(0, 800)] })[name]).toMatchObject({
      target: 'all answer, median ≤ 1000 ms',
      measured: '50 of 50 answered, median 800 ms',
      pass: true,
    })
    expect(byName({ sizes: [], preview: [burst(3, 800)] })[name]).toMatchObject({ measured: '47 of 50 answered, median 800 ms', pass: false })
    expect(byName({ sizes: [], preview: [burst(0, 1200)] })[name]).toMatchObject({ pass: false })
  })

  it('check every Lighthouse score and name the ones below it', () => {
    const name = 'Lighthouse: every category, every page'
    expect(byName({ sizes: [], lighthouse: lighthouse(100) })[name]).toMatchObject({ measured: '100 on all 8', pass: true })
    expect(byName({ sizes: [], lighthouse: lighthouse(98) })[name]).toMatchObject({ measured: '98 (performance, home (en)); 98 (performance, metric gdp (en))', pass: false })
  })
})

describe('report', () => {
  it('aligns figure columns right in Markdown tables', () => {
    expect(
      table(
        ['page', 'score', 'note'],
        [
          ['home', '100', 'ok'],
          ['about', '–', 'not run'],
        ],
      ),
    ).toBe(['| page | score | note |', '| --- | ---: | --- |', '| home | 100 | ok |', '| about | – | not run |'].join('\n'))
  })

  it('prints the build times with their spread, ratios, the cold build and memory', () => {
    const text = renderReport(results([size(1, 4, 2, 3), size(100, 30, 12, 20)]))
    expect(text).toContain('### Build time (median of hyperfine runs: 3 at 1×, 3 at 100×; min–max in brackets)')
    expect(text).toContain('| 1× | 88 | 4.00 s (3.90–4.20) | 2.00 s (1.90–2.20) | 3.00 s (2.90–3.20) | 2.00× | 1.33× | 1.50× | 5.00 s (2.50×) | 600 MB / 400 MB |')
    expect(text).toContain('| 100× | 8,800 | 30.0 s (29.90–30.20) | 12.0 s (11.90–12.20) | 20.0 s (19.90–20.20) | 2.50× | 1.50× | 1.67× | 31.0 s (2.58×) | 600 MB / 400 MB |')
    expect(text).toContain('| Real site full build / floor (1×) | ≤ 2.00× | 2.00× (4.00 s / 2.00 s) | met |')
  })

  it('prints whatever phases the build reported, the weights and Lighthouse', () => {
    const text = renderReport(results([size(1, 4, 2, 3, { phases: { load: 0.5, render: 2.25 } })], lighthouse(97)))
    expect(text).toContain('| size | load | render |\n| ---: | ---: | ---: |\n| 1× | 0.50 s | 2.25 s |')
    expect(text).toContain('| 1× | 4.5 KB | 14.6 KB (/zh-tw/policy/) | 9.8 KB / 7.1 KB | 0 B | en 71.0 KB (42) |')
    expect(text).toContain('| metric gdp (en) | 97 | 100 | 100 | 100 |')
    expect(renderReport(results([size(100, 30, 12, 20)]))).toContain('| 0 B | en 6.9 MB (4200) |')
    expect(text).toContain('| Lighthouse: every category, every page | 100 | 97 (performance, home (en)); 97 (performance, metric gdp (en)) | not met |')
  })
})
