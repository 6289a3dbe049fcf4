/**
 * Content sync between content/dataset.ndjson and a Sanity dataset: export (Export API,
 * NDJSON stream) and import (Mutation API, createOrReplace/delete in one transaction).
 * Retries and error messages are the live source's (src/content/source/); no message or
 * log line ever holds a token.
 */
import { createClient, type SanityClient } from '@sanity/client'
import { HintedError } from '../../src/content/content-error.ts'
import { normalizeDataset } from '../../src/content/ndjson.ts'
import { API_VERSION, LIVE_DEFAULTS, withRetries } from '../../src/content/source/index.ts'
import { describeApiError, errorStatus, redact, type LiveTarget } from '../../src/content/source/errors.ts'

/** A document as stored: at least `_id` and `_type`. */
export interface SyncDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/** Where to sync with, read from the environment. */
export interface SyncConfig {
  projectId: string
  dataset: string
  /** Another API host (a test server); default `https://PROJECT.api.sanity.io`. */
  apiHost?: string
  token?: string
  /** Milliseconds before a request (or an export stream) is abandoned. */
  timeout: number
  maxRetries: number
  retryDelayMs?: number
}

/**
 * Reads SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_HOST and the token variable; a missing
 * required variable is an error naming it and saying where to get it.
 */
export function syncConfigFromEnv(
  env: Record<string, string | undefined>,
  tokenVariable: 'SANITY_API_READ_TOKEN' | 'SANITY_API_WRITE_TOKEN',
  { tokenRequired }: { tokenRequired: boolean },
): SyncConfig {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  const dataset = env.SANITY_DATASET?.trim()
  const token = env[tokenVariable]?.trim() || undefined
  const missing = [!projectId && 'SANITY_PROJECT_ID', !dataset && 'SANITY_DATASET', tokenRequired && !token && tokenVariable].filter(Boolean)
  if (missing.length > 0) {
    throw new HintedError(
      `Missing ${missing.join(', ')}.`,
      'The project id and dataset are in sanity.io/manage (and studio/.env); ' +
        (tokenVariable === 'SANITY_API_WRITE_TOKEN'
          ? 'create a token with the Editor role under API, Tokens for SANITY_API_WRITE_TOKEN.'
          : 'SANITY_API_READ_TOKEN (a Viewer token) is needed for a private dataset.'),
      'config.invalid',
    )
  }
  const int = (name: string, fallback: number) => {
    const raw = env[name]?.trim()
    if (!raw) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 0) throw new HintedError(`${name} is "${raw}".`, 'Use a whole number.', 'config.invalid')
    return value
  }
  return {
    projectId: projectId!,
    dataset: dataset!,
    apiHost: env.SANITY_API_HOST?.trim() || undefined,
    token,
    timeout: int('SANITY_TIMEOUT_MS', 120_000),
    maxRetries: int('SANITY_MAX_RETRIES', LIVE_DEFAULTS.maxRetries),
  }
}

const target = (config: SyncConfig): LiveTarget => ({ projectId: config.projectId, dataset: config.dataset, apiHost: config.apiHost })

/** The API base URL, e.g. `https://abc123.api.sanity.io/v2025-02-19`. */
export function apiBase(config: Pick<SyncConfig, 'projectId' | 'apiHost'>): string {
  const host = config.apiHost ? config.apiHost.replace(/\/+$/, '') : `https://${config.projectId}.api.sanity.io`
  return `${host}/v${API_VERSION}`
}

/** An HTTP failure from `fetch`, shaped like @sanity/client's errors so the retry rules apply. */
class HttpStatusError extends Error {
  readonly statusCode: number
  readonly response: { statusCode: number; headers: Record<string, string> }
  constructor(statusCode: number, message: string, response: { statusCode: number; headers: Record<string, string> }) {
    super(message)
    this.statusCode = statusCode
    this.response = response
  }
}

async function failure(res: Response): Promise<HttpStatusError> {
  const headers: Record<string, string> = {}
  res.headers.forEach((value, key) => {
    headers[key] = value
  })
  const text = await res.text().catch(() => '')
  let message = `HTTP ${res.status} ${res.statusText}`.trim()
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown }
    const error = body.error as { description?: unknown } | string | undefined
    const detail =
      typeof error === 'object' && error && typeof error.description === 'string'
        ? error.description
        : typeof body.message === 'string'
          ? `${String(error ?? '')} - ${body.message}`
          : undefined
    if (detail) message = detail
  } catch {
    if (text) message = `${message}: ${text.slice(0, 200)}`
  }
  return new HttpStatusError(res.status, message, { statusCode: res.status, headers })
}

/** True for documents the embedded dataset holds: published content, no drafts, versions, system or asset documents. */
export function isContentDocument(doc: { _id: string; _type: string }): boolean {
  return !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.') && !doc._id.startsWith('_.') && !doc._type.startsWith('sanity.')
}

/** What an export left out, for the log. */
export interface ExportReport {
  documents: Record<string, unknown>[]
  drafts: number
  assets: number
  system: number
}

/**
 * Reads every document through the Export API (an NDJSON stream) and returns the normalized
 * published content: drafts, versions, system and asset documents left out; `_rev` and
 * `_createdAt` removed (`_updatedAt` kept); sorted by `_id`; keys in a stable order.
 */
