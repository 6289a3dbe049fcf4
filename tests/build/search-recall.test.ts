/**
 * Search recall on the built site, with Pagefind's own search code: the `pagefind.js` of
 * the index, run in Node against the index served over HTTP (as a browser would fetch it).
 * Chinese queries must find the right industry (and figure) pages in the Chinese index,
 * English queries in the English one. Pagefind 1.5 lost Traditional Chinese recall
 * (Pagefind issue 1237); this is the test that keeps 1.6's.
 *
 * The index is the build's own (dist/pagefind, written by scripts/build.ts); a build made
 * with plain `astro build` has none, and then the test indexes the pages itself the way the
 * build does (scripts/lib/search-index.ts) into a temporary folder.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import { datasetDocs, distDir } from './site-lib'
import { buildSearchIndex } from '../../scripts/lib/search-index'

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
type PagefindModule = {
  options(o: Record<string, unknown>): Promise<void>
  search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>
  destroy(): Promise<void>
}

const dir = distDir()
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const industrySlugs = new Set((datasetDocs('industry') as Doc[]).map(slugOf))
const metrics = datasetDocs('metric') as Doc[]

/** Query → the industry page it must find among the first results, and figure labels it must find. */
const cases: { locale: 'zhTW' | 'en'; query: string; industry: string; metricLabel?: RegExp }[] = [
  { locale: 'zhTW', query: '晶圓', industry: 'information-and-digital', metricLabel: /晶圓/ },
  { locale: 'zhTW', query: '資安', industry: 'cybersecurity' },
  { locale: 'zhTW', query: '離岸風電', industry: 'green-and-renewable-energy' },
  { locale: 'zhTW', query: '精準健康', industry: 'precision-health' },
  { locale: 'zhTW', query: '低軌道衛星', industry: 'national-defense-and-strategic' },
  { locale: 'en', query: 'foundry', industry: 'information-and-digital', metricLabel: /foundry/i },
  { locale: 'en', query: 'cybersecurity', industry: 'cybersecurity' },
  { locale: 'en', query: 'offshore wind', industry: 'green-and-renewable-energy' },
  { locale: 'en', query: 'satellite', industry: 'national-defense-and-strategic' },
]
/**
 * A figure's label → its page, which must come first, and the figures in the same chart
 * (`notFrom`), whose pages show it only in the chart's data table.
 */
const listedFigureCases: { locale: 'zhTW' | 'en'; query: string; figure: string; notFrom: string[] }[] = [
  { locale: 'en', query: '4G network penetration', figure: '4g-penetration', notFrom: ['wireless-internet-access-rate', 'ict-service-internet-use'] },
  // In Chinese the other figures' pages are hits of their own: the chart's summary, which they
  // show, names 4G penetration (4G 滲透率).
  { locale: 'zhTW', query: '4G 網路滲透率', figure: '4g-penetration', notFrom: [] },
  {
    locale: 'en',
    query: 'repatriated offshore funds',
    figure: 'six-trillion-invest-taiwan-repatriated-funds',
    notFrom: ['six-trillion-green-energy', 'six-trillion-financial-services'],
  },
  { locale: 'zhTW', query: '境外資金回臺', figure: 'six-trillion-invest-taiwan-repatriated-funds', notFrom: [] },
]
/**
 * Glossary search keywords: never shown on the page, indexed from an attribute
 * (`data-pagefind-index-attrs`), so a query that only a keyword holds finds the glossary.
 */
const keywordCases: { locale: 'zhTW' | 'en'; query: string }[] = [
  { locale: 'zhTW', query: '台商回台' },
  { locale: 'en', query: 'five plus two' },
]
/** How many results count as "found": what the search page shows before "load more". */
const TOP = 5

const MIME: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css' }
let server: Server
let base = ''
let indexDir = join(dir, 'pagefind')
let tempIndex: string | undefined
/** One pagefind.js module per language: its WebAssembly (with the language's stemmer) is module state. */
const modules = new Map<string, PagefindModule>()

async function indexIfMissing(): Promise<void> {
  if (existsSync(join(indexDir, 'pagefind-entry.json'))) return
  tempIndex = mkdtempSync(join(tmpdir(), 'pagefind-recall-'))
  await buildSearchIndex(dir, join(tempIndex, 'pagefind'))
  indexDir = join(tempIndex, 'pagefind')
}

