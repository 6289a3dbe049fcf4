import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { evaluate, parse } from 'groq-js'
import { createClient, type ClientPerspective, type SanityClient } from '@sanity/client'
import { parseNdjson } from './ndjson.ts'

/** GROQ parameters: JSON values only. */
export type QueryParams = Record<string, unknown>

/**
 * Where content comes from. Both kinds answer the same GROQ query with the same shape,
 * so nothing downstream knows or cares which one ran.
 */
export interface ContentSource {
  /** `local` (the embedded NDJSON, groq-js) or `live` (the Content Lake, @sanity/client). */
  readonly kind: 'local' | 'live'
  /** A one-line description for logs and error messages, never containing a token. */
  readonly description: string
  /** Run one GROQ query with `$params`. */
  query<T>(query: string, params?: QueryParams): Promise<T>
  /** Every document the source holds (published only unless it is a drafts preview). */
  allDocuments?(): Promise<SanityDocumentLike[]>
}

/** The minimum a stored document has. */
export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

/** The API version the live client is pinned to. */
export const API_VERSION = '2025-02-19'

/** The embedded dataset, relative to the project root (where npm runs scripts). */
export const DEFAULT_DATASET_FILE = 'content/dataset.ndjson'

/**
 * Throws when a query names a `$param` it was not given: groq-js would quietly answer
 * with an empty result, which would build a site with empty pages.
 */
export function assertParams(query: string, params: QueryParams): void {
  // Strip string literals first so a "$" inside quotes is not taken for a parameter.
  const code = query.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
  const missing = [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].filter(
    (name) => !(name in params),
  )
  if (missing.length > 0) {
    throw new Error(
      `The query needs the parameter(s) ${missing.map((m) => `$${m}`).join(', ')}, which were not given. ` +
        'Hint: pass them in the params object of query(q, params).',
    )
  }
}

/** Options for {@link createLocalSource}. */
export interface LocalSourceOptions {
  /** NDJSON file path; relative paths resolve from the current working directory. */
  file?: string
  /** Documents to use instead of reading a file (tests, benchmarks). */
  documents?: SanityDocumentLike[]
}

/**
 * The embedded offline source: reads the NDJSON export once and answers GROQ with groq-js.
 * Drafts (`drafts.*`) are left out, as the live API's `published` perspective does.
 */
export function createLocalSource(options: LocalSourceOptions = {}): ContentSource {
  const file = resolve(options.file ?? process.env.CONTENT_FILE ?? DEFAULT_DATASET_FILE)
  let documents: SanityDocumentLike[] | undefined = options.documents
  let byId: Map<string, SanityDocumentLike> | undefined
  const load = (): SanityDocumentLike[] => {
    if (!documents) {
      const parsed = parseNdjson(readFileSync(file, 'utf8'), file) as SanityDocumentLike[]
      documents = parsed.filter((doc) => !doc._id.startsWith('drafts.'))
    }
    return documents
  }
  // groq-js resolves `->` by scanning the whole dataset for the id, once per reference: the
  // site query's ~10 references per figure and industry made 10,000 documents take 30 s.
  // An id index built once answers the same (the first document with that id) in O(1).
  const dereference = ({ _ref }: { _ref: string }): SanityDocumentLike | undefined => {
    if (!byId) {
      byId = new Map()
      for (const doc of load()) if (!byId.has(doc._id)) byId.set(doc._id, doc)
    }
    return byId.get(_ref)
  }
  return {
    kind: 'local',
    description: options.documents ? 'local documents (in memory)' : `local dataset ${file}`,
    async query<T>(query: string, params: QueryParams = {}): Promise<T> {
      assertParams(query, params)
      // groq-js needs the params at parse time too, or `field[$param]` silently ignores them.
      const tree = parse(query, { params })
      const result = await evaluate(tree, { dataset: load(), params, dereference })
      return (await result.get()) as T
    },
    async allDocuments() {
      return load()
    },
  }
}

