/**
 * Content is data in every file the site writes: the hostile dataset
 * (tests/support/hostile-dataset.ts: markup, formulas, braces, backslashes, separators and
 * bidirectional marks in every text) builds with the real pipeline, and then
 * - every HTML page holds no element or attribute the text would make (no
 *   `<img src=x>`, no event-handler attribute, no script but the site's own: JSON-LD data
 *   that parses, or scripts the page's own policy allows), and shows the text as text;
 * - every XML file (sitemaps, Atom feeds, SVGs) parses with @xmldom/xmldom without a warning;
 * - every JSON file parses; every CSV file parses with csv-parse, one column count per file.
 *
 * This build is its own (the other build tests use the embedded dataset's global build). The
 * Nu checker runs over it with the browser tests (tests/browser/search-hostile.test.ts): it needs Java.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import bibtex from 'bibtex'
import { parse as parseCsv } from 'csv-parse/sync'
import { parse as parseHtml, valid } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspHash } from '../../src/layouts/csp'
import { listFiles } from '../../scripts/lib/files'
import { buildHostileSite, HOSTILE_INDUSTRY, type HostileSite } from '../support/hostile-dataset'
import { allPages, page, type Page } from './site-lib'

let site: HostileSite
let pages: Page[]

beforeAll(async () => {
  site = await buildHostileSite()
  pages = allPages(site.dir)
}, 600_000)

afterAll(() => site?.remove())

const files = (ext: string) => listFiles(site.dir).filter((f) => f.endsWith(ext))
const read = (file: string) => readFileSync(join(site.dir, file), 'utf8')

/** The hashes a page's own policy (its CSP `<meta>`) allows for inline scripts. */
function allowedScriptHashes(p: Page): Set<string> {
  const policy = p.root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? ''
  const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
  return new Set([...scriptSrc.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!))
}

