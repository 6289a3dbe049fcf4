/**
 * The live source (@sanity/client 8) against a real HTTP server on 127.0.0.1 that answers in
 * Sanity's wire format: same results as the local source, GET and POST, perspective and auth
 * on the wire, retries, failures and timeouts with clear messages that never hold the token.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLiveSource, createLocalSource, sourceFromEnv, withRetries, API_VERSION } from '../../src/content/source/index.ts'
import { retryAfterMs, SanityApiError } from '../../src/content/source/errors.ts'
import { siteContentQuery } from '../../src/content/queries'
import { loadSiteContent, siteContentParams } from '../../src/content/load'
import { startFakeSanityServer, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, liveEnv, publishedFixture, recognisableToken } from '../support/live-fixtures'
import { queryLayerDocs } from '../fixtures/query-layer-docs'

/** Document types, without importing the schema modules (which load `sanity`). */
const TYPES = ['siteSettings', 'policy', 'section', 'industry', 'metric', 'metricGroup', 'source', 'glossaryTerm', 'timelineEvent']

const token = recognisableToken()
let server: FakeSanityServer

beforeAll(async () => {
  server = await startFakeSanityServer({ projectId: 'liveproj', dataset: 'production', documents: queryLayerDocs(), readTokens: [token] })
})
afterAll(async () => server.close())
afterEach(() => {
  server.clearFaults()
  server.clearRequests()
  vi.restoreAllMocks()
})

describe('the live source answers like the local source', () => {
  const datasets: [string, () => ReturnType<typeof publishedFixture>][] = [
    ['the query-layer fixture', publishedFixture],
    ['content/dataset.ndjson', () => embeddedDataset().filter((d) => !d._id.startsWith('drafts.'))],
  ]
  for (const [name, docs] of datasets) {
    it(`the site query and the document list on ${name}`, async () => {
      const documents = docs()
      const fake = await startFakeSanityServer({ projectId: 'eqproj', dataset: 'staging', documents })
      try {
        const local = createLocalSource({ documents })
        const live = sourceFromEnv(liveEnv(fake))
        expect(live.kind).toBe('live')
        const [l, r] = await Promise.all([local.query(siteContentQuery, siteContentParams), live.query(siteContentQuery, siteContentParams)])
        expect(r).toEqual(l)
        expect(r).toMatchObject({ settings: expect.any(Object), policy: expect.any(Object) })
        const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : 1)
        const [lv, rv] = await Promise.all([local.allDocuments(), live.allDocuments()])
        expect(rv).toEqual([...lv].sort(byId))
        expect(rv.filter((d) => TYPES.includes(d._type)).length).toBe(documents.filter((d) => TYPES.includes(d._type)).length)
        // The loader itself runs on the live source unchanged.
        expect(await loadSiteContent(live)).toEqual(await loadSiteContent(local))
      } finally {
        await fake.close()
      }
    })
  }

  it('lists the same documents with allDocuments()', async () => {
    const live = createLiveSource({ projectId: 'liveproj', dataset: 'production', apiHost: server.url })
    const local = createLocalSource({ documents: publishedFixture() })
    const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : 1)
    expect(await live.allDocuments()).toEqual((await local.allDocuments()).sort(byId))
  })
})

