/**
 * Failures of the Content Lake, said so that a publisher can act on them: which project,
 * dataset and perspective, what the API answered, and what to do. No token ever reaches a
 * message: everything a script prints or writes goes through {@link redact}.
 */
import { HintedError } from '../content-error.ts'

/** Where a live request went: enough to name it in an error, never the token. */
export interface LiveTarget {
  projectId: string
  dataset: string
  apiHost?: string
  perspective?: string
}

/** A failed Content Lake request; the statement names the target, the hint says what to do. */
export class SanityApiError extends HintedError {
  override name = 'SanityApiError'
  /** The HTTP status, when the API answered. */
  readonly statusCode: number | undefined
  /** How many attempts were made. */
  readonly attempts: number
  /** True when the request timed out. */
  readonly timedOut: boolean

  // Plain fields, not parameter properties: scripts run this file with Node's own type
  // stripping, which only erases types.
  constructor(message: string, hint: string, details: { statusCode?: number; attempts: number; timedOut: boolean }) {
    super(message, hint, 'source.unavailable')
    this.statusCode = details.statusCode
    this.attempts = details.attempts
    this.timedOut = details.timedOut
  }
}

/** HTTP statuses worth another attempt: rate limiting and server-side trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])
/** Network failures worth another attempt (the request most likely never reached the API). */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENETDOWN', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'])

/** The HTTP status of a failed request (a @sanity/client error), if it had one. */
export function errorStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { statusCode?: unknown } } | null
  const status = e?.statusCode ?? e?.response?.statusCode ?? e?.status
  return typeof status === 'number' ? status : undefined
}

