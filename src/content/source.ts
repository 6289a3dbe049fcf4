import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { evaluate, parse } from 'groq-js'
import { createClient, type ClientPerspective, type SanityClient } from '@sanity/client'
import { parseNdjson } from './ndjson'

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
  const load = (): SanityDocumentLike[] => {
    if (!documents) {
      const parsed = parseNdjson(readFileSync(file, 'utf8'), file) as SanityDocumentLike[]
      documents = parsed.filter((doc) => !doc._id.startsWith('drafts.'))
    }
    return documents
  }
  return {
    kind: 'local',
    description: options.documents ? 'local documents (in memory)' : `local dataset ${file}`,
    async query<T>(query: string, params: QueryParams = {}): Promise<T> {
      assertParams(query, params)
      // groq-js needs the params at parse time too, or `field[$param]` silently ignores them.
      const tree = parse(query, { params })
      const result = await evaluate(tree, { dataset: load(), params })
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
  /** Milliseconds before a request is abandoned. */
  timeout?: number
  /** How many times a failed request is retried (429 and 5xx, with backoff). */
  maxRetries?: number
}

/**
 * The live source: the Sanity Content Lake through @sanity/client, never the CDN at build
 * time (a build must see what was just published).
 */
export function createLiveSource(options: LiveSourceOptions): ContentSource {
  const perspective: ClientPerspective = options.perspective ?? 'published'
  const client: SanityClient = createClient({
    projectId: options.projectId,
    dataset: options.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    perspective,
    token: options.token,
    // A custom host (a test server) must be used as given, not as PROJECT.host.
    ...(options.apiHost ? { apiHost: options.apiHost, useProjectHostname: false } : {}),
    timeout: options.timeout ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
  })
  const where = `project "${options.projectId}", dataset "${options.dataset}"${options.apiHost ? ` at ${options.apiHost}` : ''}, perspective "${perspective}"`
  return {
    kind: 'live',
    description: `Sanity ${where}`,
    async query<T>(query: string, params: QueryParams = {}): Promise<T> {
      assertParams(query, params)
      try {
        return await client.fetch<T>(query, params)
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        const reason = error instanceof Error ? error.message : String(error)
        throw new Error(
          `The Sanity API failed for ${where}${status ? ` with status ${status}` : ''}: ${reason}. ` +
            'Hint: check SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_HOST and the token; no page was built.',
          { cause: error },
        )
      }
    },
  }
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
    timeout: env.SANITY_TIMEOUT_MS ? Number(env.SANITY_TIMEOUT_MS) : undefined,
  })
}