describe('what goes over the wire', () => {
  it('sends the site query as a GET with JSON-encoded $params, the pinned API version, the published perspective and no token', async () => {
    const live = sourceFromEnv(liveEnv(server))
    await live.query(siteContentQuery, siteContentParams)
    const [req] = server.requestsTo('query')
    expect(req).toBeDefined()
    expect(req!.method).toBe('GET')
    expect(req!.path).toBe(`/v${API_VERSION}/data/query/production`)
    expect(req!.search.query).toBe(siteContentQuery)
    expect(req!.search.$settingsId).toBe(JSON.stringify(siteContentParams.settingsId))
    expect(req!.search.$policyId).toBe(JSON.stringify(siteContentParams.policyId))
    expect(req!.search.perspective).toBe('published')
    expect(req!.headers.authorization).toBeUndefined()
    expect(req!.headers['x-sanity-project-id']).toBe('liveproj')
    expect(req!.status).toBe(200)
  })

  it('sends a query over 11 KB as a POST with {query, params}, perspective in the URL, and gets the same result', async () => {
    const live = sourceFromEnv(liveEnv(server))
    // groq-js 2 refuses a comment at the very end of a query, so the padding goes first.
    const long = `// ${'padding '.repeat(1600)}\n${siteContentQuery}`
    const viaGet = await live.query(siteContentQuery, siteContentParams)
    const viaPost = await live.query(long, siteContentParams)
    expect(viaPost).toEqual(viaGet)
    const [get, post] = server.requestsTo('query')
    expect(get!.method).toBe('GET')
    expect(post!.method).toBe('POST')
    expect(post!.body).toEqual({ query: long, params: siteContentParams })
    expect(post!.search.perspective).toBe('published')
    expect(post!.headers['content-type']).toMatch(/application\/json/)
  })

  it('sends the drafts perspective with the bearer token, and the draft replaces its published document', async () => {
    const live = sourceFromEnv(liveEnv(server, { SANITY_PERSPECTIVE: 'drafts', SANITY_API_READ_TOKEN: token }))
    const label = await live.query<{ en: string }>('*[_type == "metric" && slug.current == $slug][0].label', { slug: 'share' })
    expect(label.en).toBe('Draft')
    const ids = await live.query<string[]>('*[_type == "metric"]._id', {})
    expect(ids).toEqual(['metric-share'])
    const [req] = server.requestsTo('query')
    expect(req!.search.perspective).toBe('drafts')
    expect(req!.headers.authorization).toBe(`Bearer ${token}`)
  })

  it('keeps drafts out of the published perspective even with a token', async () => {
    const live = createLiveSource({ projectId: 'liveproj', dataset: 'production', apiHost: server.url, token })
    expect(await live.query<{ en: string }>('*[_id == $id][0].label', { id: 'metric-share' })).toMatchObject({ en: 'Share' })
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${token}`)
  })

  it('checks $params before sending anything', async () => {
    const live = sourceFromEnv(liveEnv(server))
    await expect(live.query('*[_type == $type]', {})).rejects.toThrow(/\$type/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('failures', () => {
  const fast = { projectId: 'liveproj', dataset: 'production', retryDelayMs: 10 }

  it('retries a 429 and succeeds, waiting as long as Retry-After asks', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    server.failNext(2, { status: 429, retryAfter: 1 }, 'query')
    const live = createLiveSource({ ...fast, apiHost: server.url })
    const started = Date.now()
    const count = await live.query<number>('count(*[_type == $t])', { t: 'industry' })
    expect(count).toBe(2)
    const statuses = server.requestsTo('query').map((r) => r.status)
    expect(statuses).toEqual([429, 429, 200])
    // Two Retry-After: 1 waits, although the backoff alone would be ~30 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900)
    expect(console.warn).toHaveBeenCalledTimes(2)
  })

  it('retries a 429 through sourceFromEnv (the path a build takes)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    server.failNext(1, { status: 429, retryAfter: 0 }, 'query')
    const result = await sourceFromEnv(liveEnv(server)).query(siteContentQuery, siteContentParams)
    expect(result).toEqual(await createLocalSource({ documents: publishedFixture() }).query(siteContentQuery, siteContentParams))
    expect(server.requestsTo('query').map((r) => r.status)).toEqual([429, 200])
  })

  it('retries 500, 502, 503 and 504 for GET and POST alike', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const live = createLiveSource({ ...fast, apiHost: server.url })
    for (const status of [500, 502, 503, 504]) server.failNext(1, { status }, 'query')
    expect(await live.query('count(*)', {})).toBe(publishedFixture().length)
    expect(server.requestsTo('query').map((r) => r.status)).toEqual([500, 502, 503, 504, 200])
    server.clearRequests()
    server.failNext(2, { status: 503 }, 'query')
    const long = `// ${'x'.repeat(12_000)}\ncount(*)`
    expect(await live.query(long, {})).toBe(publishedFixture().length)
    expect(server.requestsTo('query').map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503', 'POST 503', 'POST 200'])
  })

  it('fails on a persistent 500 with a message naming project, dataset, status and a hint, without the token', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    server.failNext(100, { status: 500 }, 'query')
    const live = createLiveSource({ ...fast, apiHost: server.url, token, maxRetries: 3 })
    const error = await live.query('count(*)', {}).then(
      () => undefined,
      (e: unknown) => e as SanityApiError,
    )
    expect(error).toBeInstanceOf(SanityApiError)
    expect(error!.message).toMatch(/project "liveproj"/)
    expect(error!.message).toMatch(/dataset "production"/)
    expect(error!.message).toMatch(/HTTP status 500/)
    expect(error!.message).toMatch(/after 4 attempts/)
    expect(error!.hint).toMatch(/status\.sanity\.io/)
    expect(error!.statusCode).toBe(500)
    expect(server.requestsTo('query')).toHaveLength(4)
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(token)
    expect(String(error!.stack)).not.toContain(token)
  })

  it('fails on a persistent 500 through sourceFromEnv with the default retries', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    server.failNext(100, { status: 500 }, 'query')
    await expect(sourceFromEnv(liveEnv(server)).query(siteContentQuery, siteContentParams)).rejects.toMatchObject({
      message: expect.stringMatching(/Sanity query failed with HTTP status 500 for project "liveproj", dataset "production".*after 5 attempts/),
      hint: expect.stringMatching(/status\.sanity\.io/),
    })
  })

  it('does not retry a 4xx and says what to fix', async () => {
    const wrong = createLiveSource({ ...fast, apiHost: server.url, token: 'not-a-known-token' })
    await expect(wrong.query('count(*)', {})).rejects.toMatchObject({ message: expect.stringMatching(/HTTP status 401/), hint: expect.stringMatching(/SANITY_API_READ_TOKEN/) })
    const missing = createLiveSource({ ...fast, dataset: 'nope', apiHost: server.url })
    await expect(missing.query('count(*)', {})).rejects.toMatchObject({
      message: expect.stringMatching(/HTTP status 404 for project "liveproj", dataset "nope"/),
      hint: expect.stringMatching(/SANITY_DATASET/),
    })
    expect(server.requestsTo('query')).toHaveLength(2)
    // The unknown token is scrubbed from the message as well.
    await expect(wrong.query('count(*)', {})).rejects.not.toThrow(/not-a-known-token/)
  })

  it('fails clearly when the API does not answer in time, without retrying', async () => {
    server.failNext(5, { delayMs: 3_000 }, 'query')
    const live = sourceFromEnv(liveEnv(server, { SANITY_TIMEOUT_MS: '300' }))
    const started = Date.now()
    await expect(live.query('count(*)', {})).rejects.toMatchObject({
      message: expect.stringMatching(/timed out for project "liveproj", dataset "production"/),
      hint: expect.stringMatching(/within 300 ms.*SANITY_TIMEOUT_MS/),
    })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(server.requestsTo('query')).toHaveLength(1)
  })

  it('retries a refused connection, then names the host', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const closed = await startFakeSanityServer()
    const url = closed.url
    await closed.close()
    const live = createLiveSource({ ...fast, apiHost: url, maxRetries: 2 })
    await expect(live.query('count(*)', {})).rejects.toMatchObject({
      message: expect.stringMatching(new RegExp(`query failed for project "liveproj", dataset "production" at ${url.replace(/\./g, '\\.')}.*after 3 attempts`)),
      hint: expect.stringMatching(/SANITY_API_HOST/),
    })
  })

  it('rejects a malformed SANITY_TIMEOUT_MS naming the variable', () => {
    expect(() => sourceFromEnv(liveEnv(server, { SANITY_TIMEOUT_MS: 'soon' }))).toThrow(/SANITY_TIMEOUT_MS/)
  })
})

