/**
 * Whole builds from the live path: the site built from the fake Sanity API (published
 * perspective) is the same, file for file, as the site built from content/dataset.ndjson; a
 * drafts preview build shows a draft's change, marks every page as a preview with `noindex`,
 * and leaves the read token in no file at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { BuildManifest } from '../../schemas/build-manifest'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, recognisableToken } from '../support/live-fixtures'
import { buildSite, filesContaining, listFiles, snapshotProject } from '../support/live-build'

/** The Content Lake keeps a revision on every document (the embedded file keeps none). */
const revisionOf = (id: string) => `rev-${id}`
const dataset = (embeddedDataset() as FakeDocument[]).map((d) => ({ ...d, _rev: revisionOf(d._id) }))
const token = recognisableToken('preview')
const DRAFT_ID = 'drafts.industry-cybersecurity'
const marker = { en: `Draft summary ${token.slice(-8)} for the preview test.`, zhTW: `草稿摘要 ${token.slice(-8)}，預覽測試用。` }

/** The stored documents: the published dataset plus one draft that edits an industry summary. */
function withDraft(docs: FakeDocument[]): FakeDocument[] {
  const published = docs.find((d) => d._id === 'industry-cybersecurity')
  if (!published) throw new Error('content/dataset.ndjson has no industry-cybersecurity; the preview test needs it.')
  const summary = { ...(published.summary as Record<string, unknown>), en: marker.en, zhTW: marker.zhTW }
  return [...docs, { ...structuredClone(published), _id: DRAFT_ID, summary }]
}

// Outside the checkout: its .gitignore (which lists .tmp/) must not apply to the copy.
const work = mkdtempSync(join(tmpdir(), 'live-build-'))
const dirs = { local: join(work, 'local'), live: join(work, 'live'), preview: join(work, 'preview') }
let server: FakeSanityServer
const builds: Record<string, Awaited<ReturnType<typeof buildSite>>> = {}

describe('builds from the live path', () => {
  beforeAll(async () => {
    server = await startFakeSanityServer({ projectId: 'buildproj', dataset: 'production', documents: withDraft(dataset), readTokens: [token] })
    const live = { SANITY_PROJECT_ID: server.projectId, SANITY_DATASET: server.dataset, SANITY_API_HOST: server.url }
    // All three from one copy of the sources (others edit the shared checkout meanwhile), one
    // after the other (they share TypeGen output and .astro/ in that copy).
    const project = snapshotProject(join(work, 'project'))
    builds.local = await buildSite(dirs.local, {}, project)
    builds.live = await buildSite(dirs.live, live, project)
    server.clearRequests()
    builds.preview = await buildSite(dirs.preview, { ...live, SANITY_PERSPECTIVE: 'drafts', SANITY_API_READ_TOKEN: token }, project)
  }, 1_800_000)

  afterAll(async () => {
    await server?.close()
    rmSync(work, { recursive: true, force: true })
  })

  it('builds all three', () => {
    for (const [name, build] of Object.entries(builds)) {
      expect(build.code, `${name} build (${build.command}) failed:\n${build.stderr.slice(-3000)}\n${build.stdout.slice(-3000)}`).toBe(0)
    }
  })

  it('the published live build equals the local build, file for file', () => {
    const local = listFiles(dirs.local)
    const live = listFiles(dirs.live)
    expect(local.length).toBeGreaterThan(0)
    expect(live).toEqual(local)
    // build.json names its source and time: compared on its own below.
    const differing = local.filter((file) => file !== 'build.json' && !readFileSync(join(dirs.local, file)).equals(readFileSync(join(dirs.live, file))))
    expect(differing).toEqual([])
    // The server held a draft; the published build must not show it.
    expect(filesContaining(dirs.live, [marker.en, marker.zhTW])).toEqual([])
  })

  it('build.json lists the same documents and pages both ways; the live one names the project and keeps each revision', () => {
    const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')) as BuildManifest
    const [local, live] = [read(dirs.local), read(dirs.live)]
    expect(local.source).toMatchObject({ kind: 'dataset' })
    expect(live.source).toEqual({ kind: 'live', projectId: 'buildproj', dataset: 'production', perspective: 'published' })
    const withoutRevisions = (m: BuildManifest) => m.documents.map(({ _rev, ...rest }) => rest)
    expect(withoutRevisions(live)).toEqual(withoutRevisions(local))
    expect(local.documents.filter((d) => d._rev !== null)).toEqual([])
    expect(live.documents.filter((d) => d._rev !== revisionOf(d._id))).toEqual([])
    expect(live.documents.map((d) => d._id)).not.toContain(DRAFT_ID)
  })

  it('the preview build asked for drafts with the token', () => {
    const queries = server.requestsTo('query')
    expect(queries.length).toBeGreaterThan(0)
    for (const q of queries) {
      expect(q.search.perspective ?? (q.body as { perspective?: string } | undefined)?.perspective).toBe('drafts')
      expect(q.headers.authorization).toBe(`Bearer ${token}`)
    }
  })

  it("the preview build shows the draft's change in both languages", () => {
    const html = listFiles(dirs.preview).filter((f) => f.endsWith('.html'))
    const withEn = html.filter((f) => readFileSync(join(dirs.preview, f), 'utf8').includes(marker.en))
    const withZh = html.filter((f) => readFileSync(join(dirs.preview, f), 'utf8').includes(marker.zhTW))
    expect(withEn.some((f) => f.startsWith('en/'))).toBe(true)
    expect(withZh.some((f) => f.startsWith('zh-tw/'))).toBe(true)
  })

  it('the token is in no file of the preview build, and in no build log', () => {
    const forms = [token, Buffer.from(token).toString('base64'), encodeURIComponent(`Bearer ${token}`)]
    expect(listFiles(dirs.preview).length).toBeGreaterThan(0)
    expect(filesContaining(dirs.preview, forms)).toEqual([])
    expect(builds.preview!.stdout + builds.preview!.stderr).not.toContain(token)
  })

  it('every preview page is marked as a preview and noindex; published pages are not', () => {
    const pages = listFiles(dirs.preview).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(0)
    const robots = /<meta\s+name="robots"\s+content="[^"]*noindex[^"]*"/
    const banner = /data-preview-banner/
    expect(
      pages.filter((f) => !robots.test(readFileSync(join(dirs.preview, f), 'utf8'))),
      'pages without <meta name="robots" content="noindex">',
    ).toEqual([])
    expect(
      pages.filter((f) => !banner.test(readFileSync(join(dirs.preview, f), 'utf8'))),
      'pages without the preview banner (data-preview-banner)',
    ).toEqual([])
    const published = listFiles(dirs.live).filter((f) => f.endsWith('.html'))
    expect(published.filter((f) => banner.test(readFileSync(join(dirs.live, f), 'utf8')))).toEqual([])
  })
})
