/**
 * What every content source is: something that answers GROQ with `$params`. The local and the
 * live source answer the same queries with the same shape, so nothing downstream knows or
 * cares which one ran.
 */
import { parse } from 'groq-js'
import { HintedError } from '../content-error.ts'

/** GROQ parameters: JSON values only. */
export type QueryParams = Record<string, unknown>

/** The minimum a stored document has. */
export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

/**
 * Where a source reads, as the build's manifest (dist/build.json) states it: public facts
 * only, never a token or a path outside the project.
 */
export type SourceOrigin = { kind: 'dataset'; file: string | null } | { kind: 'live'; projectId: string; dataset: string; perspective: string }

export interface ContentSource {
  /** `local` (the embedded NDJSON, groq-js) or `live` (the Content Lake, @sanity/client). */
  readonly kind: 'local' | 'live'
  /** What it reads: the dataset file, or the project, dataset and perspective. */
  readonly origin: SourceOrigin
  /** A one-line description for logs and error messages, never containing a token. */
  readonly description: string
  /** True when the source shows drafts (a preview build): pages then say so and are not indexed. */
  readonly preview: boolean
  /** Run one GROQ query with `$params`. */
  query<T>(query: string, params?: QueryParams): Promise<T>
  /** Every document the source holds (published only unless it is a drafts preview). */
  allDocuments(): Promise<SanityDocumentLike[]>
}

/** The names of the `$params` a query uses, read from groq-js's syntax tree. */
export function queryParamNames(query: string): string[] {
  const names = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') names.add(record.name)
    for (const value of Object.values(record)) visit(value)
  }
  visit(parse(query))
  return [...names].sort()
}

/**
 * Throws when a query uses a `$param` it was not given: groq-js would quietly answer with an
 * empty result, which would build a site with empty pages.
 */
export function assertParams(query: string, params: QueryParams): void {
  const missing = queryParamNames(query).filter((name) => !(name in params))
  if (missing.length > 0) {
    throw new HintedError(
      `The query needs the parameter(s) ${missing.map((m) => `$${m}`).join(', ')}, which were not given.`,
      'Pass them in the params object of query(q, params).',
      'query.missing-params',
    )
  }
}