describe('withRetries', () => {
  it('backs off exponentially, honours Retry-After and caps the wait', async () => {
    const delays: number[] = []
    const extra: number[] = []
    const err = (statusCode: number, retryAfter?: string) =>
      Object.assign(new Error(`HTTP ${statusCode}`), { statusCode, response: { statusCode, headers: retryAfter ? { 'retry-after': retryAfter } : {} } })
    const failures = [err(503), err(503), err(503), err(429, '7'), err(429, '600')]
    const result = await withRetries(
      async () => {
        const next = failures.shift()
        if (next) throw next
        return 'ok'
      },
      { maxRetries: 5, retryDelayMs: 2, maxRetryDelayMs: 20_000, onRetry: ({ delayMs }) => delays.push(delayMs), sleep: async (ms) => void extra.push(ms) },
    )
    expect(result).toBe('ok')
    // p-retry's backoff with jitter: 2·2^n to 4·2^n ms.
    expect(delays[0]).toBeGreaterThanOrEqual(2)
    expect(delays[0]).toBeLessThanOrEqual(4)
    expect(delays[1]).toBeGreaterThanOrEqual(4)
    expect(delays[1]).toBeLessThanOrEqual(8)
    expect(delays[2]).toBeGreaterThanOrEqual(8)
    expect(delays[2]).toBeLessThanOrEqual(16)
    // A longer Retry-After wins, capped at maxRetryDelayMs; the part beyond the backoff is waited here.
    expect(delays.slice(3)).toEqual([7_000, 20_000])
    expect(extra).toHaveLength(2)
    // Less the backoff already waited: at most 4·2^3 and 4·2^4 ms (the jitter can reach the top).
    expect(extra[0]).toBeGreaterThanOrEqual(7_000 - 32)
    expect(extra[1]).toBeGreaterThanOrEqual(20_000 - 64)
  })

  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-11-27T12:00:00Z')
    expect(retryAfterMs({ response: { headers: { 'retry-after': 'Fri, 27 Nov 2026 12:00:05 GMT' } } }, now)).toBe(5_000)
  })

  it('stops after maxRetries and does not retry a 400', async () => {
    let calls = 0
    const bad = Object.assign(new Error('bad'), { statusCode: 400 })
    await expect(
      withRetries(
        async () => {
          calls++
          throw bad
        },
        { retryDelayMs: 1 },
      ),
    ).rejects.toBe(bad)
    expect(calls).toBe(1)
    calls = 0
    const busy = Object.assign(new Error('busy'), { statusCode: 503 })
    await expect(
      withRetries(
        async () => {
          calls++
          throw busy
        },
        { maxRetries: 2, retryDelayMs: 1 },
      ),
    ).rejects.toMatchObject({ attempts: 3 })
    expect(calls).toBe(3)
  })
})
