/**
 * A small, real HTTP server on 127.0.0.1 that answers the parts of Sanity's Content Lake
 * HTTP API this project uses, in Sanity's wire format, so the live path (@sanity/client 8,
 * the sync scripts, a whole `npm run build`) is tested over real sockets, never by mocking
 * the client away.
 *
 * Endpoints (as @sanity/client 8 and the Sanity docs spell them):
 * - `GET  /v{apiVersion}/data/query/{dataset}?query=…&$param=<json>&perspective=…`
 * - `POST /v{apiVersion}/data/query/{dataset}` with `{query, params}` (the client POSTs
 *   when the encoded query string is 11,264 characters or more; `perspective` stays in the URL)
 *   Answer: `{"query": …, "result": …, "ms": …}` (`query` left out with `returnQuery=false`).
 * - `GET  /v{apiVersion}/data/export/{dataset}[?types=a,b]`: every document the caller may
 *   read, as an NDJSON stream.
 * - `POST /v{apiVersion}/data/mutate/{dataset}` with `{mutations: [...]}`: create,
 *   createOrReplace, createIfNotExists, patch (set/unset of top-level fields), delete (by id or
 *   by query), applied as one transaction;
 *   answers `{transactionId, results: [{id, operation, document?}]}`.
 * - `GET  /v{apiVersion}/data/listen/{dataset}?query=…`: the listener, server-sent events
 *   (`fake-sanity-listen.ts`); every change (a mutation, `setDocuments`) is announced.
 *
 * With `resultSourceMap=…` a query's answer carries a Content Source Map (`fake-sanity-csm.ts`),
 * which @sanity/client's stega encoder reads.
 *
 * Perspectives: `published` (default, drafts hidden), `drafts` (a draft replaces its published
 * document and is shown under the published id, with `_originalId` naming the stored id),
 * `raw` (everything as stored). Queries are answered by groq-js with the params given to both
 * `parse` and `evaluate`; a `$param` the query uses but the request lacks is a 400
 * `queryParseError`, as the real API answers (groq-js alone would quietly answer null).
 *
 * Auth: `Authorization: Bearer <token>`. An unknown token is a 401; drafts/raw without a token
 * are a 401 (`anonymousDrafts: 'reject'`, the default, which makes a missing token loud in
 * tests) or quietly hide drafts (`'hide'`, what the real API does for anonymous requests on a
 * public dataset); mutations need a write token (403 `mutationError` otherwise).
 *
 * Every request is recorded (method, path, query, headers, parsed body, status) and faults can
 * be injected for the next N requests: an HTTP status (429 with Retry-After, 500, 503, …), a
 * delay before answering (longer than the client's timeout to test timeouts), or a raw body
 * that is not the API's JSON (an HTML page with status 200, JSON cut off).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { evaluate, parse } from 'groq-js'
import { contentSourceMap } from './fake-sanity-csm.ts'
import { createListeners } from './fake-sanity-listen.ts'

/** A stored document: at least `_id` and `_type`. */
export interface FakeDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export type Perspective = 'published' | 'drafts' | 'raw'
export type Endpoint = 'query' | 'export' | 'mutate' | 'listen' | 'other'

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string
  /** The path without the query string, e.g. `/v2025-02-19/data/query/production`. */
  path: string
  /** Path and query string as sent. */
  url: string
  endpoint: Endpoint
  /** The API version from the path, e.g. `2025-02-19`. */
  apiVersion?: string
  /** Query-string values (the last one for repeated keys). */
  search: Record<string, string>
  /** Request headers, lower-cased names, as Node parsed them. */
  headers: IncomingHttpHeaders
  /** The JSON body of a POST (or its text when it is not JSON). */
  body?: unknown
  /** The GROQ query (from the URL or the body), for query requests. */
  query?: string
  /** The `$params` (URL) or `params` (body) of a query request. */
  params?: Record<string, unknown>
  /** The perspective the request asked for (absent: `published`). */
  perspective?: string
  /** The status the server answered with (set once answered). */
  status?: number
  /** A fault that answered this request instead of the API. */
  fault?: Fault
}

/**
 * A fault answered instead of the API: a status with a JSON body, a delay, or a raw body
 * (`raw`, sent as is with `contentType`: a proxy's HTML page, JSON cut off half way).
 */
export type Fault =
  | { status: number; retryAfter?: number | string; body?: unknown; raw?: undefined }
  | { status: number; raw: string; contentType?: string }
  | { delayMs: number; status?: undefined }

