/**
 * A test double for the Sanity API the Studio calls from the browser, plugged into Playwright
 * with `context.route`, plus a static server for studio/dist. Queries are answered by groq-js
 * over the documents given (params passed to both parse and evaluate); the logged-in user,
 * project, grants and listener are canned. Every request the double sees is recorded, so a test
 * can show what the Studio asked for when something does not render.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { evaluate, parse } from 'groq-js'
import type { BrowserContext, Route } from 'playwright-core'

export interface StudioDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export interface RecordedCall {
  method: string
  url: string
  kind: string
  status: number
  note?: string
  /** The JSON body of a write (mutate, actions), as the Studio sent it. */
  body?: unknown
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Serves a built Studio on 127.0.0.1: files as they are, any other path as index.html (SPA). */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir)
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: run \`npm run studio:build\` first.`)
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const candidate = normalize(join(root, pathname))
    const file = candidate.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html')
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

export const TEST_USER = {
  id: 'p-editor',
  name: 'Test Editor',
  email: 'editor@example.org',
  profileImage: null,
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator', description: 'Full access' }],
  provider: 'sanity',
}

/** Loads an NDJSON dataset file (one document a line). */
export function readNdjson(path: string): StudioDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as StudioDocument)
}

/** Documents as a perspective sees them: drafts overlay published (the Studio's default) or raw. */
function applyPerspective(documents: StudioDocument[], perspective: string | null): StudioDocument[] {
  if (perspective === 'raw' || perspective === null) return documents
  const published = documents.filter((d) => !d._id.startsWith('drafts.') && !d._id.startsWith('versions.'))
  if (perspective === 'published') return published
  const drafts = new Map(documents.filter((d) => d._id.startsWith('drafts.')).map((d) => [d._id.slice(7), d]))
  const merged = published.map((d) => (drafts.has(d._id) ? { ...drafts.get(d._id)!, _id: d._id, _originalId: `drafts.${d._id}` } : d))
  for (const [id, draft] of drafts) if (!published.some((d) => d._id === id)) merged.push({ ...draft, _id: id, _originalId: draft._id })
  return merged
}

/** Query params as the Sanity HTTP API encodes them: `$name=<json>`. */
function paramsFrom(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
  return params
}

/**
 * Document lists filter with `[@, _id] match text::query($__query)`, which groq-js does not
 * implement. With no search term (a plain list asks for "*") it matches everything; a search matches the
 * term against the document's JSON, which is enough for a test.
 */
function withoutTextQuery(query: string, params: Record<string, unknown>): string {
  return query.replace(/\[@,\s*_id\]\s+match\s+text::query\(\$__query\)/g, () => {
    const term = typeof params.__query === 'string' ? params.__query.trim() : ''
    return term === '' || term === '*' ? 'true' : `(string::startsWith(lower(_id), ${JSON.stringify(term.toLowerCase())}) || lower(_type) == ${JSON.stringify(term.toLowerCase())})`
  })
}

async function runQuery(documents: StudioDocument[], rawQuery: string, params: Record<string, unknown>, perspective: string | null) {
  const query = withoutTextQuery(rawQuery, params)
  const dataset = applyPerspective(documents, perspective)
  const started = Date.now()
  const result = await (await evaluate(parse(query, { params }), { dataset, params })).get()
  return { ms: Date.now() - started, query: rawQuery, result }
}

/**
 * Answers the Studio's calls to *.sanity.io (and *.sanity.work) from `documents`; any other
 * host outside `allowOrigin` is aborted, so the test never goes online.
 */
