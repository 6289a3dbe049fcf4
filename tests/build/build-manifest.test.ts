/**
 * build.json, the build's manifest: every published document of the dataset the build read,
 * with its type, revision, date and the pages that show it exactly as the page layer
 * (`allPages`) declares them; no draft, no token; and `_headers` lets any origin read it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseBuildManifest, type BuildManifest } from '../../schemas/build-manifest'
import { buildManifest } from '../../scripts/lib/build-manifest'
import { TOKEN_LOOKALIKE } from '../../scripts/lib/token-pattern.mjs'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/index.ts'
import { parseNdjson } from '../../src/content/ndjson'
import { buildSiteViews, type SiteContent, type SiteViews } from '../../src/content/views'
import { allPages } from '../../src/page-model'
import { projectFile } from '../support/project'
import { distDir } from './site-lib'

const datasetFile = process.env.CONTENT_FILE || projectFile('content/dataset.ndjson')
const text = readFileSync(join(distDir(), 'build.json'), 'utf8')
const manifest = JSON.parse(text) as BuildManifest

let content: SiteContent
let views: SiteViews
beforeAll(async () => {
  content = await loadSiteContent(createLocalSource({ file: datasetFile }))
  views = buildSiteViews(content)
})

describe('build.json', () => {
  it('parses, and says when and from what the site was built', () => {
    expect(parseBuildManifest(JSON.parse(text))).toEqual({ manifest })
    expect(new Date(manifest.builtAt).toISOString()).toBe(manifest.builtAt)
    expect(Date.now() - Date.parse(manifest.builtAt)).toBeLessThan(24 * 3600_000)
    expect(manifest.source).toEqual({ kind: 'dataset', file: expect.stringMatching(/\.ndjson$/) })
    expect(manifest.source.kind === 'dataset' && manifest.source.file).not.toMatch(/^\//)
  })

  it('lists every published document of the dataset, once, sorted by id, with its type and date', () => {
    const published = parseNdjson(readFileSync(datasetFile, 'utf8'), datasetFile).filter((d) => !String(d._id).startsWith('drafts.'))
    const ids = manifest.documents.map((d) => d._id)
    expect(ids).toEqual([...new Set(ids)].sort())
    expect(ids).toEqual(published.map((d) => String(d._id)).sort())
    for (const doc of published) {
      const entry = manifest.documents.find((d) => d._id === doc._id)!
      expect(entry, String(doc._id)).toMatchObject({ _type: doc._type, _updatedAt: doc._updatedAt ?? null, _rev: (doc._rev as string | undefined) ?? null })
    }
  })

  it('lists no draft and nothing that looks like a token', () => {
    expect(manifest.documents.filter((d) => d._id.startsWith('drafts.'))).toEqual([])
    expect(text).not.toMatch(TOKEN_LOOKALIKE)
    expect(text).not.toMatch(/token/i)
  })

  it('gives each document the pages allPages says show it, sorted; a document no page shows has none', () => {
    const pages = allPages(views)
    for (const entry of manifest.documents) {
      const expected = [...new Set(pages.filter((p) => p.documents.includes(entry._id)).map((p) => p.path))].sort()
      expect(entry.pages, entry._id).toEqual(expected)
    }
    // Most documents are on a page; the check above would pass on empty lists alone otherwise.
    expect(manifest.documents.filter((d) => d.pages.length > 0).length).toBeGreaterThan(manifest.documents.length / 2)
    const industry = manifest.documents.find((d) => d._type === 'industry')!
    expect(industry.pages).toEqual(expect.arrayContaining([expect.stringMatching(/^\/zh-tw\/industries\/[^/]+\/$/), expect.stringMatching(/^\/en\/industries\/[^/]+\/$/)]))
  })

  it('leaves drafts out and keeps a revision where the source has one', () => {
    const changes = [
      { _id: 'drafts.policy', _type: 'policy', _rev: 'r2', _updatedAt: '2026-12-01T00:00:00Z' },
      { _id: 'policy', _type: 'policy', _rev: 'r1', _updatedAt: '2026-11-01T00:00:00Z' },
    ] as SiteContent['changes']
    const made = buildManifest({ builtAt: new Date('2026-12-02T00:00:00Z'), origin: { kind: 'live', projectId: 'p', dataset: 'd', perspective: 'published' }, changes, views })
    expect(made.documents.map((d) => [d._id, d._rev])).toEqual([['policy', 'r1']])
    expect(made.documents[0]!.pages).toEqual(expect.arrayContaining(['/en/policy/', '/zh-tw/policy/']))
    expect(made.source).toEqual({ kind: 'live', projectId: 'p', dataset: 'd', perspective: 'published' })
  })

  it('may be read from any origin (the Studio fetches it): _headers says so', () => {
    const headers = readFileSync(join(distDir(), '_headers'), 'utf8')
    const block = headers.split(/\n\n/).find((b) => b.startsWith('/build.json\n'))
    expect(block).toBeDefined()
    expect(block).toContain('Access-Control-Allow-Origin: *')
  })
})