beforeAll(async () => {
  await indexIfMissing()
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '')
    const file = path.startsWith('pagefind/') ? join(indexDir, path.slice('pagefind/'.length)) : join(dir, path)
    if (!file.startsWith(indexDir) && !file.startsWith(dir)) return void res.writeHead(403).end()
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The test server has no port.')
  base = `http://127.0.0.1:${address.port}`
}, 300_000)

afterAll(async () => {
  for (const m of modules.values()) await m.destroy()
  delete (globalThis as Record<string, unknown>).document
  await new Promise((resolve) => server?.close(resolve))
  if (tempIndex) rmSync(tempIndex, { recursive: true, force: true })
})

async function search(htmlLang: string, query: string): Promise<string[]> {
  // pagefind.js is browser code: it reads <html lang> (here a stand-in document) to pick the index.
  ;(globalThis as Record<string, unknown>).document = { currentScript: null, querySelector: () => ({ getAttribute: () => htmlLang }) }
  let pagefind = modules.get(htmlLang)
  if (!pagefind) {
    pagefind = (await import(`${pathToFileURL(join(indexDir, 'pagefind.js')).href}?lang=${encodeURIComponent(htmlLang)}`)) as PagefindModule
    await pagefind.options({ basePath: `${base}/pagefind/` })
    modules.set(htmlLang, pagefind)
  }
  const { results } = await pagefind.search(query)
  const data = await Promise.all(results.map((r) => r.data()))
  return data.map((d) => new URL(d.url, base).pathname)
}

describe('search recall (Pagefind index of the build)', () => {
  it('the dataset has the industries the queries expect', () => {
    for (const c of cases) expect(industrySlugs.has(c.industry), `industry "${c.industry}" (query ${c.query})`).toBe(true)
  })

  it('there is one index per language, written by the pinned Pagefind (1.5 lost Chinese recall)', () => {
    const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, unknown> }
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-hant-tw'])
    const installed = (JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string }).version
    expect(entry.version).toBe(installed)
    expect(entry.version).not.toMatch(/^1\.[0-5]\./)
  })

  for (const c of cases) {
    const locale = getLocale(c.locale)
    it(`${locale.tag} "${c.query}" finds the ${c.industry} industry page, in ${locale.tag} only`, async () => {
      const urls = await search(locale.htmlLang, c.query)
      expect(urls.length, `no results for ${c.query}`).toBeGreaterThan(0)
      expect(
        urls.filter((u) => !u.startsWith(`/${locale.segment}/`)),
        'results from another language',
      ).toEqual([])
      expect(urls.slice(0, TOP), `top ${TOP} for "${c.query}"`).toContain(`/${locale.segment}/industries/${c.industry}/`)
      if (c.metricLabel) {
        const expected = metrics.filter((m) => c.metricLabel!.test((m.label as Loc)[c.locale] ?? '')).map((m) => `/${locale.segment}/metrics/${slugOf(m)}/`)
        expect(expected.length, `figures labelled ${c.metricLabel}`).toBeGreaterThan(0)
        for (const url of expected) expect(urls, `"${c.query}" should find ${url}`).toContain(url)
      }
    })
  }

  // Pages that list figures (the figures index, the brief, the home page) and the data table
  // of each chart leave those figures out of their search entry: a figure's label finds the
  // figure's own page, not every list or chart table that shows it.
  for (const c of listedFigureCases) {
    const locale = getLocale(c.locale)
    it(`${locale.tag} "${c.query}" finds the ${c.figure} figure page, not the lists and chart tables that show it`, async () => {
      const urls = await search(locale.htmlLang, c.query)
      expect(urls[0], `first result for "${c.query}"`).toBe(`/${locale.segment}/metrics/${c.figure}/`)
      const listing = [`/${locale.segment}/`, `/${locale.segment}/metrics/`, `/${locale.segment}/industries/`, ...c.notFrom.map((slug) => `/${locale.segment}/metrics/${slug}/`)]
      expect(
        urls.filter((u) => listing.includes(u)),
        `results for "${c.query}"`,
      ).toEqual([])
    })
  }

  for (const c of keywordCases) {
    const locale = getLocale(c.locale)
    it(`${locale.tag} "${c.query}" (a glossary search keyword, not shown) finds the glossary`, async () => {
      const urls = await search(locale.htmlLang, c.query)
      expect(urls.slice(0, TOP)).toContain(`/${locale.segment}/glossary/`)
    })
  }
})
