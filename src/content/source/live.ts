/**
 * The live source: the Sanity Content Lake through @sanity/client. Never the CDN at build
 * time (a build must see what was just published), the API version pinned, one timeout per
 * request, and retries through p-retry: @sanity/client 8 retries only 429/502/503 (not
 * 500/504) and ignores Retry-After, so its own retries are off (`maxRetries: 0`).
 */
import type { ClientPerspective, SanityClient, StegaConfig } from '@sanity/client'
import pRetry from 'p-retry'
import { assertParams, type ContentSource, type QueryParams, type SanityDocumentLike } from './types.ts'
import { describeApiError, describeUnexpectedAnswer, errorCode, errorStatus, isRetryable, queryResult, retryAfterMs, UnexpectedAnswerError, type LiveTarget } from './errors.ts'

/** The API version the live client is pinned to. */
export const API_VERSION = '2025-02-19'

/** Defaults of the live source, also used by the sync scripts. */
export const LIVE_DEFAULTS = { timeout: 30_000, maxRetries: 4, retryDelayMs: 250, maxRetryDelayMs: 30_000 } as const

/** Options for {@link withRetries}. */
export interface RetryOptions {
  /** How many times a failed request is retried: 429, 5xx and dropped connections (default 4). */
  maxRetries?: number
  /** The first backoff delay in ms, doubled on every retry, with jitter (default 250). */
  retryDelayMs?: number
  /** The longest wait between two attempts, whatever Retry-After asks (default 30 s). */
  maxRetryDelayMs?: number
  /** Called before each wait; for logs. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void
  /** How the extra wait a Retry-After asks for is spent (replaceable in tests). */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Runs `attempt` and retries it on 429, 5xx and dropped connections with exponential backoff
 * and jitter (p-retry), waiting at least as long as a `Retry-After` asks, never longer than
 * `maxRetryDelayMs`. Throws the last error, with `attempts` set on it.
 */
export function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxRetries = options.maxRetries ?? LIVE_DEFAULTS.maxRetries
  const cap = options.maxRetryDelayMs ?? LIVE_DEFAULTS.maxRetryDelayMs
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)))
  return pRetry(attempt, {
    retries: maxRetries,
    minTimeout: options.retryDelayMs ?? LIVE_DEFAULTS.retryDelayMs,
    maxTimeout: cap,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error }) => isRetryable(error),
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
      Object.assign(error, { attempts: attemptNumber })
      if (retriesLeft === 0 || !isRetryable(error)) return
      // p-retry waits `retryDelay` after this; a longer Retry-After is made up for here.
      const asked = Math.min(cap, retryAfterMs(error) ?? 0)
      options.onRetry?.({ attempt: attemptNumber, delayMs: Math.max(asked, retryDelay), error })
      if (asked > retryDelay) await sleep(asked - retryDelay)
    },
  })
}

/** Options for {@link createLiveSource}. */
export interface LiveSourceOptions extends Omit<RetryOptions, 'onRetry' | 'sleep'> {
  projectId: string
  dataset: string
  /** Another API host, e.g. `http://127.0.0.1:4010` for a local test server. */
  apiHost?: string
  /** A read token: needed for the drafts perspective and private datasets. Used at build time only. */
  token?: string
  /**
   * `published` (default), `drafts` for a preview of unpublished changes, or `raw` (every
   * stored document under its own id, drafts as `drafts.…`) for checks that need both.
   */
  perspective?: 'published' | 'drafts' | 'raw'
  /** Milliseconds before one request is abandoned (default 30 s). A timeout is not retried. */
  timeout?: number
  /** Edit marks in the text of query results (the preview server's visual editing); off by default. */
  stega?: StegaConfig
}

/** Every document a dataset holds, as the embedded dataset does: no system or asset documents. */
const ALL_DOCUMENTS = '*[!(_id in path("_.**")) && !string::startsWith(_type, "sanity.")] | order(_id asc)'

export function createLiveSource(options: LiveSourceOptions): ContentSource {
  const perspective: ClientPerspective = options.perspective ?? 'published'
  const timeout = options.timeout ?? LIVE_DEFAULTS.timeout
  // Imported on the first query: a build from the embedded dataset never loads the client.
  let client: Promise<SanityClient> | undefined
  const getClient = () =>
    (client ??= import('@sanity/client').then(({ createClient }) =>
      createClient({
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
        ...(options.stega ? { stega: options.stega } : {}),
      }),
    ))
  const target: LiveTarget = { projectId: options.projectId, dataset: options.dataset, apiHost: options.apiHost, perspective }
  const where = `project "${options.projectId}", dataset "${options.dataset}"${options.apiHost ? ` at ${options.apiHost}` : ''}, perspective "${perspective}"`
  const run = async <T>(query: string, params: QueryParams): Promise<T> => {
    assertParams(query, params)
    try {
      const sanity = await getClient()
      // The whole answer, not just its `result`: an HTML page or cut-off JSON arrives as text,
      // and its missing `result` must not read as an empty dataset.
      return await withRetries(async () => queryResult<T>(await sanity.fetch(query, params, { filterResponse: false })), {
        ...options,
        onRetry: ({ attempt, delayMs, error }) =>
          console.warn(
            `Sanity query for ${where}: ${errorStatus(error) ? `HTTP ${errorStatus(error)}` : (errorCode(error) ?? 'network error')}; ` +
              `retry ${attempt} of ${options.maxRetries ?? LIVE_DEFAULTS.maxRetries} in ${Math.round(delayMs)} ms.`,
          ),
      })
    } catch (error) {
      if (error instanceof UnexpectedAnswerError) throw describeUnexpectedAnswer(error, where, [options.token])
      throw describeApiError(error, target, 'query', [options.token], timeout)
    }
  }
  return {
    kind: 'live',
    origin: { kind: 'live', projectId: options.projectId, dataset: options.dataset, perspective },
    description: `Sanity ${where}`,
    preview: perspective === 'drafts',
    query: <T>(query: string, params: QueryParams = {}) => run<T>(query, params),
    async allDocuments() {
      const docs = await run<SanityDocumentLike[]>(ALL_DOCUMENTS, {})
      return docs.map(({ _originalId: _, ...doc }) => doc as SanityDocumentLike)
    },
  }
}