export async function installFakeSanityApi(
  context: BrowserContext,
  options: {
    documents: StudioDocument[]
    projectId: string
    dataset: string
    allowOrigin: string
    /** Other origins the browser may reach as they are (e.g. a preview server in the Presentation tool's iframe). */
    passThroughOrigins?: string[]
    /** Where the Studio's mutations go (e.g. a fake Content Lake the preview server reads); answered with its result. */
    onMutate?: (body: unknown) => Promise<unknown>
  },
): Promise<{ calls: RecordedCall[] }> {
  const { documents, projectId, dataset, allowOrigin } = options
  const passThrough = new Set(options.passThroughOrigins ?? [])
  const calls: RecordedCall[] = []

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({
      status,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': allowOrigin, 'access-control-allow-credentials': 'true' },
      body: JSON.stringify(body),
    })

  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    if (url.origin === allowOrigin || passThrough.has(url.origin)) return route.continue()
    const isSanity = /(^|\.)sanity\.(io|work)$/.test(url.hostname)
    if (!isSanity) {
      calls.push({ method: request.method(), url: url.href, kind: 'blocked', status: 0 })
      return route.abort('blockedbyclient')
    }
    const record = (kind: string, status = 200, note?: string) => calls.push({ method: request.method(), url: url.href, kind, status, note })
    if (request.method() === 'OPTIONS') {
      record('preflight', 204)
      return route.fulfill({
        status: 204,
        headers: {
          'access-control-allow-origin': allowOrigin,
          'access-control-allow-credentials': 'true',
          'access-control-allow-headers': request.headers()['access-control-request-headers'] ?? '*',
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        },
      })
    }
    // Paths look like /v2025-02-19/… or /vX/…; drop the version.
    const path = url.pathname.replace(/^\/v[^/]+/, '')

    try {
      if (path.startsWith('/users/me/keyvalue')) {
        // The Studio's per-user settings (list layout, sort order…): none stored; a PUT is echoed.
        record('keyvalue')
        return json(route, request.method() === 'PUT' ? JSON.parse(request.postData() ?? '[]') : [])
      }
      if (path.startsWith('/users/me')) {
        record('users/me')
        return json(route, TEST_USER)
      }
      if (path.startsWith('/check/cors')) {
        record('check/cors')
        return json(route, { isCorsAllowed: true, isOriginAllowed: true })
      }
      if (path.startsWith('/auth/providers')) {
        record('auth/providers')
        return json(route, { thirdPartyLogin: false, sso: {}, providers: [{ name: 'sanity', title: 'E-mail', url: 'https://api.sanity.io/v1/auth/login/sanity' }] })
      }
      if (/\/acl$/.test(path)) {
        // Document permissions, as Sanity's grants store reads them (an administrator's).
        record('acl')
        return json(route, [{ filter: '_id in path("**")', permissions: ['read', 'create', 'history', 'update'] }])
      }
      if (path.startsWith('/access/requests')) {
        record('access-requests')
        return json(route, [])
      }
      if (/^\/projects\/[^/]+\/datasets/.test(path)) {
        record('datasets')
        return json(route, [{ name: dataset, aclMode: 'private', createdAt: '2026-01-01T00:00:00Z' }])
      }
      if (/^\/projects\/[^/]+\/(features|grants|user-applications|roles)/.test(path)) {
        record('project-extra')
        return json(route, [])
      }
      if (/^\/projects\/[^/]+\/?$/.test(path)) {
        record('project')
        return json(route, {
          id: projectId,
          displayName: 'Six Core Strategic Industries (test)',
          studioHost: null,
          isBlocked: false,
          isDisabled: false,
          isDisabledByUser: false,
          metadata: { color: '#2276fc', externalStudioHost: allowOrigin },
          organizationId: null,
          members: [{ id: TEST_USER.id, role: 'administrator', roles: [{ name: 'administrator', title: 'Administrator' }], isCurrentUser: true, isRobot: false }],
          features: [],
          pendingInvites: 0,
          createdAt: '2026-01-01T00:00:00Z',
        })
      }
      const query = /^\/data\/query\/([^/]+)/.exec(path)
      if (query) {
        const perspective = url.searchParams.get('perspective')
        let groq = url.searchParams.get('query') ?? ''
        let params = paramsFrom(url.searchParams)
        if (request.method() === 'POST') {
          const body = JSON.parse(request.postData() ?? '{}') as { query?: string; params?: Record<string, unknown> }
          groq = body.query ?? groq
          params = { ...params, ...(body.params ?? {}) }
        }
        try {
          const answer = await runQuery(documents, groq, params, perspective)
          record('query', 200, Array.isArray(answer.result) ? `${answer.result.length} rows` : typeof answer.result)
          return json(route, answer)
        } catch (error) {
          record('query', 400, `${(error as Error).message} :: ${groq.slice(0, 300)}`)
          return json(route, { error: { description: (error as Error).message, type: 'queryParseError' } }, 400)
        }
      }
      const doc = /^\/data\/doc\/[^/]+\/(.+)$/.exec(path)
      if (doc) {
        const ids = decodeURIComponent(doc[1]!).split(',')
        const found = documents.filter((d) => ids.includes(d._id))
        record('doc')
        return json(route, { documents: found, omitted: ids.filter((id) => !found.some((d) => d._id === id)).map((id) => ({ id, reason: 'existence' })) })
      }
      // The listener, and the live-content events the Preview tool's loader subscribes to.
      if (/^\/data\/(listen|live\/events)\//.test(path)) {
        record(path.startsWith('/data/listen/') ? 'listen' : 'live-events')
        // One welcome, then the stream ends; `retry` keeps EventSource from reconnecting in a loop.
        return route.fulfill({
          status: 200,
          headers: {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
            'access-control-allow-origin': allowOrigin,
            'access-control-allow-credentials': 'true',
          },
          body: `retry: 600000\nevent: welcome\ndata: ${JSON.stringify({ listenerName: 'studio-test' })}\n\n`,
        })
      }
      const events = /^\/data\/history\/[^/]+\/events\/documents\/(.+)$/.exec(path)
      if (events) {
        record('history-events')
        const ids = decodeURIComponent(events[1]!).split(',')
        return json(route, { events: Object.fromEntries(ids.map((id) => [id, []])), nextCursor: '' })
      }
      if (/^\/data\/history\/[^/]+\/transactions\//.test(path)) {
        record('history-transactions')
        return route.fulfill({
          status: 200,
          contentType: 'application/x-ndjson',
          headers: { 'access-control-allow-origin': allowOrigin, 'access-control-allow-credentials': 'true' },
          body: '',
        })
      }
      if (options.onMutate && /^\/data\/mutate\//.test(path) && request.method() === 'POST') {
        record('mutate-forwarded')
        return json(route, await options.onMutate(JSON.parse(request.postData() ?? '{}')))
      }
      if (/^\/data\/(mutate|actions)\//.test(path)) {
        calls.push({ method: request.method(), url: url.href, kind: 'write', status: 200, body: JSON.parse(request.postData() ?? 'null') })
        return json(route, { transactionId: 'test', results: [], documents: [] })
      }
      if (/^\/data\/history\//.test(path)) {
        record('write-or-history', 200)
        return json(route, { transactionId: 'test', results: [], documents: [] })
      }
      if (path.startsWith('/intake') || path.startsWith('/telemetry') || path.includes('/journey')) {
        record('telemetry')
        return json(route, {})
      }
      record('unknown', 200)
      return json(route, path.includes('features') ? [] : {})
    } catch (error) {
      record('error', 500, (error as Error).message)
      return json(route, { error: (error as Error).message }, 500)
    }
  })

  // The listener and live events: @sanity/client 8 reads them with `fetch` (the `eventsource`
  // package), and a routed response must end, which the Studio takes for a lost connection
  // ("Trying to connect…", document actions disabled) and the Preview tool reconnects to at once,
  // so the network never goes quiet. So inside the page, they get a stream that says "welcome"
  // and then stays open, as the real ones do between changes.
  await context.addInitScript(() => {
    const nativeFetch = window.fetch.bind(window)
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (!/sanity\.(io|work)\/[^?]*\/data\/(listen|live\/events)\//.test(url)) return nativeFetch(input, init)
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`event: welcome\ndata: ${JSON.stringify({ listenerName: 'studio-test' })}\n\n`))
          signal?.addEventListener('abort', () => {
            try {
              controller.error(new DOMException('The operation was aborted.', 'AbortError'))
            } catch {
              // already closed
            }
          })
        },
      })
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }))
    }
  })
  // Presence's WebSocket is accepted and left silent.
  await context.routeWebSocket(/sanity\.(io|work)\//, (socket) => {
    calls.push({ method: 'WS', url: socket.url(), kind: 'websocket', status: 101 })
  })

  return { calls }
}