/** Options for {@link createLiveSource}. */
export interface LiveSourceOptions {
  projectId: string
  dataset: string
  /** Another API host, e.g. `http://127.0.0.1:4010` for a local test server. */
  apiHost?: string
  /** A read token: needed for the drafts perspective and private datasets. Used at build time only. */
  token?: string
  /** `published` (default) or `drafts` for a preview build of unpublished changes. */
  perspective?: 'published' | 'drafts'
  /** Milliseconds before one request is abandoned (default 30 s). A timeout is not retried. */
  timeout?: number
  /** How many times a failed request is retried: 429, 5xx and dropped connections (default 4). */
  maxRetries?: number
  /** The first backoff delay in ms, doubled on every retry, with jitter (default 250). */
  retryDelayMs?: number
  /** The longest wait between two attempts, whatever Retry-After asks (default 30 s). */
  maxRetryDelayMs?: number
}

/** Defaults of the live source, also used by the sync scripts. */
export const LIVE_DEFAULTS = { timeout: 30_000, maxRetries: 4, retryDelayMs: 250, maxRetryDelayMs: 30_000 } as const

/** HTTP statuses worth another attempt: rate limiting and server-side trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])
/** Network failures worth another attempt (the request most likely never reached the API). */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENETDOWN', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'])

/** Where a live request went: enough to name it in an error, never the token. */
export interface LiveTarget {
  projectId: string
  dataset: string
  apiHost?: string
  perspective?: string
}

/**
 * A failed Content Lake request, with a message that names the project, dataset, status and
 * a fix. The message and fields never contain the token.
 */
export class SanityApiError extends Error {
  override name = 'SanityApiError'
  /** The HTTP status, when the API answered. */
  readonly statusCode: number | undefined
  /** How many attempts were made. */
  readonly attempts: number
  /** True when the request timed out. */
  readonly timedOut: boolean

  // Plain fields, not parameter properties: the build runs this file with Node's own type
  // stripping, which only erases types.
  constructor(message: string, statusCode: number | undefined, attempts: number, timedOut = false) {
    super(message)
    this.statusCode = statusCode
    this.attempts = attempts
    this.timedOut = timedOut
  }
}

/** The HTTP status of a failed request (a @sanity/client error or our own), if it had one. */
export function errorStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { statusCode?: unknown } } | null
  const status = e?.statusCode ?? e?.response?.statusCode ?? e?.status
  return typeof status === 'number' ? status : undefined
}

function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null
  const code = e?.code ?? e?.cause?.code
  return typeof code === 'string' ? code : undefined
}

/** True for a request that ran out of time (get-it's TimeoutError, an AbortSignal timeout). */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  return name === 'TimeoutError' || (name === 'AbortError' && /time/i.test(String((error as Error).message)))
}

/** Whether another attempt may succeed. Timeouts are not retried: they fail once, clearly. */
export function isRetryable(error: unknown): boolean {
  if (isTimeout(error)) return false
  const status = errorStatus(error)
  if (status !== undefined) return RETRYABLE_STATUSES.has(status)
  const code = errorCode(error)
  return code !== undefined && RETRYABLE_CODES.has(code)
}

/** The wait a `Retry-After` header asks for (seconds or an HTTP date), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> | Headers }; headers?: unknown } | null)?.response?.headers
  let value: unknown
  if (headers && typeof (headers as Headers).get === 'function') value = (headers as Headers).get('retry-after')
  else if (headers) value = (headers as Record<string, unknown>)['retry-after'] ?? (headers as Record<string, unknown>)['Retry-After']
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Options for {@link withRetries}. */
export interface RetryOptions {
  maxRetries?: number
  retryDelayMs?: number
  maxRetryDelayMs?: number
  /** Called before each wait; for logs. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void
  /** Replaceable for tests. */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Runs `attempt` and retries it on 429, 5xx and dropped connections, with exponential backoff
 * and jitter (`retryDelayMs * 2^n`), honouring `Retry-After`; every wait is capped at
 * `maxRetryDelayMs`. Throws the last error, with `attempts` set on it.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxRetries = options.maxRetries ?? LIVE_DEFAULTS.maxRetries
  const base = options.retryDelayMs ?? LIVE_DEFAULTS.retryDelayMs
  const cap = options.maxRetryDelayMs ?? LIVE_DEFAULTS.maxRetryDelayMs
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  for (let n = 0; ; n++) {
    try {
      return await attempt(n)
    } catch (error) {
      if (n >= maxRetries || !isRetryable(error)) {
        if (error && typeof error === 'object') Object.assign(error, { attempts: n + 1 })
        throw error
      }
      const backoff = base * 2 ** n + Math.random() * base
      const delayMs = Math.min(cap, Math.max(retryAfterMs(error) ?? 0, backoff))
      options.onRetry?.({ attempt: n + 1, delayMs, error })
      await sleep(delayMs)
    }
  }
}