/** The network error code of a failed request (`ECONNREFUSED`, ...), if it had one. */
export function errorCode(error: unknown): string | undefined {
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
  const headers = (error as { response?: { headers?: Record<string, unknown> | Headers } } | null)?.response?.headers
  let value: unknown
  if (headers && typeof (headers as Headers).get === 'function') value = (headers as Headers).get('retry-after')
  else if (headers) value = (headers as Record<string, unknown>)['retry-after'] ?? (headers as Record<string, unknown>)['Retry-After']
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** What to do about a failed request, by status. */
function hintFor(status: number | undefined, timedOut: boolean, timeoutMs?: number): string {
  if (timedOut) return `The API did not answer within ${timeoutMs ?? 'the timeout'} ms: retry the build; if it keeps timing out, raise SANITY_TIMEOUT_MS or check status.sanity.io.`
  switch (status) {
    case 400:
      return 'The API refused the request (often a GROQ error): check the query in src/content/queries.ts and its params.'
    case 401:
      return 'The token is missing, expired or wrong: set SANITY_API_READ_TOKEN (a Viewer token from sanity.io/manage, API, Tokens; SANITY_API_WRITE_TOKEN with the Editor role for content:import), or unset it for a public dataset.'
    case 403:
      return 'The token lacks permission for this dataset: use a token with the Viewer role (Editor for imports).'
    case 404:
      return 'Check SANITY_PROJECT_ID and SANITY_DATASET (and SANITY_API_HOST, if set): the project or dataset does not exist there.'
    case 429:
      return 'The API is rate-limiting this project: wait a minute and rebuild.'
    default:
      if (status !== undefined && status >= 500) return 'The Content Lake is having trouble: check status.sanity.io and rebuild later.'
      return status === undefined
        ? 'The API could not be reached: check the network and SANITY_API_HOST (unset it for api.sanity.io).'
        : 'Check SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_HOST and the token.'
  }
}

/** What the API said went wrong, on one line: a GROQ error's description, a mutation's item errors, or the message. */
function reasonOf(error: unknown): string {
  const details = (error as { details?: { description?: unknown; items?: { error?: { description?: unknown } }[] } } | null)?.details
  if (typeof details?.description === 'string') {
    const items = (Array.isArray(details.items) ? details.items : [])
      .map((item) => item?.error?.description)
      .filter((d): d is string => typeof d === 'string')
      .slice(0, 3)
    return [details.description, ...items].join(': ')
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Turns a failed request into a {@link SanityApiError} naming the project, dataset, status and
 * a fix; `secrets` (tokens) are scrubbed from anything the server sent back.
 */
export function describeApiError(error: unknown, target: LiveTarget, what: string, secrets: (string | undefined)[], timeoutMs?: number): SanityApiError {
  const statusCode = errorStatus(error)
  const attempts = Number((error as { attempts?: unknown } | null)?.attempts ?? 1)
  const timedOut = isTimeout(error)
  const where = `project "${target.projectId}", dataset "${target.dataset}"${target.apiHost ? ` at ${target.apiHost}` : ''}${target.perspective ? `, perspective "${target.perspective}"` : ''}`
  const outcome = timedOut ? 'timed out' : statusCode !== undefined ? `failed with HTTP status ${statusCode}` : 'failed'
  const reason = redact(
    reasonOf(error),
    secrets.filter((s): s is string => Boolean(s)),
  )
    .split('\n')[0]!
    .slice(0, 300)
  const message = `Sanity ${what} ${outcome} for ${where}${attempts > 1 ? ` after ${attempts} attempts` : ''} (${reason}).`
  return new SanityApiError(message, hintFor(statusCode, timedOut, timeoutMs), { statusCode, attempts, timedOut })
}

/** An answer with status 200 that is not the API's JSON: said by {@link queryResult}. */
export class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedAnswerError'
  readonly hint: string
  constructor(message: string, hint: string) {
    super(message)
    this.hint = hint
  }
}

/** At most `max` characters of `text` on one line, for a message. */
const snippet = (text: string, max = 120) => {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

const NOT_SANITY_HINT =
  'Something other than Sanity answered (a proxy, a firewall or captive portal, or SANITY_API_HOST naming a web site): check SANITY_API_HOST (unset it for api.sanity.io) and the proxy settings of the network the build runs on, then build again.'
const CUT_OFF_HINT =
  'The answer was cut off on the way (a dropped connection, or a proxy with a size or time limit): build again; if it keeps happening, check what stands between the build and the API.'

/**
 * The `result` of a query's whole answer (`fetch(…, { filterResponse: false })`). Anything
 * else (an HTML page, JSON cut off or malformed, which the client hands over as text, or
 * JSON that is not a query answer) throws an {@link UnexpectedAnswerError} saying what came
 * back: read as "no result", it would claim the dataset has no siteSettings document.
 */
export function queryResult<T>(body: unknown): T {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'result' in body) return (body as { result: T }).result
  if (typeof body !== 'string') {
    throw new UnexpectedAnswerError(`the API answered JSON that is not a query answer (no "result"): ${snippet(JSON.stringify(body) ?? String(body))}`, NOT_SANITY_HINT)
  }
  const text = body.trim()
  if (text === '') throw new UnexpectedAnswerError('the API answered with an empty body, not JSON', CUT_OFF_HINT)
  if (text.startsWith('<')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim()
    throw new UnexpectedAnswerError(`the API answered HTML, not JSON: ${title ? `a page titled "${snippet(title, 80)}"` : `"${snippet(text)}"`}`, NOT_SANITY_HINT)
  }
  try {
    JSON.parse(text)
  } catch (error) {
    const bytes = new TextEncoder().encode(text).length
    throw new UnexpectedAnswerError(
      `the API answered malformed JSON (${(error as Error).message}; ${bytes} bytes ending "${snippet(text.slice(-40), 40)}"): it was cut off or is not the API's`,
      CUT_OFF_HINT,
    )
  }
  throw new UnexpectedAnswerError(`the API answered text that is not a query answer: "${snippet(text)}"`, NOT_SANITY_HINT)
}

/** A {@link UnexpectedAnswerError} as a {@link SanityApiError} naming the target; tokens scrubbed. */
export function describeUnexpectedAnswer(error: UnexpectedAnswerError, where: string, secrets: (string | undefined)[]): SanityApiError {
  const message = redact(
    `Sanity query for ${where}: ${error.message}.`,
    secrets.filter((s): s is string => Boolean(s)),
  )
  return new SanityApiError(message, error.hint, { statusCode: 200, attempts: 1, timedOut: false })
}

/** Environment variables whose values are credentials. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|AUTH/i

/** The secret values in an environment (at least 8 characters, so short flags are not mangled), longest first. */
export function secretValues(env: Record<string, string | undefined> = process.env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= 8)
    .map(([, value]) => value!.trim())
    .sort((a, b) => b.length - a.length)
}

/** `text` with every secret replaced by `[redacted]`; by default the credentials in the environment. */
export function redact(text: string, secrets: readonly string[] = secretValues()): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]')
  return out
}
