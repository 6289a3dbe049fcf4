/**
 * The Publishing tool's rows: the newest publishes first (drafts and release versions never),
 * each with the document badge's status and colours, "how long ago" in both languages, and the
 * pages that show it as absolute links on the site.
 */
import { describe, expect, it } from 'vitest'
import type { BuildManifest } from '../../schemas/build-manifest'
import { publishingRows, relativeTime, RECENT_LIMIT, type PublishedDocument } from '../../studio/lib/publishingRows'
import { STATUS_LABELS, WAITING_LIMIT_MINUTES, type ManifestState } from '../../studio/lib/siteStatus'

const builtAt = '2026-12-01T10:00:00.000Z'
const now = Date.parse('2026-12-01T11:00:00Z')
const minutesAgo = (n: number) => new Date(now - n * 60_000).toISOString()
const manifest = (documents: BuildManifest['documents']): ManifestState => ({
  status: 'ok',
  manifest: { builtAt, source: { kind: 'live', projectId: 'p', dataset: 'd', perspective: 'published' }, documents },
})
const entry = (id: string, rev: string, pages: string[], type = 'industry') => ({ _id: id, _type: type, _rev: rev, _updatedAt: '2026-12-01T09:00:00Z', pages })

const live: PublishedDocument = { _id: 'industry-live', _type: 'industry', _rev: 'r1', _updatedAt: '2026-12-01T09:00:00Z', name: { zhTW: '資安', en: 'Cybersecurity' } }
const waiting: PublishedDocument = { _id: 'industry-new', _type: 'industry', _rev: 'r2', _updatedAt: minutesAgo(12), title: { en: 'Only English' } }
const stale: PublishedDocument = { _id: 'policy-old', _type: 'policy', _rev: 'r2', _updatedAt: minutesAgo(WAITING_LIMIT_MINUTES + 5) }
const noPage: PublishedDocument = { _id: 'source-a', _type: 'source', _rev: 'r1', _updatedAt: '2026-12-01T08:00:00Z', title: { zhTW: '就職演說' } }
const state = manifest([
  entry('industry-live', 'r1', ['/en/industries/cyber/', '/zh-tw/industries/cyber/']),
  entry('industry-new', 'r1', ['/en/industries/new/']),
  entry('policy-old', 'r1', ['/en/policy/'], 'policy'),
  entry('source-a', 'r1', [], 'source'),
])
const site = 'https://example.org/base/'
const typeTitles = { industry: '產業 · Industry', policy: '政策 · Policy' }

describe('publishingRows', () => {
  it('lists the newest publish first, with the badge status, label and colour of each kind', () => {
    const rows = publishingRows([noPage, live, stale, waiting], state, now, { siteUrl: site, typeTitles })
    expect(rows.map((r) => r.id)).toEqual(['industry-new', 'policy-old', 'industry-live', 'source-a'])
    expect(rows.map((r) => [r.status?.kind, r.status?.label, r.tone])).toEqual([
      ['waiting', STATUS_LABELS.waiting, 'caution'],
      ['not-rebuilt', STATUS_LABELS['not-rebuilt'], 'critical'],
      ['live', STATUS_LABELS.live, 'positive'],
      ['not-on-page', STATUS_LABELS['not-on-page'], 'default'],
    ])
  })

  it('names each row by its title field in both languages and its type by the schema title', () => {
    const rows = publishingRows([live, waiting, stale, noPage], state, now, { siteUrl: site, typeTitles })
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId['industry-live']).toMatchObject({ title: '資安 · Cybersecurity', typeTitle: '產業 · Industry' })
    expect(byId['industry-new']!.title).toBe('Only English')
    expect(byId['policy-old']).toMatchObject({ title: 'policy-old', typeTitle: '政策 · Policy' })
    // A type without a title falls back to its name.
    expect(byId['source-a']).toMatchObject({ title: '就職演說', typeTitle: 'source' })
  })

  it('links the pages of the current build as absolute URLs on the site', () => {
    const [row] = publishingRows([live], state, now, { siteUrl: site })
    expect(row!.pages).toEqual([
      { path: '/en/industries/cyber/', url: 'https://example.org/base/en/industries/cyber/' },
      { path: '/zh-tw/industries/cyber/', url: 'https://example.org/base/zh-tw/industries/cyber/' },
    ])
    // Without a usable site URL the paths stay, with no link.
    expect(publishingRows([live], state, now, { siteUrl: 'javascript:alert(1)' })[0]!.pages).toEqual([{ path: '/en/industries/cyber/' }, { path: '/zh-tw/industries/cyber/' }])
  })

  it('leaves drafts and release versions out', () => {
    const draft = { ...waiting, _id: 'drafts.industry-live', _updatedAt: minutesAgo(1) }
    const version = { ...waiting, _id: 'versions.r1.industry-live', _updatedAt: minutesAgo(1) }
    expect(publishingRows([draft, live, version], state, now).map((r) => r.id)).toEqual(['industry-live'])
  })

  it('unknown when build.json cannot be read, no status yet while it loads, at most the limit', () => {
    const [unknown] = publishingRows([live], { status: 'error', error: 'HTTP 404' }, now, { siteUrl: site })
    expect(unknown).toMatchObject({ status: { kind: 'unknown', label: STATUS_LABELS.unknown }, tone: 'default', pages: [] })
    const [loading] = publishingRows([live], { status: 'loading' }, now)
    expect(loading!.status).toBeUndefined()
    const many = Array.from({ length: RECENT_LIMIT + 5 }, (_, i) => ({ ...live, _id: `industry-${i}`, _updatedAt: minutesAgo(i) }))
    const rows = publishingRows(many, state, now)
    expect(rows).toHaveLength(RECENT_LIMIT)
    expect(rows[0]!.id).toBe('industry-0')
  })
})

describe('relativeTime', () => {
  it('says how long ago in Chinese, then English', () => {
    expect(relativeTime(minutesAgo(12), now)).toBe('12 分鐘前 · 12 minutes ago')
    expect(relativeTime(minutesAgo(3 * 60), now)).toBe('3 小時前 · 3 hours ago')
    expect(relativeTime(minutesAgo(26 * 60), now)).toBe('昨天 · yesterday')
    expect(relativeTime(undefined, now)).toBe('')
  })
})