export interface FakeSanityOptions {
  projectId?: string
  dataset?: string
  /** Initial documents (published and `drafts.*`), stored as given. */
  documents?: FakeDocument[]
  /** Tokens allowed to read everything (drafts included). */
  readTokens?: string[]
  /** Tokens allowed to read and write. */
  writeTokens?: string[]
  /** How a drafts/raw query without a token is answered; see the module comment. */
  anonymousDrafts?: 'reject' | 'hide'
  /** Bytes per chunk when streaming an export (small values exercise line splitting). */
  exportChunkSize?: number
}

export interface FakeSanityServer {
  /** `http://127.0.0.1:PORT`, for `apiHost` / `SANITY_API_HOST`. */
  readonly url: string
  readonly port: number
  readonly projectId: string
  readonly dataset: string
  /** Every request so far, oldest first. */
  readonly requests: RecordedRequest[]
  /** Only the requests to one endpoint. */
  requestsTo(endpoint: Endpoint): RecordedRequest[]
  clearRequests(): void
  /** A copy of every stored document, sorted by `_id`. */
  documents(): FakeDocument[]
  /** Replaces the stored documents (and tells the listeners what changed). */
  setDocuments(documents: FakeDocument[]): void
  /** How many listener streams are open. */
  listeners(): number
  /** Answers the next `count` requests (to `endpoint`, if given) with `fault`. */
  failNext(count: number, fault: Fault, endpoint?: Endpoint): void
  /** Drops pending faults. */
  clearFaults(): void
  close(): Promise<void>
}

const DRAFTS_PREFIX = 'drafts.'
const isDraftId = (id: string) => id.startsWith(DRAFTS_PREFIX)
const isVersionId = (id: string) => id.startsWith('versions.')
const publishedId = (id: string) => (isDraftId(id) ? id.slice(DRAFTS_PREFIX.length) : id)

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** Sanity's plain error shape: `{error, message, statusCode}`. */
function plainError(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { error: STATUS_TEXT[status] ?? 'Error', message, statusCode: status, ...extra }
}

/** The documents a query sees under a perspective. */
export function perspectiveView(documents: FakeDocument[], perspective: Perspective): FakeDocument[] {
  if (perspective === 'raw') return documents.map((d) => structuredClone(d))
  const published = documents.filter((d) => !isDraftId(d._id) && !isVersionId(d._id))
  if (perspective === 'published') return published.map((d) => structuredClone(d))
  const drafts = new Map(documents.filter((d) => isDraftId(d._id)).map((d) => [publishedId(d._id), d]))
  const view: FakeDocument[] = []
  for (const doc of published) {
    const draft = drafts.get(doc._id)
    view.push(draft ? { ...structuredClone(draft), _id: doc._id, _originalId: draft._id } : { ...structuredClone(doc), _originalId: doc._id })
    drafts.delete(doc._id)
  }
  for (const [id, draft] of drafts) view.push({ ...structuredClone(draft), _id: id, _originalId: draft._id })
  return view
}

/** Names of every `$param` a GROQ query uses. */
function parameterNames(tree: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(tree)) for (const t of tree) parameterNames(t, names)
  else if (tree && typeof tree === 'object') {
    const node = tree as Record<string, unknown>
    if (node.type === 'Parameter' && typeof node.name === 'string') names.add(node.name)
    for (const value of Object.values(node)) parameterNames(value, names)
  }
  return names
}

