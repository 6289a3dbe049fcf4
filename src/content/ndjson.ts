/**
 * Reading the NDJSON export format (one JSON document per line), as `sanity dataset export`
 * writes it and `sanity dataset import` reads it.
 */
import { ContentError } from './content-error.ts'

/** Parses NDJSON text; a malformed line throws an error naming the file, the line and the parse error. */
export function parseNdjson(text: string, file = 'dataset.ndjson'): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new ContentError({
        file,
        line: index + 1,
        code: 'file.malformed',
        message: `This line is not valid JSON (${(error as Error).message}).`,
        hint: 'Each line must hold one whole JSON document; run `npm run content:normalize` after fixing it.',
      })
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ContentError({
        file,
        line: index + 1,
        code: 'file.malformed',
        message: `Expected a JSON object (a document), found ${Array.isArray(value) ? 'an array' : typeof value}.`,
        hint: 'Each line must hold one document: a JSON object with _id and _type.',
      })
    }
    documents.push(value as Record<string, unknown>)
  })
  return documents
}

/**
 * System fields Sanity adds on export that the normalized dataset leaves out: `_rev` is an
 * opaque revision id that a hand edit of the file would silently leave stale, and the site
 * shows no creation date. `_updatedAt` is kept: pages say when their content last changed.
 * In the embedded dataset it comes from the file's git history (`npm run content:dates`), on
 * export from the Content Lake; either way a re-export of unchanged content gives an
 * identical file.
 */
export const SYSTEM_FIELDS = ['_rev', '_createdAt'] as const

/** Key order in the normalized form: `_id`, `_type`, `_key` first, then the rest by code point. */
function compareKeys(a: string, b: string): number {
  const rank = (key: string) => (key === '_id' ? 0 : key === '_type' ? 1 : key === '_key' ? 2 : 3)
  const byRank = rank(a) - rank(b)
  if (byRank !== 0) return byRank
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether a JSON value already is what {@link sortKeysDeep} makes of it: every object's keys
 * in the normalized order, no undefined member. Normalized datasets are, so their documents
 * can be written as JSON without a sorted copy first.
 */
export function isSortedDeep(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined
  if (Array.isArray(value)) return value.every(isSortedDeep)
  let previous: string | undefined
  for (const key of Object.keys(value)) {
    if (previous !== undefined && compareKeys(previous, key) >= 0) return false
    if (!isSortedDeep((value as Record<string, unknown>)[key])) return false
    previous = key
  }
  return true
}

/** A copy of a JSON value with object keys sorted recursively (arrays keep their order). */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(source).sort(compareKeys)) {
      if (source[key] !== undefined) sorted[key] = sortKeysDeep(source[key])
    }
    return sorted as T
  }
  return value
}

/**
 * The normalized form of a dataset: documents sorted by `_id`, the system fields
 * {@link SYSTEM_FIELDS} (`_rev`, `_createdAt`) removed, keys sorted recursively. Pure: the input
 * is not changed. Throws when a document has no `_id` or when two documents share one.
 */
export function normalizeDataset(documents: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Set<string>()
  const cleaned = documents.map((document, index) => {
    const id = document._id
    if (typeof id !== 'string' || id === '') {
      throw new ContentError({
        documentType: typeof document._type === 'string' ? document._type : '',
        field: '_id',
        code: 'document.missing-id',
        message: `Document number ${index + 1} has no _id.`,
        hint: 'Give every document a unique string _id, e.g. "industry-cybersecurity".',
      })
    }
    if (seen.has(id)) {
      throw new ContentError({
        documentId: id,
        field: '_id',
        code: 'document.duplicate-id',
        message: `Two documents share the _id "${id}".`,
        hint: 'Ids must be unique: rename or delete one of them.',
      })
    }
    seen.add(id)
    const copy: Record<string, unknown> = { ...document }
    for (const field of SYSTEM_FIELDS) delete copy[field]
    return sortKeysDeep(copy)
  })
  return cleaned.sort((a, b) => {
    const x = a._id as string
    const y = b._id as string
    return x < y ? -1 : x > y ? 1 : 0
  })
}

/** One document per line (UTF-8, non-ASCII written as is), with a trailing newline. */
export function serializeNdjson(documents: readonly Record<string, unknown>[]): string {
  return documents.map((document) => JSON.stringify(document)).join('\n') + (documents.length > 0 ? '\n' : '')
}
