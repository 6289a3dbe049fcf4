/**
 * The open data files made from hostile content: CSV cells that a spreadsheet would run as a
 * formula are neutralised (numbers untouched), BibTeX entries stay one entry with the right
 * fields whatever braces a title holds, and the standalone SVG sets its text baselines in a
 * way every renderer follows.
 */
import { readFileSync } from 'node:fs'
import bibtex from 'bibtex'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseNdjson } from '../../src/content/ndjson'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { openDataFile } from '../../src/open-data/files'

type Doc = Record<string, unknown> & { _id: string }
const site = new URL('https://example.org')
const dataset = () => parseNdjson(readFileSync('content/dataset.ndjson', 'utf8')) as Doc[]

/** The views of the embedded dataset with `edit` applied to one document. */
async function viewsWith(id: string, edit: (doc: Doc) => Doc): Promise<SiteViews> {
  const documents = dataset().map((d) => (d._id === id ? edit(d) : d))
  return buildSiteViews(await loadSiteContent(createLocalSource({ documents: documents as never })))
}

const file = async (views: SiteViews, path: string): Promise<string> => {
  const found = await openDataFile(views, site, path)
  if (typeof found?.bytes !== 'string') throw new Error(`no text file ${path}`)
  return found.bytes
}

describe('CSV formula injection', () => {
  const hostile = '=HYPERLINK("http://evil.example","click")'
  let views: SiteViews
  beforeAll(async () => {
    views = await viewsWith('metric-foundry-market-share', (d) => ({ ...d, label: { ...(d.label as object), en: hostile, zhTW: '+1 晶圓' }, value: -5 }))
  })

  it("a figure's CSV starts a hostile label with a quote and keeps a negative value a number", async () => {
    const [record] = parse(await file(views, '/data/metrics/foundry-market-share.en.csv'), { bom: true, columns: true }) as Record<string, string>[]
    expect(record!.label).toBe(`'${hostile}`)
    expect(record!.value).toBe('-5')
    const [zh] = parse(await file(views, '/data/metrics/foundry-market-share.zh-tw.csv'), { bom: true, columns: true }) as Record<string, string>[]
    expect(zh!.label).toBe("'+1 晶圓")
  })

  it('/data/metrics.csv does the same, and no text cell of any CSV starts a formula', async () => {
    const rows = parse(await file(views, '/data/metrics.csv'), { bom: true, columns: true }) as Record<string, string>[]
    const row = rows.find((r) => r.figure_id === 'foundry-market-share')!
    expect([row.label_en, row.label_zh_tw, row.value]).toEqual([`'${hostile}`, "'+1 晶圓", '-5'])
    for (const r of rows) for (const [column, cell] of Object.entries(r)) if (column !== 'value') expect(cell, column).not.toMatch(/^[=+\-@\t\r]/)
  })
})

describe('BibTeX', () => {
  // BibTeX counts every brace, escaped or not: `\}` in a title closes the field. (This parser
  // counts them the same way; it rejects any `@` inside a field, which BibTeX accepts.)
  const title = 'Share } of {chips} \\ 100% "quoted" # & $ _ ^ ~ end'
  const fields = ['author', 'title', 'howpublished', 'year', 'month', 'url', 'note']
  // The month macros (`nov`) every BibTeX style defines; this parser lists the ones an entry
  // uses among its fields, so they are left out when comparing fields.
  const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
  const parseEntry = (entry: string) => bibtex.parseBibFile(`${monthNames.map((m) => `@string{${m} = "${m}"}`).join('\n')}\n${entry}`)
  const fieldsOf = (entry: { fields: Record<string, unknown> }) => Object.keys(entry.fields).filter((k) => !monthNames.includes(k))

  it('a figure with braces, backslashes, % and quotes in its title is one entry with every field', async () => {
    const views = await viewsWith('metric-foundry-market-share', (d) => ({ ...d, label: { ...(d.label as object), en: title, zhTW: `{${title}` } }))
    const json = JSON.parse(await file(views, '/data/metrics/foundry-market-share.json')) as { citation: Record<string, { bibtex: string }> }
    for (const [tag, { bibtex: entry }] of Object.entries(json.citation)) {
      const parsed = parseEntry(entry)
      expect(Object.keys(parsed.entries$), tag).toEqual([`sixcore:metric:foundry-market-share:${tag === 'en' ? 'en' : 'zh-tw'}`])
      const found = parsed.getEntry(Object.keys(parsed.entries$)[0]!)!
      expect(fieldsOf(found), `${tag} ${entry}`).toEqual(fields)
      expect(bibtex.normalizeFieldValue(found.getField('title')), tag).toMatch(/"quoted" .* end$/)
      expect(bibtex.normalizeFieldValue(found.getField('url')), tag).toMatch(/^https:\/\/example\.org\//)
    }
  })

  it("a group's entry with a brace in its title keeps its note", async () => {
    const views = await viewsWith('metricGroup-semiconductor-market-share', (d) => ({ ...d, title: { ...(d.title as object), en: 'Shares }', zhTW: '市占率 {' } }))
    const json = JSON.parse(await file(views, '/data/groups/semiconductor-market-share.json')) as { citation: Record<string, { bibtex: string }> }
    for (const { bibtex: entry } of Object.values(json.citation)) {
      const parsed = parseEntry(entry)
      expect(Object.keys(parsed.entries$)).toHaveLength(1)
      expect(fieldsOf(parsed.getEntry(Object.keys(parsed.entries$)[0]!)!)).toEqual(fields)
    }
  })
})

describe('standalone SVG outside browsers', () => {
  // librsvg (and other renderers that are not browsers) ignores dominant-baseline and clips a
  // nested <svg> at its box: the chart's labels would sit half above their place, cut off.
  it('sets every baseline with dy and lets the nested chart overflow its box', async () => {
    const views = buildSiteViews(await loadSiteContent(createLocalSource()))
    for (const path of ['/data/groups/semiconductor-market-share.en.svg', '/data/metrics/foundry-market-share.zh-tw.svg']) {
      const svg = await file(views, path)
      expect(svg, path).not.toContain('dominant-baseline')
      const nested = svg.match(/<svg\b[^>]*>/g)!.slice(1)
      expect(nested.length, path).toBeGreaterThan(0)
      for (const tag of nested) expect(tag, path).toContain(' overflow="visible"')
      const start = svg.indexOf(nested[0]!)
      const chartTexts = svg.slice(start, svg.indexOf('</svg>', start)).match(/<text\b[^>]*>/g)!
      expect(
        chartTexts.filter((t) => !t.includes(' dy="0.35em"')),
        path,
      ).toEqual([])
    }
  })
})
