/**
 * The fake Sanity API itself: its answers have Sanity's shapes, so the other live tests test
 * something real. Raw HTTP (fetch) for the wire format, @sanity/client for compatibility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '@sanity/client'
import { API_VERSION } from '../../src/content/source/index.ts'
import { startFakeSanityServer, type FakeSanityServer } from '../support/fake-sanity-server'

const READ = 'read-token-for-fake-server-test'
const WRITE = 'write-token-for-fake-server-test'
let server: FakeSanityServer
const base = () => `${server.url}/v${API_VERSION}/data`

const docs = [
  { _id: 'a', _type: 'thing', title: 'A published' },
  { _id: 'drafts.a', _type: 'thing', title: 'A draft' },
  { _id: 'drafts.b', _type: 'thing', title: 'B new, never published' },
  { _id: 'c', _type: 'thing', title: 'C published' },
]

beforeAll(async () => {
  server = await startFakeSanityServer({ projectId: 'fp', dataset: 'ds', documents: docs, readTokens: [READ], writeTokens: [WRITE] })
})
afterAll(async () => server.close())

const get = async (query: string, search: Record<string, string> = {}, token?: string) => {
  const qs = new URLSearchParams({ query, ...search })
  const res = await fetch(`${base()}/query/ds?${qs}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers }
}

describe('query endpoint', () => {
  it('answers {query, result, ms} and leaves query out with returnQuery=false', async () => {
    const { status, body, headers } = await get('*[_type == $t]._id', { $t: '"thing"' })
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^application\/json/)
    expect(body).toEqual({ query: '*[_type == $t]._id', result: ['a', 'c'], ms: expect.any(Number) })
    const quiet = await get('count(*)', { returnQuery: 'false' })
    expect(quiet.body).toEqual({ result: 2, ms: expect.any(Number) })
  })

  it('applies the perspectives: published, drafts (overlay, published ids, _originalId), raw', async () => {
    const q = '*[_type == "thing"] | order(_id) {_id, title, _originalId}'
    expect((await get(q, { perspective: 'published' }, READ)).body.result).toEqual([
      { _id: 'a', title: 'A published', _originalId: null },
      { _id: 'c', title: 'C published', _originalId: null },
    ])
    expect((await get(q, { perspective: 'drafts' }, READ)).body.result).toEqual([
      { _id: 'a', title: 'A draft', _originalId: 'drafts.a' },
      { _id: 'b', title: 'B new, never published', _originalId: 'drafts.b' },
      { _id: 'c', title: 'C published', _originalId: 'c' },
    ])
    expect(((await get(q, { perspective: 'raw' }, READ)).body.result as { _id: string }[]).map((d) => d._id)).toEqual(['a', 'c', 'drafts.a', 'drafts.b'])
  })

  it('uses params at parse time too (field[$lang])', async () => {
    const fake = await startFakeSanityServer({ documents: [{ _id: 'x', _type: 't', title: { en: 'Hello', zhTW: '你好' } }] })
    try {
      const res = await fetch(`${fake.url}/v${API_VERSION}/data/query/production?${new URLSearchParams({ query: '*[0].title[$lang]', $lang: '"zhTW"' })}`)
      expect(((await res.json()) as { result: unknown }).result).toBe('你好')
    } finally {
      await fake.close()
    }
  })

  it('answers errors in Sanity shapes: missing param, parse error, bad token, drafts without token, unknown project/dataset', async () => {
    const missing = await get('*[_type == $t]')
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ type: 'queryParseError', description: 'param $t referenced, but not provided', query: '*[_type == $t]' })
    const syntax = await get('*[_type == ')
    expect(syntax.status).toBe(400)
    expect(syntax.body.error).toMatchObject({ type: 'queryParseError', start: expect.any(Number) })
    const bad = await get('count(*)', {}, 'nope')
    expect(bad.status).toBe(401)
    expect(bad.body).toEqual({ error: 'Unauthorized', message: 'Session not found', statusCode: 401, errorCode: 'SIO-401-ANF' })
    const anon = await get('count(*)', { perspective: 'drafts' })
    expect(anon.status).toBe(401)
    const project = await fetch(`${base()}/query/ds?query=1`, { headers: { 'x-sanity-project-id': 'other' } })
    expect(project.status).toBe(404)
    const dataset = await fetch(`${server.url}/v${API_VERSION}/data/query/nope?query=1`)
    expect(dataset.status).toBe(404)
    expect(await dataset.json()).toMatchObject({ statusCode: 404, message: expect.stringMatching(/Dataset "nope" not found/) })
  })

  it("with anonymousDrafts: 'hide', an anonymous drafts query quietly sees published documents", async () => {
    const fake = await startFakeSanityServer({ documents: docs, anonymousDrafts: 'hide' })
    try {
      const res = await fetch(`${fake.url}/v${API_VERSION}/data/query/production?${new URLSearchParams({ query: '*[_id == "a"][0].title', perspective: 'drafts' })}`)
      expect(((await res.json()) as { result: unknown }).result).toBe('A published')
    } finally {
      await fake.close()
    }
  })

  it('answers @sanity/client 8 over GET and POST', async () => {
    const client = createClient({
      projectId: 'fp',
      dataset: 'ds',
      apiHost: server.url,
      useProjectHostname: false,
      apiVersion: API_VERSION,
      useCdn: false,
      token: READ,
      perspective: 'drafts',
    })
    expect(await client.fetch('*[_id == $id][0].title', { id: 'a' })).toBe('A draft')
    expect(await client.fetch(`// ${'x'.repeat(12_000)}\n*[_id == $id][0].title`, { id: 'b' })).toBe('B new, never published')
    const [g, p] = server.requests.slice(-2)
    expect([g!.method, p!.method]).toEqual(['GET', 'POST'])
  })
})

describe('faults', () => {
  it('answers the next N requests to one endpoint with the fault, then normally', async () => {
    server.failNext(2, { status: 429, retryAfter: 3 }, 'query')
    const first = await fetch(`${base()}/query/ds?query=1`)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('3')
    expect(await first.json()).toEqual({ error: 'Too Many Requests', message: 'API rate limit exceeded', statusCode: 429 })
    // Another endpoint is not affected.
    expect((await fetch(`${base()}/export/ds`)).status).toBe(200)
    expect((await fetch(`${base()}/query/ds?query=1`)).status).toBe(429)
    expect((await fetch(`${base()}/query/ds?query=1`)).status).toBe(200)
  })

  it('delays an answer', async () => {
    server.failNext(1, { delayMs: 300 })
    const started = Date.now()
    expect((await fetch(`${base()}/query/ds?query=1`)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
  })
})

describe('export endpoint', () => {
  it('streams NDJSON: published only without a token, everything with one, filtered by types', async () => {
    const anon = await fetch(`${base()}/export/ds`)
    expect(anon.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    expect(
      (await anon.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)._id),
    ).toEqual(['a', 'c'])
    const all = await fetch(`${base()}/export/ds?types=thing`, { headers: { authorization: `Bearer ${READ}` } })
    expect((await all.text()).trim().split('\n')).toHaveLength(4)
    const none = await fetch(`${base()}/export/ds?types=other`, { headers: { authorization: `Bearer ${READ}` } })
    expect(await none.text()).toBe('')
  })
})

describe('mutate endpoint', () => {
  it('applies a transaction with system fields and answers {transactionId, results}', async () => {
    const fake = await startFakeSanityServer({
      documents: [
        { _id: 'old', _type: 't' },
        { _id: 'keep', _type: 't', v: 1 },
      ],
      writeTokens: [WRITE],
      readTokens: [READ],
    })
    try {
      const url = `${fake.url}/v${API_VERSION}/data/mutate/production?returnIds=true&visibility=sync`
      const body = { mutations: [{ createOrReplace: { _id: 'keep', _type: 't', v: 2 } }, { createOrReplace: { _id: 'new', _type: 't' } }, { delete: { id: 'old' } }] }
      const denied = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${READ}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(denied.status).toBe(403)
      expect(await denied.json()).toMatchObject({ error: { type: 'mutationError', items: [{ error: { type: 'insufficientPermissionsError' } }] } })
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${WRITE}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({
        transactionId: expect.any(String),
        results: [
          { id: 'keep', operation: 'update' },
          { id: 'new', operation: 'create' },
          { id: 'old', operation: 'delete' },
        ],
      })
      const stored = fake.documents()
      expect(stored.map((d) => d._id)).toEqual(['keep', 'new'])
      expect(stored[0]).toMatchObject({ v: 2, _rev: expect.any(String), _createdAt: expect.any(String), _updatedAt: expect.any(String) })
      // The client's own transaction API speaks the same format.
      const client = createClient({
        projectId: 'fakeproj',
        dataset: 'production',
        apiHost: fake.url,
        useProjectHostname: false,
        apiVersion: API_VERSION,
        useCdn: false,
        token: WRITE,
      })
      const result = await client.transaction().createOrReplace({ _id: 'x', _type: 't' }).delete('new').commit()
      expect(result.results.map((r) => r.operation)).toEqual(['create', 'delete'])
    } finally {
      await fake.close()
    }
  })
})