/** A fix to try for a failed request, by status. */
function hintFor(status: number | undefined, error: unknown, timeoutMs?: number): string {
  if (isTimeout(error)) {
    return `the API did not answer within ${timeoutMs ?? 'the timeout'} ms. Hint: retry the build; if it keeps timing out, raise SANITY_TIMEOUT_MS or check status.sanity.io.`
  }
  switch (status) {
    case 400:
      return 'Hint: the API refused the request (often a GROQ error); check the query in src/content/queries.ts and its params.'
    case 401:
      return 'Hint: the token is missing, expired or wrong; set SANITY_API_READ_TOKEN (a Viewer token from sanity.io/manage, API, Tokens; SANITY_API_WRITE_TOKEN with the Editor role for content:import), or unset it for a public dataset.'
    case 403:
      return 'Hint: the token lacks permission for this dataset; use a token with the Viewer role (Editor for imports).'
    case 404:
      return 'Hint: check SANITY_PROJECT_ID and SANITY_DATASET (and SANITY_API_HOST, if set); the project or dataset does not exist there.'
    case 429:
      return 'Hint: the API is rate-limiting this project; wait a minute and rebuild.'
    default:
      if (status !== undefined && status >= 500) return 'Hint: the Content Lake is having trouble; check status.sanity.io and rebuild later.'
      return status === undefined
        ? 'Hint: the API could not be reached; check the network and SANITY_API_HOST (unset it for api.sanity.io).'
        : 'Hint: check SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_HOST and the token.'
  }
}

/** Removes every occurrence of each secret from a text. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]')
  return out
}

/**
 * Turns a failed request into a {@link SanityApiError} naming the project, dataset, status and
 * a fix; `secrets` (tokens) are scrubbed from anything the server sent back.
 */
export function describeApiError(error: unknown, target: LiveTarget, what: string, secrets: (string | undefined)[], timeoutMs?: number): SanityApiError {
  const status = errorStatus(error)
  const attempts = Number((error as { attempts?: unknown } | null)?.attempts ?? 1)
  const where = `project "${target.projectId}", dataset "${target.dataset}"${target.apiHost ? ` at ${target.apiHost}` : ''}${target.perspective ? `, perspective "${target.perspective}"` : ''}`
  const timedOut = isTimeout(error)
  // A GROQ parse error's message is a multi-line code frame; its description is the useful part.
  // A mutation error's items say what failed (e.g. a missing permission).
  const details = (error as { details?: { description?: unknown; items?: { error?: { description?: unknown } }[] } } | null)?.details
  const items = (Array.isArray(details?.items) ? details.items : [])
    .map((item) => item?.error?.description)
    .filter((d): d is string => typeof d === 'string')
    .slice(0, 3)
  const text =
    typeof details?.description === 'string'
      ? [details.description, ...items].join(': ')
      : error instanceof Error
        ? error.message
        : String(error)
  const reason = redact(text, secrets).split('\n')[0]!.slice(0, 300)
  const outcome = timedOut ? 'timed out' : status !== undefined ? `failed with HTTP status ${status}` : 'failed'
  const message =
    `Sanity ${what} ${outcome} for ${where}` +
    `${attempts > 1 ? ` after ${attempts} attempts` : ''} (${reason}); ` +
    hintFor(status, error, timeoutMs)
  return new SanityApiError(message, status, attempts, timedOut)
}

/**
 * The live source: the Sanity Content Lake through @sanity/client, never the CDN at build
 * time (a build must see what was just published), API version pinned, one timeout per
 * request, and our own retries: @sanity/client 8 retries only 429/502/503 (not 500/504) with a
 * fixed backoff that ignores Retry-After, so its own retries are off (`maxRetries: 0`).
 */