/** What on a page is not the site's own: elements and attributes hostile text would make. */
function intruders(p: Page): string[] {
  const found: string[] = []
  for (const el of p.root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    for (const name of Object.keys(el.attributes)) if (/^on/i.test(name)) found.push(`<${tag} ${name}>`)
    if (tag === 'img' && el.getAttribute('src') === 'x') found.push('<img src="x">')
    if (tag !== 'script') continue
    const src = el.getAttribute('src')
    const type = el.getAttribute('type')
    if (type === 'application/ld+json') {
      try {
        JSON.parse(el.text)
      } catch (error) {
        found.push(`JSON-LD that does not parse: ${(error as Error).message}`)
      }
    } else if (src) {
      if (!/^\/(_astro|pagefind)\//.test(src)) found.push(`<script src="${src}">`)
    } else if (!allowedScriptHashes(p).has(cspHash(el.rawText))) {
      found.push(`<script> not in the page's policy: ${el.rawText.slice(0, 60)}`)
    }
  }
  return found
}

describe('the hostile dataset, built', () => {
  it('every text of the dataset is hostile, and the site has its pages', () => {
    expect(site.texts).toBeGreaterThan(1000)
    expect(pages.length).toBeGreaterThan(100)
  })

  it('every HTML page parses, with no element or attribute made by content and no script but the site’s own', () => {
    const problems: string[] = []
    for (const p of pages) {
      if (!valid(p.html)) problems.push(`${p.path}: does not parse as balanced HTML`)
      for (const found of intruders(p)) problems.push(`${p.path}: ${found}`)
      if (p.root.querySelectorAll('title').length !== 1) problems.push(`${p.path}: ${p.root.querySelectorAll('title').length} <title> elements`)
    }
    expect(problems).toEqual([])
  })

  it('the test would see an intruder: a page with one is reported', () => {
    const p = page(site.dir, '/en/')
    const html = p.html.replace('</main>', '<img src="x" onerror="alert(1)"><script>alert(1)</script></main>')
    const planted = { ...p, html, root: parseHtml(html, { blockTextElements: { script: true, style: true } }) }
    expect(intruders(planted)).toEqual(['<img onerror>', '<img src="x">', "<script> not in the page's policy: alert(1)"])
  })

  it('the hostile industry name is the text of its page’s heading and title, in both languages', () => {
    for (const segment of ['en', 'zh-tw']) {
      const p = page(site.dir, `/${segment}/industries/cybersecurity/`)
      expect(p.root.querySelector('h1')!.text).toContain(HOSTILE_INDUSTRY)
      expect(p.root.querySelector('title')!.text).toContain(HOSTILE_INDUSTRY)
    }
  })

  it('figure pages give the search filter each industry’s name as its page does (names with "," and ":" too)', () => {
    for (const segment of ['en', 'zh-tw']) {
      const names = new Set(
        pages.filter((p) => new RegExp(`^/${segment}/industries/[^/]+/$`).test(p.path)).map((p) => p.root.querySelector('h1[data-pagefind-filter="industry"]')!.text),
      )
      expect(names.size).toBeGreaterThan(1)
      const figures = pages.filter((p) => new RegExp(`^/${segment}/metrics/[^/]+/$`).test(p.path))
      const filters = figures.flatMap((p) => p.root.querySelectorAll('[data-pagefind-filter]'))
      expect(filters.length).toBeGreaterThan(0)
      for (const f of filters) {
        expect(f.getAttribute('data-pagefind-filter')).toBe('industry')
        expect(names).toContain(f.text)
      }
    }
  })

  it('every XML file (sitemaps, Atom feeds, SVGs) parses without an error or a warning', () => {
    const xml = [...files('.xml'), ...files('.svg')]
    expect(xml.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(0)
    expect(xml.filter((f) => /updates\.xml$/.test(f)).length).toBe(2)
    const problems: string[] = []
    for (const file of xml) {
      const onError = (level: string) => (message: string) => problems.push(`${file}: ${level}: ${message}`)
      const doc = new DOMParser({ onError: (level, message) => onError(level)(message) }).parseFromString(read(file), 'text/xml')
      if (!doc.documentElement) problems.push(`${file}: no root element`)
    }
    expect(problems).toEqual([])
  })

  it('every JSON file parses', () => {
    const json = files('.json')
    expect(json.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const file of json) {
      try {
        JSON.parse(read(file))
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('every CSV file parses, with the same number of columns on every row', () => {
    const csv = files('.csv')
    expect(csv.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const file of csv) {
      try {
        const rows = parseCsv(read(file), { bom: true, relax_column_count: false }) as string[][]
        if (rows.length < 2) problems.push(`${file}: ${rows.length} rows`)
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('no CSV cell a spreadsheet would run: text cells never start with = + - @, a tab or a carriage return', () => {
    const problems: string[] = []
    for (const file of files('.csv')) {
      const rows = parseCsv(read(file), { bom: true }) as string[][]
      for (const [r, row] of rows.entries()) {
        for (const [c, cell] of row.entries()) {
          // A number (a figure's value, which may be negative) is data, not a formula.
          if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)) problems.push(`${file} row ${r + 1} column ${c + 1}: ${JSON.stringify(cell.slice(0, 40))}`)
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it("every citation in BibTeX is one entry that parses, whatever the figure's text holds", () => {
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
    const macros = months.map((m) => `@string{${m} = "${m}"}`).join('\n')
    const problems: string[] = []
    let entries = 0
    for (const file of files('.json').filter((f) => f.startsWith('data/metrics/') || f.startsWith('data/groups/'))) {
      const citation = (JSON.parse(read(file)) as { citation?: Record<string, { bibtex: string }> }).citation ?? {}
      for (const [tag, { bibtex: entry }] of Object.entries(citation)) {
        entries++
        try {
          const parsed = bibtex.parseBibFile(`${macros}\n${entry}`)
          const keys = Object.keys(parsed.entries$)
          if (keys.length !== 1) problems.push(`${file} ${tag}: ${keys.length} entries`)
          else if (!parsed.getEntry(keys[0]!)?.getField('url')) problems.push(`${file} ${tag}: no url field`)
        } catch (error) {
          problems.push(`${file} ${tag}: ${(error as Error).message.slice(0, 120)}`)
        }
      }
    }
    expect(entries).toBeGreaterThan(0)
    expect(problems.slice(0, 10)).toEqual([])
  })
})
