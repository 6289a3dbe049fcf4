/**
 * What readers take away of each figure and figure group, in both languages: the standalone
 * SVG parses as XML, carries its title, unit, source and the page's address as text and refers
 * to nothing outside itself; the CSV (parsed with csv-parse: one header row) and the JSON match
 * the dataset and name the licence;
 * /data/metrics.json lists every file; the citations carry the right values. The files under
 * data/ are exactly what the open data code makes from the same content (the build writes
 * them itself, not Astro), and every figure and group has all of its files.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { licenceOf } from '../../schemas/licences'
import { locales } from '../../schemas/locales'
import { formatPlainNumber } from '../../schemas/i18n/format'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews } from '../../src/content/views'
import { FIGURE_CSV_COLUMNS } from '../../src/open-data/csv'
import { openDataFiles } from '../../src/open-data/files'
import { datasetDocs, distDir, listFiles, page, siteOrigin } from './site-lib'

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
const dir = distDir()
const origin = siteOrigin(dir)
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const metrics = datasetDocs('metric') as Doc[]
const groups = datasetDocs('metricGroup') as Doc[]
const sources = new Map((datasetDocs('source') as Doc[]).map((s) => [s._id, s]))
const metricById = new Map(metrics.map((m) => [m._id, m]))
const settings = datasetDocs('siteSettings')[0] as Doc
const licence = licenceOf(settings.licence as string | undefined)
const read = (path: string) => readFileSync(join(dir, path))
const membersOf = (g: Doc) => (g.metrics as { _ref: string }[]).map((r) => metricById.get(r._ref)!)

/** Every text node of an SVG document, joined. */
function svgText(xml: string): { text: string; errors: string[]; root: Element } {
  const errors: string[] = []
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'image/svg+xml')
  const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '')
  return { text: texts.join('\n'), errors, root: doc.documentElement as unknown as Element }
}

const figures = [
  ...metrics.map((m) => ({ what: 'metrics', slug: slugOf(m), members: [m], title: m.label as Loc, page: (seg: string) => `${origin}/${seg}/metrics/${slugOf(m)}/` })),
  ...groups.map((g) => ({ what: 'groups', slug: slugOf(g), members: membersOf(g), title: g.title as Loc, page: (seg: string) => `${origin}/${seg}/metrics/#${slugOf(g)}` })),
]

describe('the files under data/', () => {
  it('are exactly the files openDataFiles makes from the same content: same paths, same bytes', async () => {
    const views = buildSiteViews(await loadSiteContent(createLocalSource({ file: process.env.CONTENT_FILE || undefined })))
    const expected = await openDataFiles(views, new URL(origin))
    // Besides data/, openDataFiles lists every page's share card under og/ and the search's
    // term tables (all checked for bytes below too).
    const under = (folder: string) => expected.filter((f) => f.path.startsWith(`/${folder}/`)).map((f) => f.path)
    expect(listFiles(join(dir, 'data')).map((f) => `/data/${f}`)).toEqual(under('data'))
    expect(listFiles(join(dir, 'og')).map((f) => `/og/${f}`)).toEqual(under('og'))
    const rest = expected.filter((f) => !f.path.startsWith('/data/') && !f.path.startsWith('/og/')).map((f) => f.path)
    expect(rest).toEqual(locales.map((l) => `/${l.segment}/search/terms.json`).sort())
    for (const file of expected) expect(read(file.path).equals(Buffer.from(file.bytes)), file.path).toBe(true)
  })

  it('hold every file of every figure and group: JSON, and CSV, SVG, PNG and ZIP in each language', () => {
    for (const f of figures) {
      expect(existsSync(join(dir, `data/${f.what}/${f.slug}.json`)), f.slug).toBe(true)
      for (const l of locales)
        for (const kind of ['csv', 'svg', 'png', 'zip']) expect(existsSync(join(dir, `data/${f.what}/${f.slug}.${l.segment}.${kind}`)), `${f.slug} ${l.segment} ${kind}`).toBe(true)
    }
  })
})

