/**
 * Open data: /data/metrics.csv (UTF-8 with BOM, RFC 4180, parsed here with csv-parse) and
 * /data/metrics.json match the dataset row for row: value, comparator, unit, currency,
 * date and source.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { formatPlainNumber } from '../../schemas/i18n/format'
import { datasetDocs, distDir, siteOrigin } from './site-lib'

type Loc = Record<string, string | undefined>
type Doc = Record<string, unknown> & { _id: string }
const dir = distDir()
/** A language's column suffix: snake_case, `zh-TW` → `zh_tw`. */
const suffix = (tag: string) => tag.toLowerCase().replace(/-/g, '_')
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const metrics = (datasetDocs('metric') as Doc[]).sort((a, b) => (slugOf(a) < slugOf(b) ? -1 : slugOf(a) > slugOf(b) ? 1 : 0))
const sources = new Map((datasetDocs('source') as Doc[]).map((s) => [s._id, s]))
const sourceOf = (m: Doc) => sources.get((m.source as { _ref: string })._ref)!

describe('metrics.csv', () => {
  const bytes = readFileSync(join(dir, 'data/metrics.csv'))
  const text = bytes.toString('utf8')
  const rows = parse(bytes, { bom: true, columns: true, skip_empty_lines: false, relax_column_count: false }) as Record<string, string>[]

  it('starts with a UTF-8 byte-order mark and uses CRLF line ends', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text).toContain('\r\n')
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(^|[^"])\n/)
  })

  it('has one header row of snake_case names, with a column per language for text', () => {
    const header = parse(bytes, { bom: true, to_line: 1 })[0] as string[]
    for (const col of ['figure_id', 'value', 'comparator', 'unit', 'currency', 'as_of', 'source_url']) expect(header).toContain(col)
    for (const name of header) expect(name).toMatch(/^[a-z][a-z0-9_]*$/)
    for (const l of locales) {
      for (const col of ['label', 'source', 'page']) expect(header).toContain(`${col}_${suffix(l.tag)}`)
    }
  })

  it('has one row per figure, sorted by slug, matching the dataset', () => {
    expect(rows.map((r) => r.figure_id)).toEqual(metrics.map(slugOf))
    const origin = siteOrigin(dir)
    rows.forEach((row, i) => {
      const m = metrics[i]!
      const slug = slugOf(m)
      expect(row.value, slug).toBe(formatPlainNumber(m.value as number))
      expect(Number(row.value), slug).toBe(m.value)
      expect(row.comparator, slug).toBe(m.comparator)
      expect(row.unit, slug).toBe(m.unit)
      expect(row.currency, slug).toBe((m.currency as string | undefined) ?? '')
      expect(row.as_of, slug).toBe(m.asOf)
      const source = sourceOf(m)
      expect(row.source_url, slug).toBe((source.url as string | undefined) ?? '')
      expect(row.source_date, slug).toBe(source.date)
      for (const l of locales) {
        expect(row[`label_${suffix(l.tag)}`], slug).toBe((m.label as Loc)[l.id] ?? '')
        expect(row[`source_${suffix(l.tag)}`], slug).toContain((source.publisher as Loc)[l.id])
        expect(row[`source_${suffix(l.tag)}`], slug).toContain((source.title as Loc)[l.id])
        expect(row[`page_${suffix(l.tag)}`], slug).toBe(`${origin}/${l.segment}/metrics/${slug}/`)
      }
    })
  })

  it('plain numbers: no grouping, no exponent, no currency signs', () => {
    for (const row of rows) expect(row.value, row.figure_id).toMatch(/^-?\d+(\.\d+)?$/)
  })
})

describe('metrics.json', () => {
  const data = JSON.parse(readFileSync(join(dir, 'data/metrics.json'), 'utf8')) as {
    languages: string[]
    metrics: Record<string, unknown>[]
    groups: { slug: string; metrics: string[] }[]
  }

  it('lists every figure with both languages and its source, sorted by slug', () => {
    expect(data.languages).toEqual(locales.map((l) => l.tag))
    expect(data.metrics.map((m) => m.slug)).toEqual(metrics.map(slugOf))
    data.metrics.forEach((jm, i) => {
      const m = metrics[i]!
      const slug = slugOf(m)
      expect(jm.value, slug).toBe(m.value)
      expect(jm.comparator, slug).toBe(m.comparator)
      expect(jm.unit, slug).toBe(m.unit)
      expect(jm.currency, slug).toBe(m.currency ?? null)
      expect(jm.asOf, slug).toBe(m.asOf)
      const source = sourceOf(m)
      const js = jm.source as { id: string; publisher: Loc; title: Loc; date: string; url: string | null }
      expect(js.id, slug).toBe(source._id)
      expect(js.date, slug).toBe(source.date)
      expect(js.url, slug).toBe(source.url ?? null)
      for (const l of locales) {
        expect((jm.label as Loc)[l.tag], slug).toBe((m.label as Loc)[l.id])
        expect(js.publisher[l.tag], slug).toBe((source.publisher as Loc)[l.id])
        expect(js.title[l.tag], slug).toBe((source.title as Loc)[l.id])
      }
    })
  })

  it('lists every figure group with its figures in order', () => {
    const groups = (datasetDocs('metricGroup') as Doc[]).map((g) => ({
      slug: slugOf(g),
      metrics: ((g.metrics as { _ref: string }[]) ?? []).map((r) => slugOf(metrics.find((m) => m._id === r._ref)!)),
    }))
    const sorted = groups.sort((a, b) => (a.slug < b.slug ? -1 : 1))
    expect(data.groups.map((g) => ({ slug: g.slug, metrics: g.metrics }))).toEqual(sorted)
  })
})