export async function exportDataset(config: SyncConfig): Promise<ExportReport> {
  const url = `${apiBase(config)}/data/export/${encodeURIComponent(config.dataset)}`
  const headers: Record<string, string> = { accept: 'application/x-ndjson' }
  if (config.token) headers.authorization = `Bearer ${config.token}`
  if (config.apiHost) headers['x-sanity-project-id'] = config.projectId
  let raw: SyncDocument[]
  try {
    raw = await withRetries(
      async () => {
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(config.timeout) })
        if (!res.ok) throw await failure(res)
        return parseExportStream(await res.text())
      },
      {
        maxRetries: config.maxRetries,
        retryDelayMs: config.retryDelayMs,
        onRetry: ({ attempt, delayMs, error }) =>
          console.warn(`Export: ${errorStatus(error) ? `HTTP ${errorStatus(error)}` : 'network error'}; retry ${attempt} of ${config.maxRetries} in ${Math.round(delayMs)} ms.`),
      },
    )
  } catch (error) {
    throw describeApiError(error, target(config), 'export', [config.token], config.timeout)
  }
  const kept = raw.filter(isContentDocument)
  return {
    documents: normalizeDataset(kept),
    drafts: raw.filter((d) => d._id.startsWith('drafts.') || d._id.startsWith('versions.')).length,
    assets: raw.filter((d) => d._type.startsWith('sanity.') && !d._id.startsWith('drafts.')).length,
    system: raw.filter((d) => d._id.startsWith('_.')).length,
  }
}

/**
 * Parses the export stream. The API may end a broken stream with an error object on its own
 * line, or a `nextCursor` line in cursor mode; the first is an error, the second is skipped.
 */
export function parseExportStream(text: string): SyncDocument[] {
  const docs: SyncDocument[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let value: Record<string, unknown>
    try {
      value = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new HintedError(`The export stream broke at line ${index + 1} (not JSON).`, 'Run the export again.', 'export.broken')
    }
    if ('nextCursor' in value && !('_id' in value)) return
    if (typeof value._id !== 'string' || typeof value._type !== 'string') {
      const detail = typeof value.error === 'string' ? value.error : JSON.stringify(value).slice(0, 200)
      throw new HintedError(`The export stream ended with an error at line ${index + 1}: ${detail}.`, 'Run the export again.', 'export.broken')
    }
    docs.push(value as SyncDocument)
  })
  return docs
}

/** A client for writing, with our retries instead of the client's (it does not retry mutations). */
export function writeClient(config: SyncConfig): SanityClient {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    perspective: 'published',
    token: config.token,
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
    timeout: config.timeout,
    maxRetries: 0,
  })
}

/** What an import will do. */
export interface ImportPlan {
  createOrReplace: SyncDocument[]
  /** Published ids in the dataset that the file lacks (deleted only with `--replace`). */
  extra: string[]
}

/** Compares the file with the dataset's published content documents. */
export async function planImport(config: SyncConfig, documents: SyncDocument[]): Promise<ImportPlan> {
  const client = writeClient(config)
  let existing: string[]
  try {
    existing = await withRetries(
      () => client.fetch<string[]>('*[!(_id in path("_.**")) && !(_id in path("drafts.**")) && !(_id in path("versions.**")) && !string::startsWith(_type, "sanity.")]._id'),
      { maxRetries: config.maxRetries, retryDelayMs: config.retryDelayMs },
    )
  } catch (error) {
    throw describeApiError(error, target(config), 'query (listing documents before import)', [config.token], config.timeout)
  }
  const inFile = new Set(documents.map((d) => d._id))
  return { createOrReplace: documents, extra: existing.filter((id) => !inFile.has(id)).sort() }
}

/**
 * Applies the plan in one transaction: createOrReplace for every document of the file, and,
 * with `replace`, delete for every published document the file lacks. A transaction is all or
 * nothing, and every mutation in it is idempotent, so a retry after a 429/5xx is safe.
 */
export async function applyImport(config: SyncConfig, plan: ImportPlan, { replace }: { replace: boolean }) {
  const client = writeClient(config)
  const transaction = client.transaction()
  for (const doc of plan.createOrReplace) transaction.createOrReplace(doc)
  if (replace) for (const id of plan.extra) transaction.delete(id)
  try {
    return await withRetries(() => transaction.commit({ visibility: 'sync', returnDocuments: false }), {
      maxRetries: config.maxRetries,
      retryDelayMs: config.retryDelayMs,
      onRetry: ({ attempt, delayMs, error }) =>
        console.warn(`Import: ${errorStatus(error) ? `HTTP ${errorStatus(error)}` : 'network error'}; retry ${attempt} of ${config.maxRetries} in ${Math.round(delayMs)} ms.`),
    })
  } catch (error) {
    throw describeApiError(error, target(config), 'import (mutate)', [config.token], config.timeout)
  }
}

/** An error for the console, the statement and its fix, with any token scrubbed once more. */
export function errorLine(error: unknown, env: Record<string, string | undefined>): string {
  const hint = error instanceof HintedError ? `\n  Fix: ${error.hint}` : ''
  const text = (error instanceof Error ? error.message : String(error)) + hint
  return redact(
    text,
    [env.SANITY_API_READ_TOKEN, env.SANITY_API_WRITE_TOKEN].filter((t): t is string => Boolean(t)),
  )
}