export function createLiveSource(options: LiveSourceOptions): ContentSource {
  const perspective: ClientPerspective = options.perspective ?? 'published'
  const timeout = options.timeout ?? LIVE_DEFAULTS.timeout
  const client: SanityClient = createClient({
    projectId: options.projectId,
    dataset: options.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    perspective,
    token: options.token,
    // A custom host (a test server) must be used as given, not as PROJECT.host.
    ...(options.apiHost ? { apiHost: options.apiHost, useProjectHostname: false } : {}),
    timeout,
    maxRetries: 0,
  })
  const target: LiveTarget = { projectId: options.projectId, dataset: options.dataset, apiHost: options.apiHost, perspective }
  const where = `project "${options.projectId}", dataset "${options.dataset}"${options.apiHost ? ` at ${options.apiHost}` : ''}, perspective "${perspective}"`
  const run = async <T>(query: string, params: QueryParams): Promise<T> => {
    assertParams(query, params)
    try {
      return await withRetries(() => client.fetch<T>(query, params), {
        ...options,
        onRetry: ({ attempt, delayMs, error }) =>
          console.warn(
            `Sanity query for ${where}: ${errorStatus(error) ? `HTTP ${errorStatus(error)}` : (errorCode(error) ?? 'network error')}; ` +
              `retry ${attempt} of ${options.maxRetries ?? LIVE_DEFAULTS.maxRetries} in ${Math.round(delayMs)} ms.`,
          ),
      })
    } catch (error) {
      throw describeApiError(error, target, 'query', [options.token], timeout)
    }
  }
  return {
    kind: 'live',
    description: `Sanity ${where}`,
    query: <T>(query: string, params: QueryParams = {}) => run<T>(query, params),
    async allDocuments() {
      // What the embedded dataset holds: documents, not system or asset documents.
      const docs = await run<SanityDocumentLike[]>(
        '*[!(_id in path("_.**")) && !string::startsWith(_type, "sanity.")] | order(_id asc)',
        {},
      )
      return docs.map(({ _originalId: _, ...doc }) => doc as SanityDocumentLike)
    },
  }
}

/** Reads a positive integer from the environment, or undefined; anything else is an error naming the variable. */
function intFromEnv(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name]?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} is "${raw}". Hint: use a whole number of ${name.endsWith('_MS') ? 'milliseconds' : 'retries'}, e.g. ${name.endsWith('_MS') ? '30000' : '4'}.`)
  }
  return value
}

/**
 * Chooses the source from the environment: live when `SANITY_PROJECT_ID` and
 * `SANITY_DATASET` are set, else the embedded dataset. Nothing else changes between them.
 */
export function sourceFromEnv(env: Record<string, string | undefined> = process.env): ContentSource {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  const dataset = env.SANITY_DATASET?.trim()
  if (!projectId && !dataset) return createLocalSource({ file: env.CONTENT_FILE })
  if (!projectId || !dataset) {
    throw new Error(
      `Only one of SANITY_PROJECT_ID and SANITY_DATASET is set (${projectId ? 'SANITY_PROJECT_ID' : 'SANITY_DATASET'}). ` +
        'Hint: set both to build from the Content Lake, or neither to build from content/dataset.ndjson.',
    )
  }
  const perspective = (env.SANITY_PERSPECTIVE?.trim() || 'published') as 'published' | 'drafts'
  if (perspective !== 'published' && perspective !== 'drafts') {
    throw new Error(`SANITY_PERSPECTIVE is "${env.SANITY_PERSPECTIVE}". Hint: use "published" (default) or "drafts".`)
  }
  const token = env.SANITY_API_READ_TOKEN?.trim() || undefined
  if (perspective === 'drafts' && !token) {
    throw new Error('SANITY_PERSPECTIVE=drafts needs SANITY_API_READ_TOKEN. Hint: create a read token (Viewer) in sanity.io/manage.')
  }
  return createLiveSource({
    projectId,
    dataset,
    apiHost: env.SANITY_API_HOST?.trim() || undefined,
    token,
    perspective,
    timeout: intFromEnv(env, 'SANITY_TIMEOUT_MS'),
    maxRetries: intFromEnv(env, 'SANITY_MAX_RETRIES'),
  })
}
