/**
 * Synthetic datasets, generated from the real one: `factor` times the industries, metrics,
 * figure groups and glossary terms (the types that have pages, or feed pages that scale),
 * still valid under the schema, so the build does at 100× what it does at 1×.
 *
 * Copy k (1 … factor-1) of a document gets a new `_id` (`<id>-x<k>`) and slug (`<slug>-x<k>`),
 * references to other multiplied documents rewritten to their copy k (so a copy of a figure
 * group keeps one unit), new `_key`s with Portable Text marks renamed alike, numbered titles
 * (so pages and search results differ), and an `orderRank` right after the original's
 * (LexoRank strings compare as strings). Translation provenance is copied with the text
 * (block snapshots keyed like the copy's blocks); a numbered title gets a fresh record,
 * confirmed when the original's was, so a copy is as current as the real dataset.
 * Pure: documents in, documents out.
 */
import { readFileSync } from 'node:fs'
import { fieldSourceLocale, provenanceRecord, type LocalizedValue } from '../../schemas/lib/provenance.ts'

export const MULTIPLIED_TYPES = ['industry', 'metric', 'metricGroup', 'glossaryTerm'] as const

/** Title-like localized fields per type that get the copy's number. */
const NUMBERED_FIELDS: Record<string, string[]> = {
  industry: ['name', 'shortName'],
  metric: ['label'],
  metricGroup: ['title'],
  glossaryTerm: ['term'],
}

export type Doc = { _id: string; _type: string; [field: string]: unknown }

/** The id of copy k of a document (k = 0 is the original). */
export const copyId = (id: string, k: number): string => (k === 0 ? id : `${id}-x${k}`)

function numbered(value: unknown, localeKey: string, k: number): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value
  return localeKey.startsWith('zh') ? `${value}（${k + 1}）` : `${value} ${k + 1}`
}

/** Deep copy of a value with references, keys and marks rewritten for copy k. */
function rewrite(value: unknown, k: number, multiplied: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, k, multiplied))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  // In a Portable Text block, the children's marks name markDefs by _key.
  const markKeys = Array.isArray(obj.markDefs) ? new Set((obj.markDefs as { _key?: string }[]).map((d) => d._key)) : undefined
  const out: Record<string, unknown> = {}
  for (const [name, v] of Object.entries(obj)) {
    if (name === '_ref' && typeof v === 'string') out[name] = multiplied.has(v) ? copyId(v, k) : v
    else if (name === '_key' && typeof v === 'string') out[name] = `${v}x${k}`
    else if (name === 'children' && markKeys && Array.isArray(v)) {
      out[name] = v.map((child) => {
        const c = rewrite(child, k, multiplied) as Record<string, unknown>
        if (Array.isArray(c.marks)) c.marks = c.marks.map((m) => (typeof m === 'string' && markKeys.has(m) ? `${m}x${k}` : m))
        return c
      })
    } else out[name] = rewrite(v, k, multiplied)
  }
  return out
}

/** A numbered field's translations, confirmed against the numbered source as the original's were against theirs. */
function withRenumberedProvenance(field: LocalizedValue): LocalizedValue {
  const records = field.provenance
  if (!records) return field
  const source = fieldSourceLocale(field)
  const renewed = Object.entries(records).map(([locale, record]) =>
    record && typeof record === 'object' && 'confirmedAt' in record ? [locale, provenanceRecord(field[source], record.confirmedAt)] : [locale, record],
  )
  return { ...field, provenance: Object.fromEntries(renewed) }
}

function copyDocument(doc: Doc, k: number, multiplied: ReadonlySet<string>): Doc {
  const copy = rewrite(doc, k, multiplied) as Doc
  copy._id = copyId(doc._id, k)
  const slug = doc.slug as { current?: string } | undefined
  if (typeof slug?.current === 'string') copy.slug = { ...(copy.slug as object), current: `${slug.current}-x${k}` }
  if (typeof doc.orderRank === 'string') copy.orderRank = `${doc.orderRank}${String(k).padStart(5, '0')}`
  for (const field of NUMBERED_FIELDS[doc._type] ?? []) {
    const loc = copy[field]
    if (loc && typeof loc === 'object' && !Array.isArray(loc)) {
      const texts = Object.fromEntries(Object.entries(loc).map(([key, v]) => [key, key.startsWith('_') || key === 'provenance' ? v : numbered(v, key, k)]))
      copy[field] = withRenumberedProvenance(texts as LocalizedValue)
    }
  }
  // A revision would lie about the copy.
  delete copy._rev
  return copy
}

/**
 * The published documents with every multiplied type `factor` times (each original followed
 * by its copies); drafts are left out, as the site builds published content only.
 */
export function multiplyDataset(docs: readonly Doc[], factor: number): Doc[] {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`The scale factor must be a whole number from 1 (got ${factor}).`)
  const types = new Set<string>(MULTIPLIED_TYPES)
  const published = docs.filter((d) => !d._id.startsWith('drafts.'))
  const multiplied = new Set(published.filter((d) => types.has(d._type)).map((d) => d._id))
  return published.flatMap((doc) => (multiplied.has(doc._id) ? [doc, ...Array.from({ length: factor - 1 }, (_, i) => copyDocument(doc, i + 1, multiplied))] : [doc]))
}

export function countByType(docs: readonly Doc[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const d of docs) counts[d._type] = (counts[d._type] ?? 0) + 1
  return counts
}

export const readNdjson = (file: string): Doc[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)

export const toNdjson = (docs: readonly Doc[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n'