class HttpFailure extends Error {
  readonly status: number
  readonly body: unknown
  readonly headers: Record<string, string>
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`)
    this.status = status
    this.body = body
    this.headers = headers
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Starts the server on 127.0.0.1 on a free port. */
export async function startFakeSanityServer(options: FakeSanityOptions = {}): Promise<FakeSanityServer> {
  const projectId = options.projectId ?? 'fakeproj'
  const dataset = options.dataset ?? 'production'
  const readTokens = new Set(options.readTokens ?? [])
  const writeTokens = new Set(options.writeTokens ?? [])
  const anonymousDrafts = options.anonymousDrafts ?? 'reject'
  const chunkSize = options.exportChunkSize ?? 64 * 1024
  let store = new Map<string, FakeDocument>((options.documents ?? []).map((d) => [d._id, structuredClone(d)]))
  const requests: RecordedRequest[] = []
  let faults: { remaining: number; fault: Fault; endpoint?: Endpoint }[] = []
  const listeners = createListeners()
  /** Replaces the store and announces what changed to the listeners. */
  const commit = (next: Map<string, FakeDocument>) => {
    const before = store
    store = next
    void listeners.notify(before, next)
  }

  const takeFault = (endpoint: Endpoint): Fault | undefined => {
    const entry = faults.find((f) => f.remaining > 0 && (!f.endpoint || f.endpoint === endpoint))
    if (!entry) return undefined
    entry.remaining -= 1
    faults = faults.filter((f) => f.remaining > 0)
    return entry.fault
  }

  /** `undefined` for no token, `read` or `write` for a known one; throws 401 for an unknown one. */
  const authenticate = (headers: IncomingHttpHeaders): 'read' | 'write' | undefined => {
    const header = headers.authorization
    if (!header) return undefined
    const match = /^Bearer\s+(.+)$/i.exec(header)
    const token = match?.[1]?.trim()
    if (token && writeTokens.has(token)) return 'write'
    if (token && readTokens.has(token)) return 'read'
    throw new HttpFailure(401, plainError(401, 'Session not found', { errorCode: 'SIO-401-ANF' }))
  }

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    })
    res.end(text)
  }

  const handleQuery = async (record: RecordedRequest, auth: 'read' | 'write' | undefined): Promise<unknown> => {
    const started = performance.now()
    const perspective = (record.perspective ?? 'published') as string
    if (!['published', 'drafts', 'previewDrafts', 'raw'].includes(perspective)) {
      throw new HttpFailure(400, { error: { description: `Invalid perspective "${perspective}"`, type: 'httpBadRequest' } })
    }
    const wanted: Perspective = perspective === 'previewDrafts' ? 'drafts' : (perspective as Perspective)
    let effective = wanted
    if (wanted !== 'published' && !auth) {
      if (anonymousDrafts === 'reject') {
        throw new HttpFailure(401, plainError(401, `The "${wanted}" perspective needs an authenticated request (Authorization: Bearer <token>)`))
      }
      effective = 'published'
    }
    const query = record.query
    if (typeof query !== 'string' || query === '') {
      throw new HttpFailure(400, { error: { description: 'Missing query', type: 'httpBadRequest' } })
    }
    const params = record.params ?? {}
    let tree: ReturnType<typeof parse>
    try {
      tree = parse(query, { params })
    } catch (error) {
      const position = (error as { position?: number }).position ?? 0
      throw new HttpFailure(400, {
        error: { description: (error as Error).message, query, start: position, end: position + 1, type: 'queryParseError' },
      })
    }
    const missing = [...parameterNames(parse(query))].filter((name) => !(name in params))
    if (missing.length > 0) {
      const at = query.indexOf(`$${missing[0]}`)
      throw new HttpFailure(400, {
        error: {
          description: `param $${missing[0]} referenced, but not provided`,
          query,
          start: Math.max(at, 0),
          end: Math.max(at, 0) + missing[0]!.length + 1,
          type: 'queryParseError',
        },
      })
    }
    const view = perspectiveView([...store.values()], effective)
    const value = await evaluate(tree, { dataset: view, params })
    const result: unknown = await value.get()
    const ms = Math.max(1, Math.round(performance.now() - started))
    const sourceMap = record.search.resultSourceMap ? { resultSourceMap: contentSourceMap(result, view) } : {}
    return record.search.returnQuery === 'false' ? { result, ms, ...sourceMap } : { query, result, ms, ...sourceMap }
  }

  const applyMutations = async (body: unknown, search: Record<string, string>) => {
    const mutations = (body as { mutations?: unknown })?.mutations
    if (!Array.isArray(mutations)) {
      throw new HttpFailure(400, { error: { description: 'Request body must hold a "mutations" array', type: 'httpBadRequest' } })
    }
    const next = new Map(store)
    const results: { id: string; operation: string; document?: FakeDocument }[] = []
    const now = new Date().toISOString()
    const stamp = (doc: FakeDocument, existing?: FakeDocument): FakeDocument => ({
      ...structuredClone(doc),
      _createdAt: (existing?._createdAt as string | undefined) ?? now,
      _updatedAt: now,
      _rev: randomBytes(11).toString('base64url'),
    })
    const fail = (index: number, description: string) => {
      throw new HttpFailure(409, {
        error: {
          description: `Mutation(s) failed with 1 error(s)`,
          items: [{ error: { description, type: 'documentError' }, index }],
          type: 'mutationError',
        },
      })
    }
    const deleteQueries: { query: string; params: Record<string, unknown> }[] = []
    mutations.forEach((mutation: Record<string, unknown>, index) => {
      const [kind, arg] = Object.entries(mutation ?? {})[0] ?? []
      const doc = arg as FakeDocument
      switch (kind) {
        case 'create':
        case 'createOrReplace':
        case 'createIfNotExists': {
          if (!doc || typeof doc._id !== 'string' || typeof doc._type !== 'string') fail(index, `${kind} needs a document with _id and _type`)
          const existing = next.get(doc._id)
          if (kind === 'create' && existing) fail(index, `Document by ID "${doc._id}" already exists`)
          if (kind === 'createIfNotExists' && existing) {
            results.push({ id: doc._id, operation: 'none' })
            break
          }
          const stored = stamp(doc, existing)
          next.set(doc._id, stored)
          results.push({ id: doc._id, operation: existing ? 'update' : 'create', document: stored })
          break
        }
        case 'delete': {
          const target = arg as { id?: string; query?: string; params?: Record<string, unknown> }
          if (typeof target?.id === 'string') {
            next.delete(target.id)
            results.push({ id: target.id, operation: 'delete' })
          } else if (typeof target?.query === 'string') {
            deleteQueries.push({ query: target.query, params: target.params ?? {} })
          } else {
            fail(index, 'delete needs an id or a query')
          }
          break
        }
        case 'patch': {
          // `set` and `unset` of top-level fields: what the Presentation tool's secret needs.
          const target = arg as { id?: string; set?: Record<string, unknown>; unset?: string[] }
          const existing = typeof target?.id === 'string' ? next.get(target.id) : undefined
          if (!existing) fail(index, `Document by ID "${target?.id}" does not exist`)
          if (Object.keys(target.set ?? {}).some((key) => /[.[]/.test(key))) fail(index, 'this test server patches top-level fields only')
          const patched = { ...existing!, ...structuredClone(target.set ?? {}) }
          for (const key of target.unset ?? []) delete patched[key]
          const stored = stamp(patched, existing)
          next.set(stored._id, stored)
          results.push({ id: stored._id, operation: 'update', document: stored })
          break
        }
        default:
          fail(index, `Mutation type "${kind}" is not supported by this test server`)
      }
    })
    for (const { query, params } of deleteQueries) {
      const ids = (await (await evaluate(parse(query, { params }), { dataset: [...next.values()], params })).get()) as unknown
      for (const id of [ids].flat(2).map((d) => (typeof d === 'string' ? d : (d as FakeDocument | null)?._id))) {
        if (id && next.delete(id)) results.push({ id, operation: 'delete' })
      }
    }
    commit(next)
    const returnDocuments = search.returnDocuments === 'true'
    return {
      transactionId: randomBytes(11).toString('base64url'),
      results: results.map((r) => (returnDocuments && r.document ? r : { id: r.id, operation: r.operation })),
    }
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const search: Record<string, string> = {}
    url.searchParams.forEach((value, key) => {
      search[key] = value
    })
    const match = /^\/v([^/]+)\/data\/(query|export|mutate|listen)\/([^/]+)\/?$/.exec(url.pathname)
    const endpoint: Endpoint = (match?.[2] as Endpoint | undefined) ?? 'other'
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      url: req.url ?? '/',
      endpoint,
      apiVersion: match?.[1],
      search,
      headers: { ...req.headers },
    }
    requests.push(record)
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status
      if (!res.headersSent && !res.destroyed) sendJson(res, status, body, headers)
    }
    try {
      const text = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : ''
      if (text) {
        try {
          record.body = JSON.parse(text)
        } catch {
          record.body = text
          throw new HttpFailure(400, { error: { description: 'Request body is not valid JSON', type: 'httpBadRequest' } })
        }
      }
      if (endpoint === 'query') {
        if (req.method === 'POST') {
          const body = (record.body ?? {}) as { query?: string; params?: Record<string, unknown>; perspective?: string }
          record.query = body.query
          record.params = body.params ?? {}
          record.perspective = search.perspective ?? body.perspective
        } else {
          record.query = search.query
          record.perspective = search.perspective
          const params: Record<string, unknown> = {}
          for (const [key, value] of Object.entries(search)) {
            if (!key.startsWith('$')) continue
            try {
              params[key.slice(1)] = JSON.parse(value)
            } catch {
              throw new HttpFailure(400, {
                error: { description: `Invalid value for parameter "${key}": not JSON (strings must be quoted)`, type: 'httpBadRequest' },
              })
            }
          }
          record.params = params
        }
      }

      const fault = takeFault(endpoint)
      if (fault) {
        record.fault = fault
        if ('delayMs' in fault && fault.delayMs !== undefined) {
          await sleep(fault.delayMs)
          if (res.destroyed || req.destroyed) return
        } else if ('raw' in fault && fault.raw !== undefined) {
          record.status = fault.status
          res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'text/html; charset=utf-8' })
          res.end(fault.raw)
          return
        } else if (fault.status !== undefined) {
          const headers: Record<string, string> = {}
          if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter)
          const message = fault.status === 429 ? 'API rate limit exceeded' : `Injected failure (${STATUS_TEXT[fault.status] ?? fault.status})`
          answer(fault.status, fault.body ?? plainError(fault.status, message), headers)
          return
        }
      }

      if (!match) throw new HttpFailure(404, plainError(404, `No route for ${req.method} ${url.pathname}`))
      if (!/^(1|X|\d{4}-\d{2}-\d{2})$/.test(match[1]!)) {
        throw new HttpFailure(400, plainError(400, `Invalid API version "${match[1]}"`))
      }
      // A custom apiHost (useProjectHostname: false) names the project in this header.
      const headerProject = req.headers['x-sanity-project-id']
      const hostProject = /^([a-z0-9-]+)\.api\./i.exec(req.headers.host ?? '')?.[1]
      const askedProject = (Array.isArray(headerProject) ? headerProject[0] : headerProject) ?? hostProject
      if (askedProject && askedProject !== projectId) {
        throw new HttpFailure(404, plainError(404, `Project with ID "${askedProject}" not found`))
      }
      if (decodeURIComponent(match[3]!) !== dataset) {
        throw new HttpFailure(404, plainError(404, `Dataset "${decodeURIComponent(match[3]!)}" not found for project ID "${projectId}"`))
      }
      const auth = authenticate(req.headers)

      if (endpoint === 'query') {
        if (req.method !== 'GET' && req.method !== 'POST') throw new HttpFailure(405, plainError(405, 'Method not allowed'))
        answer(200, await handleQuery(record, auth))
        return
      }
      if (endpoint === 'listen') {
        if (req.method !== 'GET') throw new HttpFailure(405, plainError(405, 'Method not allowed'))
        const params: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(search)) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
        record.status = 200
        listeners.open(res, { query: search.query ?? '*', params, withDrafts: auth !== undefined, includeResult: search.includeResult !== 'false' })
        return
      }
      if (endpoint === 'mutate') {
        if (req.method !== 'POST') throw new HttpFailure(405, plainError(405, 'Method not allowed'))
        if (auth !== 'write') {
          if (!auth) throw new HttpFailure(401, plainError(401, 'Session not found', { errorCode: 'SIO-401-ANF' }))
          throw new HttpFailure(403, {
            error: {
              description: 'Mutation(s) failed with 1 error(s)',
              items: [
                {
                  error: { description: 'Insufficient permissions; permission "update" required', permission: 'update', type: 'insufficientPermissionsError' },
                  index: 0,
                },
              ],
              type: 'mutationError',
            },
          })
        }
        answer(200, await applyMutations(record.body, search))
        return
      }
      // export: a token sees everything; an anonymous request only published documents.
      if (req.method !== 'GET') throw new HttpFailure(405, plainError(405, 'Method not allowed'))
      const types = search.types
        ? new Set(
            search.types
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          )
        : undefined
      const docs = [...store.values()].filter((d) => auth || (!isDraftId(d._id) && !isVersionId(d._id))).filter((d) => !types || types.has(d._type))
      const ndjson = docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '')
      record.status = 200
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' })
      const bytes = Buffer.from(ndjson, 'utf8')
      for (let i = 0; i < bytes.length; i += chunkSize) {
        if (res.destroyed) return
        res.write(bytes.subarray(i, i + chunkSize))
        await new Promise((r) => setImmediate(r))
      }
      res.end()
    } catch (error) {
      if (error instanceof HttpFailure) answer(error.status, error.body, error.headers)
      else answer(500, plainError(500, `Test server error: ${(error as Error).message}`))
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    projectId,
    dataset,
    requests,
    requestsTo: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    clearRequests: () => void requests.splice(0, requests.length),
    documents: () => [...store.values()].map((d) => structuredClone(d)).sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)),
    setDocuments: (documents) => commit(new Map(documents.map((d) => [d._id, structuredClone(d)]))),
    listeners: () => listeners.count,
    failNext: (count, fault, endpoint) => void faults.push({ remaining: count, fault, endpoint }),
    clearFaults: () => void (faults = []),
    close: () =>
      new Promise<void>((resolve) => {
        listeners.closeAll()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
