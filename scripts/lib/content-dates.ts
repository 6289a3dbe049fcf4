/**
 * When each document of a dataset file last changed, read from the file's history: the
 * `_updatedAt` the embedded dataset carries, since its documents were never stored in Sanity
 * (which would have stamped them). No date is invented: a document's `_updatedAt` is the time
 * of the last version of the file in which its content changed.
 *
 * "Content" is the document without its system fields (`_rev`, `_createdAt`, `_updatedAt`),
 * so writing the dates into the file is not itself a change, and running this again gives
 * the same file. One exception keeps Sanity's own times: when a version changed a document's
 * content and its `_updatedAt` together (what `npm run content:export` writes), that
 * `_updatedAt` is the Content Lake's record of the change and is kept.
 */
import { sortKeysDeep } from '../../src/content/ndjson.ts'

/** One version of the dataset file: when it was made and its documents. */
export interface DatasetVersion {
  /** ISO 8601 instant: a commit's time, or now for uncommitted changes. */
  time: string
  documents: readonly Record<string, unknown>[]
}

/** Sanity writes `_updatedAt` to the second: `2026-11-27T16:01:39Z`. */
export function sanityTimestamp(date: Date | string): string {
  const instant = new Date(date)
  if (Number.isNaN(instant.getTime())) throw new Error(`"${String(date)}" is not a date.`)
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function contentKey(document: Record<string, unknown>): string {
  const { _rev, _createdAt, _updatedAt, ...content } = document
  return JSON.stringify(sortKeysDeep(content))
}

/**
 * The `_updatedAt` of every document in the last version, by `_id`. `versions` run from the
 * oldest to the newest; the newest is the file as it is now.
 */
export function lastChangeTimes(versions: readonly DatasetVersion[]): Map<string, string> {
  const seen = new Map<string, { key: string; updatedAt: unknown }>()
  const times = new Map<string, string>()
  for (const version of versions) {
    const present = new Set<string>()
    for (const document of version.documents) {
      const id = String(document._id)
      present.add(id)
      const key = contentKey(document)
      const before = seen.get(id)
      if (!before || before.key !== key) {
        const stamped = typeof document._updatedAt === 'string' && document._updatedAt !== before?.updatedAt
        times.set(id, stamped ? String(document._updatedAt) : sanityTimestamp(version.time))
      }
      seen.set(id, { key, updatedAt: document._updatedAt })
    }
    // A document deleted and added again has changed when it comes back.
    for (const id of [...seen.keys()]) if (!present.has(id)) seen.delete(id)
  }
  const last = versions.at(-1)
  return new Map((last?.documents ?? []).map((d) => [String(d._id), times.get(String(d._id))!]))
}

/** The last version's documents with `_updatedAt` from {@link lastChangeTimes}. */
export function withChangeTimes(versions: readonly DatasetVersion[]): Record<string, unknown>[] {
  const times = lastChangeTimes(versions)
  return (versions.at(-1)?.documents ?? []).map((d) => ({ ...d, _updatedAt: times.get(String(d._id)) }))
}
