/**
 * `build.json`, the manifest every site build writes at its root: when it was built, from
 * what, and each published document it saw with the revision it saw and the pages that show
 * it (from the page layer, src/page-model/). The build writes it (scripts/lib/build-manifest.ts);
 * the Studio reads it from the public site to tell editors whether a publish is live, and to
 * list a document's pages in the Presentation tool. Its own module with no imports, so both
 * sides share one definition of the format.
 */

/** Where the file is, from the site root. */
export const BUILD_MANIFEST_PATH = '/build.json'

/** What the site was built from: public facts only (never a token). */
export type ManifestSource = { kind: 'dataset'; file: string | null } | { kind: 'live'; projectId: string; dataset: string; perspective: string }

/** One published document as the build saw it. */
export interface ManifestDocument {
  _id: string
  _type: string
  /** The revision the build saw; null when the source has none (the embedded NDJSON keeps no `_rev`). */
  _rev: string | null
  /** When that revision was made (ISO 8601); null when the source has none. */
  _updatedAt: string | null
  /** The site paths of the pages that show it, sorted; empty when no page does. */
  pages: string[]
}

export interface BuildManifest {
  /** When the build ran (ISO 8601 instant). */
  builtAt: string
  source: ManifestSource
  /** Sorted by `_id`. */
  documents: ManifestDocument[]
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)

/** One document of a manifest read from the network, or undefined when it is not one. */
function readDocument(value: unknown): ManifestDocument | undefined {
  if (!isRecord(value) || typeof value._id !== 'string' || typeof value._type !== 'string' || !Array.isArray(value.pages)) return undefined
  return {
    _id: value._id,
    _type: value._type,
    _rev: stringOrNull(value._rev),
    _updatedAt: stringOrNull(value._updatedAt),
    pages: value.pages.filter((page): page is string => typeof page === 'string'),
  }
}

/**
 * A manifest read from a site (untrusted JSON): the manifest, or what is wrong with it. Entries
 * that are not documents are dropped; a file without a date or a document list is refused.
 */
export function parseBuildManifest(value: unknown): { manifest: BuildManifest } | { error: string } {
  if (!isRecord(value)) return { error: 'build.json is not a JSON object.' }
  if (typeof value.builtAt !== 'string' || Number.isNaN(Date.parse(value.builtAt))) return { error: 'build.json has no valid builtAt date.' }
  if (!Array.isArray(value.documents)) return { error: 'build.json has no documents list.' }
  const source = isRecord(value.source) ? (value.source as ManifestSource) : { kind: 'dataset' as const, file: null }
  const documents = value.documents.flatMap((d) => readDocument(d) ?? [])
  return { manifest: { builtAt: value.builtAt, source, documents } }
}
