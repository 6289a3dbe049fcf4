/**
 * "Is it live?" in the Studio: a published revision against the site's build.json (live,
 * waiting, the deploy to check after the limit, on no page, unknown), and the one shared copy
 * of build.json, read at most once a minute however many documents ask.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BuildManifest } from '../../schemas/build-manifest'
import { createManifestStore } from '../../studio/lib/manifestStore'
import { STATUS_LABELS, WAITING_LIMIT_MINUTES, siteStatus, type ManifestState } from '../../studio/lib/siteStatus'

const builtAt = '2026-12-01T10:00:00.000Z'
const manifest = (documents: BuildManifest['documents'], at = builtAt): ManifestState => ({
  status: 'ok',
  manifest: { builtAt: at, source: { kind: 'live', projectId: 'p', dataset: 'd', perspective: 'published' }, documents },
})
const industry = { _id: 'industry-a', _type: 'industry', _rev: 'rev-1', _updatedAt: '2026-12-01T09:00:00Z', pages: ['/en/industries/a/', '/zh-tw/industries/a/'] }
const minutes = (n: number) => Date.parse('2026-12-01T11:00:00Z') + n * 60_000

describe('siteStatus', () => {
  it('live: the site lists this revision on a page', () => {
    const status = siteStatus(manifest([industry]), { _id: 'industry-a', _rev: 'rev-1', _updatedAt: industry._updatedAt }, minutes(0))
    expect(status).toMatchObject({ kind: 'live', label: '已上線 · Live on the site', color: 'success' })
    expect(status!.title).toMatch(/2 pages/)
  })

  it('waiting: a newer revision was published N minutes ago; after the limit, check the deploy', () => {
    const published = { _id: 'industry-a', _rev: 'rev-2', _updatedAt: '2026-12-01T11:00:00Z' }
    const soon = siteStatus(manifest([industry]), published, minutes(3))
    expect(soon).toMatchObject({ kind: 'waiting', label: '等待網站更新 · Waiting for the site', color: 'warning' })
    expect(soon!.title).toMatch(/Published 3 minutes ago/)
    expect(soon!.title).toMatch(/3 分鐘前/)
    const late = siteStatus(manifest([industry]), published, minutes(WAITING_LIMIT_MINUTES))
    expect(late).toMatchObject({ kind: 'not-rebuilt', label: STATUS_LABELS['not-rebuilt'], color: 'danger' })
    expect(late!.title).toMatch(/check the deploy/i)
  })

  it('compares dates where the build kept no revision (the embedded dataset)', () => {
    const noRev = { ...industry, _rev: null }
    expect(siteStatus(manifest([noRev]), { _id: 'industry-a', _rev: 'x', _updatedAt: industry._updatedAt }, minutes(0))?.kind).toBe('live')
    expect(siteStatus(manifest([noRev]), { _id: 'industry-a', _rev: 'x', _updatedAt: '2026-12-01T10:59:00Z' }, minutes(0))?.kind).toBe('waiting')
  })

  it('site settings are live on every page, though no page declares them', () => {
    const settings = { _id: 'siteSettings', _type: 'siteSettings', _rev: 's1', _updatedAt: '2026-11-01T00:00:00Z', pages: [] }
    expect(siteStatus(manifest([settings]), { _id: 'siteSettings', _rev: 's1' }, minutes(0))?.kind).toBe('live')
    expect(siteStatus(manifest([settings]), { _id: 'siteSettings', _rev: 's2', _updatedAt: '2026-12-01T10:59:00Z' }, minutes(0))?.kind).toBe('waiting')
  })

  it('not on any page: listed without pages, or published before the build and not listed', () => {
    expect(siteStatus(manifest([{ ...industry, pages: [] }]), { _id: 'industry-a', _rev: 'rev-1' }, minutes(0))).toMatchObject({
      kind: 'not-on-page',
      label: '未顯示於任何頁面 · Not on any page',
    })
    expect(siteStatus(manifest([]), { _id: 'source-x', _rev: 'r', _updatedAt: '2026-11-01T00:00:00Z' }, minutes(0))?.kind).toBe('not-on-page')
    // Published after the build started: not built yet, so waiting.
    expect(siteStatus(manifest([]), { _id: 'industry-new', _rev: 'r', _updatedAt: '2026-12-01T10:30:00Z' }, minutes(-25))?.kind).toBe('waiting')
  })

  it('says nothing for an unpublished document or while loading; "unknown" with the reason when build.json cannot be read', () => {
    expect(siteStatus(manifest([industry]), null, minutes(0))).toBeUndefined()
    expect(siteStatus({ status: 'loading' }, { _id: 'industry-a', _rev: 'rev-1' }, minutes(0))).toBeUndefined()
    const unknown = siteStatus({ status: 'error', error: 'HTTP 404' }, { _id: 'industry-a', _rev: 'rev-1' }, minutes(0))
    expect(unknown).toMatchObject({ kind: 'unknown', label: '無法確認網站狀態 · Site status unknown' })
    expect(unknown!.title).toContain('HTTP 404')
  })
})

describe('the shared build.json', () => {
  afterEach(() => vi.useRealTimers())
  const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

  it('is read once for every listener, again only after a minute, and its state reaches them all', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const fetch = vi.fn(async () => answer({ builtAt, source: { kind: 'dataset', file: 'content/dataset.ndjson' }, documents: [industry] }))
    const store = createManifestStore('https://site.example.org/', { fetch })
    const seen: string[] = []
    const stops = [1, 2, 3].map(() => store.subscribe(() => seen.push(store.getSnapshot().status)))
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('ok'))
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0]).toEqual(['https://site.example.org/build.json', expect.objectContaining({ cache: 'no-store' })])
    expect(seen).toEqual(['ok', 'ok', 'ok'])
    store.subscribe(() => {})
    expect(fetch).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(fetch).toHaveBeenCalledTimes(2)
    for (const stop of stops) stop()
  })

  it('turns a failed read or a file that is not a manifest into an error state', async () => {
    const notFound = createManifestStore('https://a.example.org', { fetch: async () => answer({}, 404) })
    const stopA = notFound.subscribe(() => {})
    await vi.waitFor(() => expect(notFound.getSnapshot()).toEqual({ status: 'error', error: expect.stringContaining('HTTP 404') }))
    const wrong = createManifestStore('https://b.example.org', { fetch: async () => answer({ documents: [] }) })
    const stopB = wrong.subscribe(() => {})
    await vi.waitFor(() => expect(wrong.getSnapshot()).toEqual({ status: 'error', error: expect.stringContaining('builtAt') }))
    stopA()
    stopB()
  })
})
