/**
 * Page weight and the search index, on a made-up output folder: what each page loads, which
 * pages count as content pages, and the figures the budgets read; Lighthouse's page choice.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { lighthousePages, medianScores } from '../lib/lighthouse.ts'
import { assetsOf, measureSearchIndex, measureWeight, urlOfFile } from '../lib/weight.ts'

const dir = mkdtempSync(join(tmpdir(), 'bench-weight-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}
const gz = (data: string | Buffer) => gzipSync(data).length

const css = '.a{color:red}'.repeat(50)
const page = (body: string, head = '<link rel="stylesheet" href="/_astro/site.css">') => `<html><head>${head}</head><body>${body}</body></html>`
write('_astro/site.css', css)
write('_astro/search.js', 'console.log("search")')
write('pagefind/pagefind-ui.css', 'x'.repeat(1000))
write('index.html', page('<script>location.href = "/en/"</script>'))
write('en/search/index.html', page('<script type="module" src="/_astro/search.js"></script>'))
write('en/about/index.html', page('<p>short</p><script type="application/ld+json">{"@type":"Thing"}</script>'))
write('en/metrics/big/index.html', page(`<p>${'long text '.repeat(300)}</p>`, '<link rel="stylesheet" href="../../../_astro/site.css"><style>.b{color:blue}</style>'))
write('en/metrics/small/index.html', page('<p>a figure</p>'))
write('404.html', page('<p>not found</p>'))

describe('page weight', () => {
  it('names pages by URL', () => {
    expect(['index.html', 'en/about/index.html', '404.html'].map(urlOfFile)).toEqual(['/', '/en/about/', '/404.html'])
  })

  it('finds what a page loads: stylesheets, scripts and modulepreload, inline code, not JSON data', () => {
    const html =
      '<link rel="stylesheet" href="/a.css"><link rel=modulepreload href="/m.js"><style>p{}</style><script src="/s.js"></script><script>go()</script><script type="application/ld+json">{}</script>'
    expect(assetsOf(html)).toEqual({ cssFiles: ['/a.css'], jsFiles: ['/m.js', '/s.js'], inlineCss: 'p{}', inlineJs: 'go()' })
  })

  it('leaves the root picker and the search pages out of the content pages, and measures the rest', () => {
    const w = measureWeight(dir, ['en', 'zh-tw'])
    expect(w.pages).toBe(6)
    expect(w.content).toMatchObject({ pages: 4, jsBytes: 0, pagesWithJs: [], largestUrl: '/en/metrics/big/' })
    const content = ['en/about/index.html', 'en/metrics/big/index.html', 'en/metrics/small/index.html', '404.html'].map((f) => gz(readFileSync(join(dir, f))))
    const [, second, third, largest] = [...content].sort((a, b) => a - b)
    expect(w.content.htmlMedianGzip).toBe(Math.round((second! + third!) / 2))
    expect(w.content.htmlMaxGzip).toBe(largest)
    expect(w.css).toEqual({ maxPerPageGzip: gz(css) + gz('.b{color:blue}'), allGzip: gz(css), files: 1 })
  })

  it('counts JavaScript on a content page that loads some', () => {
    write('en/about/index.html', page('<script>track()</script>'))
    expect(measureWeight(dir, ['en']).content).toMatchObject({ jsBytes: 'track()'.length, pagesWithJs: ['/en/about/'] })
  })
})

it("measures Pagefind's index per language from its entry file", () => {
  const index = (path: string, bytes: number) => write(`pagefind/${path}`, 'x'.repeat(bytes))
  write('pagefind/pagefind-entry.json', JSON.stringify({ languages: { en: { page_count: 4 }, 'zh-hant-tw': { page_count: 3 } } }))
  index('pagefind.en_abc.pf_meta', 100)
  index('index/en_1.pf_index', 1000)
  index('fragment/en_1.pf_fragment', 50)
  index('fragment/en_2.pf_fragment', 50)
  index('index/zh-hant-tw_1.pf_index', 700)
  expect(measureSearchIndex(dir)).toEqual([
    { language: 'en', pages: 4, indexBytes: 1100, fragmentBytes: 100, totalBytes: 1200 },
    { language: 'zh-hant-tw', pages: 3, indexBytes: 700, fragmentBytes: 0, totalBytes: 700 },
  ])
})

describe('Lighthouse', () => {
  it('tests home, the first industry and the heaviest figure page in each language', () => {
    write('en/industries/chips/index.html', page('chips'))
    expect(lighthousePages(dir, ['en', 'zh-tw']).map((p) => p.path)).toEqual([
      '/en/',
      '/en/industries/chips/',
      '/en/metrics/big/',
      '/zh-tw/',
      '/zh-tw/industries/chips/',
      '/zh-tw/metrics/big/',
    ])
  })

  it('takes the median score of the runs per category; a missing score stays missing', () => {
    const run = (performance: number | null) => ({ performance, accessibility: 100, 'best-practices': 100, seo: 100 })
    expect(medianScores([run(90), run(100), run(97)])).toEqual(run(97))
    expect(medianScores([run(90), run(null), run(97)]).performance).toBeNull()
  })
})
