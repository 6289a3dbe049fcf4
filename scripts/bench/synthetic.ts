/**
 * Synthetic datasets for the scale benchmark, generated from the real one: x10 and x100 the
 * industries, metrics, figure groups and glossary terms, still valid under the schema.
 *
 * Copy k (1 … factor-1) of a document gets:
 * - a new `_id` (`<id>-x<k>`) and slug (`<slug>-x<k>`; lowercase and hyphenated like every slug),
 * - every reference to another multiplied document rewritten to that document's copy k,
 *   so copy k of an industry lists copy k of its figures and a figure group's copies keep
 *   one unit; references to documents that are not multiplied (sections, sources) stay,
 * - new `_key`s (`<key>x<k>`), with Portable Text marks that name a markDef rewritten alike,
 * - its title-like fields numbered (` 2` / `（2）`), so pages and search results differ,
 * - an `orderRank` just after the original's (LexoRank strings compare as strings), so
 *   copies sort right after their original and the editorial order stays total.
 * The originals are kept as they are. Pure: documents in, documents out.
 */

/** The document types the benchmark multiplies (each has pages, or feeds pages that scale). */
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
export const copyId = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`)
/** The slug of copy k (k = 0 is the original). */
export const copySlug = (slug: string, k: number) => (k === 0 ? slug : `${slug}-x${k}`)

function numbered(value: unknown, localeKey: string, k: number): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value
  return localeKey.startsWith('zh') ? `${value}（${k + 1}）` : `${value} ${k + 1}`
}

/** Deep copy of a value with references, keys and marks rewritten for copy k. */
function rewrite(value: unknown, k: number, multiplied: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, k, multiplied))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  // A Portable Text block: its children's marks name markDefs by _key.
  const markKeys = Array.isArray(obj.markDefs)
    ? new Set((obj.markDefs as { _key?: string }[]).map((d) => d._key).filter((x): x is string => typeof x === 'string'))
    : undefined
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

/** Copy k (≥ 1) of one document. */
export function copyDocument(doc: Doc, k: number, multiplied: ReadonlySet<string>): Doc {
  const copy = rewrite(doc, k, multiplied) as Doc
  copy._id = copyId(doc._id, k)
  const slug = doc.slug as { current?: string } | undefined
  if (slug && typeof slug.current === 'string') copy.slug = { ...(copy.slug as object), current: copySlug(slug.current, k) }
  if (typeof doc.orderRank === 'string') copy.orderRank = `${doc.orderRank}${String(k).padStart(5, '0')}`
  for (const field of NUMBERED_FIELDS[doc._type] ?? []) {
    const loc = copy[field]
    if (loc && typeof loc === 'object' && !Array.isArray(loc)) {
      copy[field] = Object.fromEntries(Object.entries(loc as Record<string, unknown>).map(([key, v]) => [key, key.startsWith('_') ? v : numbered(v, key, k)]))
    }
  }
  // Sanity system fields that would lie about the copy.
  delete copy._rev
  return copy
}

/**
 * The dataset with every multiplied type `factor` times (originals + factor-1 copies each);
 * other documents once. Drafts are left out (the site builds published content only).
 * Each original is followed by its copies, so the file stays readable.
 */
export function multiplyDataset(docs: readonly Doc[], factor: number): Doc[] {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`The scale factor must be a whole number from 1 (got ${factor}).`)
  const types = new Set<string>(MULTIPLIED_TYPES)
  const published = docs.filter((d) => !d._id.startsWith('drafts.'))
  const multiplied = new Set(published.filter((d) => types.has(d._type)).map((d) => d._id))
  const out: Doc[] = []
  for (const doc of published) {
    out.push(doc)
    if (!multiplied.has(doc._id)) continue
    for (let k = 1; k < factor; k++) out.push(copyDocument(doc, k, multiplied))
  }
  return out
}

/** Count of documents per type. */
export function countByType(docs: readonly Doc[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const d of docs) counts[d._type] = (counts[d._type] ?? 0) + 1
  return counts
}

/** Documents as NDJSON text (one document per line, trailing newline). */
export function toNdjson(docs: readonly Doc[]): string {
  return docs.map((d) => JSON.stringify(d)).join('\n') + '\n'
}
