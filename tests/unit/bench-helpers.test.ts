/** The benchmark's pure helpers: statistics, the phase line, GNU time output, page weight. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { median, medianPhases, parsePhaseLine, ratio, formatBytes, formatPairRange, formatTable, pairRatios } from '../../scripts/bench/stats'
import { parseGnuTime } from '../../scripts/bench/measure'
import { assetsOf, measureSearchIndex, measureWeight, templateOf, urlOfFile } from '../../scripts/bench/weight'
import { checkBudgets, linearity, type SizeResult } from '../../scripts/bench/report'

describe('stats', () => {
  it('pairs each run with the floor run after it, and shows their spread', () => {
    expect(pairRatios([28.9, 26.2, 29.8], [16.3, 12.2, 18.9])).toEqual([1.77, 2.15, 1.58])
    expect(pairRatios([3, 4], [0, 2])).toEqual([2]) // a zero base gives no ratio
    expect(formatPairRange([1.77, 2.15, 1.58])).toBe(' (pairs 1.58-2.15x)')
    expect(formatPairRange([1.5])).toBe('')
    expect(formatPairRange(undefined)).toBe('')
  })

  it('median of odd and even counts, unsorted input', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
    expect(() => median([])).toThrow()
  })
  it('ratio rounds to two decimals and refuses a zero base', () => {
    expect(ratio(13, 10)).toBe(1.3)
    expect(ratio(2, 3)).toBe(0.67)
    expect(ratio(1, 0)).toBeNull()
  })
  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(8 * 1024)).toBe('8.0 KB')
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.50 MB')
  })
  it('reads the phase line, last one wins, with colours and ms', () => {
    const out = 'building…\ncontent 9s · validate 9s · pages 9s\n\u001b[32mcontent 0.4s · validate 0.2s · pages 3.1s · search 500ms\u001b[0m\n'
    expect(parsePhaseLine(out)).toEqual({ content: 0.4, validate: 0.2, pages: 3.1, search: 0.5 })
    expect(parsePhaseLine('built 12 pages in 3.1s')).toBeUndefined()
  })
  it('medians per phase over runs', () => {
    expect(medianPhases([{ a: 1, b: 5 }, { a: 3, b: 1 }, { a: 2 }])).toEqual({ a: 2, b: 3 })
    expect(medianPhases([undefined])).toBeUndefined()
  })
  it('parses GNU time -f "%e %U %S %M"', () => {
    expect(parseGnuTime('12.34 20.50 1.25 812345\n')).toEqual({ wall: 12.34, user: 20.5, sys: 1.25, maxRssKb: 812345 })
    expect(() => parseGnuTime('Command terminated by signal 9')).toThrow()
  })
  it('renders aligned and Markdown tables', () => {
    expect(formatTable(['a', 'n'], [['x', '1.0 s']])).toBe('a  n    \n-  -----\nx  1.0 s')
    expect(formatTable(['a', 'n'], [['x', '1.0 s']], true)).toContain('| a | n     |')
  })
})

describe('page weight', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-weight-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  const css = 'body{color:#111}'.repeat(20)
  const home = `<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="application/ld+json">{"a":1}</script></head><body>home</body></html>`
  const industry = (n: number) => `<html><head><link rel=stylesheet href="/_astro/site.css"><style>.x{}</style></head><body>${'word '.repeat(n)}</body></html>`
  const search = `<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script></head><body>search</body></html>`
  write('_astro/site.css', css)
  write('_astro/search.js', 'console.log(1)')
  write('en/index.html', home)
  write('en/industries/a/index.html', industry(10))
  write('en/industries/b/index.html', industry(400))
  write('zh-tw/industries/a/index.html', industry(30))
  write('en/search/index.html', search)
  write('404.html', '<html><body>404</body></html>')
  write('pagefind/pagefind-entry.json', JSON.stringify({ languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 4 }, 'zh-hant-tw': { hash: 'zh-hant-tw_def', wasm: null, page_count: 1 } } }))
  write('pagefind/index/zh-hant-tw_444.pf_index', 'x'.repeat(7))
  write('pagefind/pagefind.en_abc.pf_meta', 'x'.repeat(10))
  write('pagefind/index/en_111.pf_index', 'x'.repeat(100))
  write('pagefind/fragment/en_222.pf_fragment', 'x'.repeat(5))
  write('pagefind/fragment/en_333.pf_fragment', 'x'.repeat(6))
  write('pagefind/wasm.en.pagefind', 'x'.repeat(1000))
  write('pagefind/wasm.unknown.pagefind', 'x'.repeat(999))

  it('maps files to URLs and URLs to templates', () => {
    expect(urlOfFile('index.html')).toBe('/')
    expect(urlOfFile('en/about/index.html')).toBe('/en/about/')
    expect(templateOf('/en/industries/x/', ['en', 'zh-tw'])).toBe('/[lang]/industries/[slug]/')
    expect(templateOf('/zh-tw/', ['en', 'zh-tw'])).toBe('/[lang]/')
    expect(templateOf('/404.html', ['en'])).toBe('/404.html')
  })
  it('finds stylesheets and code scripts, not JSON-LD', () => {
    const a = assetsOf(home)
    expect(a.cssFiles).toEqual(['/_astro/site.css'])
    expect(a.jsFiles).toEqual([])
    expect(a.inlineJs).toBe('')
    expect(assetsOf(search).jsFiles).toEqual(['/_astro/search.js'])
    expect(assetsOf('<script>alert(1)</script>').inlineJs).toBe('alert(1)')
  })
  it('sums HTML, CSS and JS per page and template, raw and gzip', () => {
    const w = measureWeight(dir, ['en', 'zh-tw'])
    expect(w.pages).toBe(6)
    const t = w.templates.find((x) => x.template === '/[lang]/industries/[slug]/')!
    expect(t.pages).toBe(3)
    expect(t.htmlMax.raw).toBe(Buffer.byteLength(industry(400)))
    expect(t.htmlMax.gzip).toBe(gzipSync(industry(400)).length)
    expect(t.htmlMedian.raw).toBe(Buffer.byteLength(industry(30)))
    expect(t.largest).toBe('/en/industries/b/')
    expect(t.cssMax.raw).toBe(css.length + '.x{}'.length)
    // The search page is not a content page: its JavaScript does not count against the budget.
    expect(w.content.pages).toBe(5) // 6 pages minus search
    expect(w.content.jsBytes).toBe(0)
    expect(w.templates.find((x) => x.template === '/[lang]/search/')!.jsMax.raw).toBe('console.log(1)'.length)
    expect(w.css.allSiteCss.raw).toBe(css.length)
    expect(w.css.files).toBe(1)
  })
  it('sizes the search index per language', () => {
    expect(measureSearchIndex(dir)).toEqual([
      { language: 'en', pages: 4, indexBytes: 110, fragmentBytes: 11, fragments: 2, wasmBytes: 1000, totalBytes: 1121 },
      { language: 'zh-hant-tw', pages: 1, indexBytes: 7, fragmentBytes: 0, fragments: 0, wasmBytes: 999, totalBytes: 1006 },
    ])
  })
})

describe('budgets and growth', () => {
  const size = (factor: number, pages: number, site: number, floor: number, peak = 1e8): SizeResult =>
    ({
      factor,
      pages,
      site: { runs: [], median: { wall: site, cpu: site, maxRssBytes: peak, treeRssBytes: peak, peakBytes: peak }, peakBytesMax: peak },
      floor: { runs: [], median: { wall: floor, cpu: floor, maxRssBytes: 1, treeRssBytes: 1, peakBytes: 1 }, peakBytesMax: 1 },
      ratio: { wall: ratio(site, floor), cpu: ratio(site, floor) },
    }) as unknown as SizeResult
  it('marginal seconds per page between sizes', () => {
    expect(linearity([size(10, 200, 12, 8), size(1, 100, 10, 6)])).toEqual([{ from: 1, to: 10, siteMarginal: 0.02, floorMarginal: 0.02 }])
  })
  it('checks the ratio and memory budgets, and marks what was not run', () => {
    const b = checkBudgets({ sizes: [size(1, 100, 13, 10), size(100, 9000, 160, 100, 1.6 * 1024 ** 3)] })
    expect(b.find((x) => x.name.startsWith('Real site'))!.pass).toBe(true)
    expect(b.find((x) => x.name.startsWith('x100 synthetic build'))!.pass).toBe(false)
    expect(b.find((x) => x.name.startsWith('x100 synthetic peak'))!.pass).toBe(false)
    expect(b.find((x) => x.name.startsWith('Lighthouse'))!.pass).toBeNull()
  })
  it('reports the cold build (empty caches) beside the warm median, and its memory counts', () => {
    const x1 = { ...size(1, 100, 12, 10), cold: { wall: 20, cpu: 20, peakBytes: 1e8, ratioWall: 2 } }
    const x100 = { ...size(100, 9000, 140, 100, 1e9), cold: { wall: 200, cpu: 200, peakBytes: 1.6 * 1024 ** 3, ratioWall: 2 } }
    const b = checkBudgets({ sizes: [x1, x100] })
    expect(b.find((x) => x.name.startsWith('Real site'))!.actual).toMatch(/^1\.20x \(CPU 1\.20x\); cold 2\.00x$/)
    expect(b.find((x) => x.name.startsWith('Real site'))!.pass).toBe(true) // the budget is on the measured (warm) median
    expect(b.find((x) => x.name.startsWith('x100 synthetic peak'))!.pass).toBe(false) // but memory counts the cold build too
  })
})

describe('CPU profile summary', async () => {
  const { categoryOf, selfTimeByCategory } = await import('../../scripts/bench/profile')
  it('names packages, scoped packages, site folders, Node and GC', () => {
    expect(categoryOf('file:///w/node_modules/astro/dist/core/build/index.js')).toBe('astro')
    expect(categoryOf('file:///w/node_modules/@sanity/validation/lib/x.js')).toBe('@sanity/validation')
    expect(categoryOf('file:///w/node_modules/.pnpm/a/node_modules/groq-js/dist/index.js')).toBe('groq-js')
    expect(categoryOf('file:///w/src/charts/render.ts')).toBe('src/charts')
    expect(categoryOf('node:internal/modules/esm/utils')).toBe('(node)')
    expect(categoryOf('', '(garbage collector)')).toBe('(gc)')
  })
  it('sums sample time deltas per category (each sample lasts until the next)', () => {
    const profile = {
      startTime: 0,
      endTime: 6000,
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: 0 } },
        { id: 2, callFrame: { functionName: 'a', url: 'file:///w/node_modules/echarts/a.js', lineNumber: 0 } },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
      ],
      samples: [2, 2, 3],
      timeDeltas: [0, 1000, 2000],
    }
    expect(Object.fromEntries(selfTimeByCategory(profile))).toEqual({ echarts: 3, '(gc)': 0 })
  })
})

it('names the chunks Astro builds the pages into by their component', async () => {
  const { categoryOf } = await import('../../scripts/bench/profile')
  expect(categoryOf('file:///w/.tmp/build-1/site/chunks/jsx-runtime_C5R5VsMv.mjs')).toBe('site render: jsx-runtime')
  expect(categoryOf('file:///w/out/.prerender/prerender-entry.C17G6uBl.mjs')).toBe('site render: prerender-entry')
})

it('Lighthouse scores are the median per category, null when a run has none', async () => {
  const { medianScores } = await import('../../scripts/bench/lighthouse')
  const run = (p: number | null) => ({ performance: p, accessibility: 100, 'best-practices': 100, seo: 100 })
  expect(medianScores([run(97), run(100), run(99)])).toEqual(run(99))
  expect(medianScores([run(100), run(null)]).performance).toBeNull()
})

it("reads Astro's own build time from its log", async () => {
  const { astroBuiltSeconds } = await import('../../scripts/bench/floor')
  expect(astroBuiltSeconds('17:32:45 [build] 7216 page(s) built in 53.83s\n')).toBe(53.83)
  expect(astroBuiltSeconds('\u001b[2m[build]\u001b[22m 88 page(s) built in 950ms')).toBe(0.95)
  expect(astroBuiltSeconds('nothing')).toBeUndefined()
})
