/**
 * Sanity's own rules from `schemas/` (the `validateDocument` the Studio runs, custom rules
 * included), over the offline client, recording for each document what its rules asked of
 * the other documents: every query with a hash of its answer, and every existence check.
 * The rule cache keeps a result only while those answers stay the same.
 */
import pMap from 'p-map'
import { isSortedDeep, sortKeysDeep } from '../ndjson.ts'
import type { QueryParams, SanityDocumentLike } from '../source/index.ts'
import { sha256 } from '../../utils/hash.ts'
import { clientFromFetch, type DatasetFetch } from './offline-client.ts'
import { loadValidator, type DocumentValidationMarker, type Validator } from './sanity-adapter.ts'

/** What the rules may ask about the other documents. */
export interface RuleContext {
  exists: (id: string) => boolean
  fetch: DatasetFetch
}

/** Something a document's rules depended on besides the document: a query and its answer, or an id's existence. */
export type RuleDependency = { query: string; params: QueryParams; resultHash: string } | { exists: string; result: boolean }

/** Sanity's markers for one document, with what its rules asked. */
export interface RuleResult {
  markers: DocumentValidationMarker[]
  dependencies: RuleDependency[]
  /** False when the result must not be reused (an exception, a query that failed, markers that are not JSON). */
  cacheable: boolean
}

/**
 * A value as JSON with object keys sorted (undefined members left out, as JSON.stringify does).
 * A value that is sorted already (every document of a normalized dataset) is written as it is:
 * the same text, without a sorted copy of every document on every build.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(isSortedDeep(value) ? value : sortKeysDeep(value)) ?? 'null'
}

export const hashJson = (value: unknown) => sha256(canonicalJson(value))

/** What identifies a query a rule ran: its text and its params, as canonical JSON. */
export const queryId = (query: string, params: QueryParams) => `${query}\u0000${canonicalJson(params)}`

/**
 * Sanity's markers for each document, `concurrency` at a time. Each document gets its own
 * recording client, so concurrent validations do not mix their records. (Worker threads
 * would each have to load Sanity's packages again.)
 */
export async function runRules(documents: readonly SanityDocumentLike[], context: RuleContext, concurrency: number): Promise<RuleResult[]> {
  if (documents.length === 0) return []
  const validator = await loadValidator()
  return pMap(documents, (document) => runOne(validator, document, context), { concurrency })
}

async function runOne(validator: Validator, document: SanityDocumentLike, context: RuleContext): Promise<RuleResult> {
  const recorder = new Recorder(context)
  let markers: DocumentValidationMarker[]
  try {
    const result = await validator.validateDocument({
      document: document as unknown as Parameters<Validator['validateDocument']>[0]['document'],
      schema: validator.schema,
      client: clientFromFetch(recorder.fetch),
      getDocumentExists: async ({ id }) => recorder.exists(id),
    })
    markers = result.markers
  } catch (error) {
    const message = `Validation failed with an exception: ${(error as Error).message}`
    return { markers: [{ code: 'validation.exception', level: 'error', path: [], message } as unknown as DocumentValidationMarker], dependencies: [], cacheable: false }
  }
  // As JSON, so a result read back from the cache is identical to a fresh one.
  const json = asJson(markers)
  return { markers: json ?? markers, dependencies: recorder.dependencies(), cacheable: recorder.cacheable && json !== undefined }
}

function asJson<T>(value: T): T | undefined {
  try {
    return JSON.parse(JSON.stringify(value)) as T
  } catch {
    return undefined
  }
}

/**
 * The `fetch` and `exists` one document's rules see, writing down each question and its
 * answer. Params are sent as JSON (as a real client sends them), so a recorded query run
 * again later is exactly the one the rules ran.
 */
class Recorder {
  cacheable = true
  private readonly context: RuleContext
  private readonly recorded = new Map<string, RuleDependency>()

  constructor(context: RuleContext) {
    this.context = context
  }

  fetch = async (query: string, params: QueryParams = {}): Promise<unknown> => {
    const sent = asJson(params ?? {})
    if (sent === undefined) {
      this.cacheable = false
      return this.context.fetch(query, params)
    }
    let result: unknown
    try {
      result = await this.context.fetch(query, sent)
    } catch (error) {
      this.cacheable = false
      throw error
    }
    try {
      this.recorded.set(queryId(query, sent), { query, params: sent, resultHash: hashJson(result) })
    } catch {
      this.cacheable = false
    }
    return result
  }

  exists(id: string): boolean {
    const result = this.context.exists(id)
    this.recorded.set(`e\u0000${id}`, { exists: id, result })
    return result
  }

  dependencies(): RuleDependency[] {
    return [...this.recorded.values()]
  }
}