describe('standalone SVG', () => {
  for (const l of locales) {
    it(`${l.segment}: every chart file parses, says what it shows and is self-contained`, () => {
      for (const f of figures) {
        const xml = read(`data/${f.what}/${f.slug}.${l.segment}.svg`).toString('utf8')
        const { text, errors, root } = svgText(xml)
        expect(errors, f.slug).toEqual([])
        expect(root.localName, f.slug).toBe('svg')
        expect(root.namespaceURI, f.slug).toBe('http://www.w3.org/2000/svg')
        expect(root.getAttribute('xml:lang'), f.slug).toBe(l.tag)
        // English names a Latin face first (a CJK face would draw its quotes full width), Chinese a CJK face.
        const first = l.id === 'en' ? /^'Noto Sans', / : /^'Noto Sans TC', /
        expect(root.getAttribute('font-family'), f.slug).toMatch(first)
        expect(root.getAttribute('font-family'), f.slug).toMatch(/'PingFang TC', .*'Microsoft JhengHei', .*sans-serif$/)
        // The title, the unit, every source's publisher, and the page's address, as text in the image.
        // Long lines are wrapped into several text elements: compare without white space.
        const flat = (x: string) => x.replace(/\s+/g, '')
        expect(flat(text), f.slug).toContain(flat(f.title[l.id]!))
        expect(text, f.slug).toContain(l.id === 'en' ? 'Unit: ' : '單位：')
        for (const m of f.members) expect(flat(text), f.slug).toContain(flat((sources.get((m.source as { _ref: string })._ref)!.publisher as Loc)[l.id]!))
        expect(text, f.slug).toContain(f.page(l.segment))
        // The licence by name and address, as a visible line (it carries into images made from the SVG).
        expect(flat(text), f.slug).toContain(flat(`${licence.name[l.id]}`))
        expect(text, f.slug).toContain(licence.url)
        // Readable on its own: a white background, colours written out.
        expect(xml, f.slug).toMatch(/<rect width="640" height="\d+" fill="#ffffff"\/>/)
        // No external references of any kind.
        expect(xml, f.slug).not.toMatch(/\shref=|xlink:|url\(|@import|<image|<script|<foreignObject|<style|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg")[^<]*"/)
      }
    })
  }
})

describe('CSV per language', () => {
  for (const l of locales) {
    it(`${l.segment}: BOM, one header row of machine-readable names, then the figures as in the dataset`, () => {
      for (const f of figures) {
        const bytes = read(`data/${f.what}/${f.slug}.${l.segment}.csv`)
        expect([...bytes.subarray(0, 3)], f.slug).toEqual([0xef, 0xbb, 0xbf])
        const [header, ...rows] = parse(bytes, { bom: true }) as string[][]
        expect(header, f.slug).toEqual(FIGURE_CSV_COLUMNS)
        const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
        expect(
          records.map((r) => r.figure_id),
          f.slug,
        ).toEqual(f.members.map(slugOf))
        expect(rows).toHaveLength(f.members.length)
        records.forEach((r, i) => {
          const m = f.members[i]!
          expect(r.label, f.slug).toBe((m.label as Loc)[l.id])
          expect(r.value, f.slug).toBe(formatPlainNumber(m.value as number))
          expect([r.comparator, r.unit, r.currency, r.as_of], f.slug).toEqual([m.comparator, m.unit, (m.currency as string | undefined) ?? '', m.asOf])
          expect(r.source_date, f.slug).toBe(sources.get((m.source as { _ref: string })._ref)!.date)
          expect([r.license, r.license_url], f.slug).toEqual([licence.name[l.id], licence.url])
          expect(r.page, f.slug).toBe(`${origin}/${l.segment}/metrics/${slugOf(m)}/`)
        })
      }
    })
  }
})

describe('JSON with metadata', () => {
  it('every figure: value, comparator, unit, scale, currency, as-of date, source, reuse terms, permalinks in both languages', () => {
    for (const m of metrics) {
      const json = JSON.parse(read(`data/metrics/${slugOf(m)}.json`).toString('utf8'))
      expect(json).toMatchObject({ slug: slugOf(m), value: m.value, comparator: m.comparator, unit: m.unit, scale: 1, currency: m.currency ?? null, asOf: m.asOf })
      expect(json.source.id).toBe((m.source as { _ref: string })._ref)
      for (const l of locales) {
        expect(json.label[l.tag]).toBe((m.label as Loc)[l.id])
        expect(json.license).toEqual({ id: licence.id, name: { [locales[0].tag]: licence.name[locales[0].id], [locales[1].tag]: licence.name[locales[1].id] }, url: licence.url })
        expect(json.permalink[l.tag]).toBe(`${origin}/${l.segment}/metrics/${slugOf(m)}/`)
        expect(json.citation[l.tag].plain).toContain(json.permalink[l.tag])
      }
    }
  })

  it('every group: its figures in order, with the same metadata', () => {
    for (const g of groups) {
      const json = JSON.parse(read(`data/groups/${slugOf(g)}.json`).toString('utf8'))
      expect(json.figures.map((f: { slug: string }) => f.slug)).toEqual(membersOf(g).map(slugOf))
      expect(json.scale).toBe(1)
      for (const l of locales) expect(json.permalink[l.tag]).toBe(`${origin}/${l.segment}/metrics/#${slugOf(g)}`)
    }
  })

  it('/data/metrics.json lists every file, and every listed file exists', () => {
    const data = JSON.parse(read('data/metrics.json').toString('utf8')) as { metrics: { files: Record<string, unknown> }[]; groups: { files: Record<string, unknown> }[] }
    const listed = [...data.metrics, ...data.groups].flatMap((x) => [
      x.files.json as string,
      ...Object.values(x.files.csv as Loc),
      ...Object.values(x.files.svg as Loc),
      ...Object.values(x.files.zip as Loc),
    ]) as string[]
    expect(listed).toHaveLength((metrics.length + groups.length) * (1 + 3 * locales.length))
    for (const url of listed) expect(existsSync(join(dir, new URL(url).pathname)), url).toBe(true)
  })
})

describe('citations on the figure pages', () => {
  const m = metrics.find((x) => slugOf(x) === 'foundry-market-share')!
  for (const l of locales) {
    it(`${l.segment}: plain text, APA and BibTeX carry the figure, the site, the date and the address`, () => {
      const p = page(dir, `/${l.segment}/metrics/foundry-market-share/`)
      const cite = (kind: string) => p.root.querySelector(`[data-reuse="metric:foundry-market-share"] [data-citation="${kind}"]`)!.text
      const url = `${origin}/${l.segment}/metrics/foundry-market-share/`
      const label = (m.label as Loc)[l.id]!
      expect(cite('plain')).toContain(`${label}${l.id === 'en' ? ': 75% (April 2020)' : '：75%，民國 109 年 4 月（2020 年 4 月）'}`)
      expect(cite('plain')).toContain(url)
      // APA: author, the date the figure last changed (in Taiwan), [Data set], the address; no retrieval date.
      const publisher = (settings.publisher as Loc)[l.id]!
      expect(cite('apa')).toBe(
        l.id === 'en'
          ? `${publisher}. (2026, November 28). ${label} [Data set]. ${(settings.title as Loc).en}. ${url}`
          : `${publisher}（2026年11月28日）。${label}〔資料集〕。${(settings.title as Loc).zhTW}。${url}`,
      )
      const bib = p.root.querySelector('[data-reuse="metric:foundry-market-share"] [data-citation="bibtex"]')!.text
      expect(bib).toMatch(new RegExp(`^@misc\\{sixcore:metric:foundry-market-share:${l.segment},\\n`))
      expect(bib).toContain(`  title = {{${label}}},`)
      expect(bib).toContain('  year = {2026},\n  month = nov,')
      expect(bib).toContain(`  url = {${url}},`)
      expect(bib).not.toContain('urldate')
      expect(cite('plain')).toContain(licence.name[l.id])
      expect(bib).toContain('75\\%')
      expect(bib.trim().endsWith('}')).toBe(true)
    })
  }
})
