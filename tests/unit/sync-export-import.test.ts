/**
 * `npm run content:export` and `npm run content:import`, run as real processes against the
 * fake Sanity API on 127.0.0.1: the export writes the normalized file, the import refuses
 * without --yes and otherwise makes the dataset equal the file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../../src/content/ndjson'
import { provenanceRecord } from '../../schemas/lib/provenance'
import { translationRows } from '../../src/content/translations/status'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, publishedFixture, recognisableToken } from '../support/live-fixtures'
import { runScript } from '../support/live-run'
import { projectFile } from '../support/project'

const readToken = recognisableToken('read')
const writeToken = recognisableToken('write')
const servers: FakeSanityServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const start = async (documents: FakeDocument[], chunk?: number) => {
  const server = await startFakeSanityServer({
    projectId: 'syncproj',
    dataset: 'production',
    documents,
    readTokens: [readToken],
    writeTokens: [writeToken],
    exportChunkSize: chunk,
  })
  servers.push(server)
  return server
}
const env = (server: FakeSanityServer, extra: Record<string, string> = {}) => ({
  SANITY_PROJECT_ID: server.projectId,
  SANITY_DATASET: server.dataset,
  SANITY_API_HOST: server.url,
  ...extra,
})
const tempFile = (name = 'dataset.ndjson') => join(mkdtempSync(join(tmpdir(), 'sync-')), name)
const stripSystem = (docs: FakeDocument[]) => docs.map(({ _rev, _createdAt, _updatedAt, ...rest }) => rest)

/** The content under test: the embedded dataset. */
const content = (): FakeDocument[] => embeddedDataset() as FakeDocument[]

/**
 * What Sanity holds next to the content: system fields (each document's own `_updatedAt`, as
 * the embedded dataset records it), a draft, an asset, a system document.
 */
function asStoredInSanity(docs: FakeDocument[]): FakeDocument[] {
  const stamped = docs.map((d, i) => ({ ...d, _rev: `rev${i}`, _createdAt: '2026-01-01T00:00:00Z', _updatedAt: d._updatedAt ?? '2026-11-01T00:00:00Z' }))
  const first = docs.find((d) => d._type === 'industry') ?? docs[0]!
  return [
    ...stamped.reverse(),
    { ...first, _id: `drafts.${first._id}`, _rev: 'draftrev', unpublishedEdit: 'draft only' },
    { _id: 'image-abc123-1200x630-png', _type: 'sanity.imageAsset', url: 'https://cdn.sanity.io/images/x/y/abc123-1200x630.png', _rev: 'a' },
    { _id: '_.groups.public', _type: 'system.group', grants: [], _rev: 's' },
  ]
}

describe('content:export', () => {
  it('writes the normalized published content, and a re-export round-trips byte for byte', async () => {
    const docs = content()
    // A tiny chunk size splits lines across network chunks.
    const server = await start(asStoredInSanity(docs), 97)
    const out = tempFile()
    const first = await runScript('scripts/content-export.ts', ['--out', out], env(server, { SANITY_API_READ_TOKEN: readToken }))
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      new RegExp(
        `Wrote .*: ${docs.length} documents from project "syncproj", dataset "production" \\(left out: 1 draft\\(s\\), 1 asset document\\(s\\), 1 system document\\(s\\)\\)`,
      ),
    )
    const text = readFileSync(out, 'utf8')
    expect(text).toBe(serializeNdjson(normalizeDataset(docs)))
    // Round trip: what was exported parses back to the input dataset.
    expect(parseNdjson(text)).toEqual(normalizeDataset(docs))
    expect(text).toBe(readFileSync(projectFile('content/dataset.ndjson'), 'utf8'))
    expect(text).not.toMatch(/"_rev"|"_createdAt"|drafts\.|sanity\.imageAsset|unpublishedEdit/)
    // The live _updatedAt is kept, one per document.
    expect(text.match(/"_updatedAt":"[^"]+"/g)).toHaveLength(docs.length)
    const [req] = server.requestsTo('export')
    expect(req!.method).toBe('GET')
    expect(req!.path).toMatch(/^\/v\d{4}-\d{2}-\d{2}\/data\/export\/production$/)
    expect(req!.headers.authorization).toBe(`Bearer ${readToken}`)

    const again = await runScript('scripts/content-export.ts', ['--out', out], env(server, { SANITY_API_READ_TOKEN: readToken }))
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/already up to date/)
    const check = await runScript('scripts/content-export.ts', ['--out', out, '--check'], env(server))
    expect(check.code).toBe(0)
  })

  it('--check fails when the file differs from the live dataset', async () => {
    const docs = publishedFixture() as FakeDocument[]
    const server = await start(docs)
    const out = tempFile()
    writeFileSync(out, serializeNdjson(normalizeDataset(docs.slice(1))))
    const check = await runScript('scripts/content-export.ts', ['--out', out, '--check'], env(server))
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/differs from the live dataset/)
  })

  it('retries a 503, and fails on a bad token naming project, dataset and status without the token', async () => {
    const server = await start(publishedFixture() as FakeDocument[])
    server.failNext(1, { status: 503 }, 'export')
    const out = tempFile()
    const ok = await runScript('scripts/content-export.ts', ['--out', out], env(server))
    expect(ok.code).toBe(0)
    expect(server.requestsTo('export').map((r) => r.status)).toEqual([503, 200])
    const badToken = recognisableToken('bad')
    const bad = await runScript('scripts/content-export.ts', ['--out', tempFile()], env(server, { SANITY_API_READ_TOKEN: badToken }))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/export failed with HTTP status 401 for project "syncproj", dataset "production".*\n {2}Fix: .*SANITY_API_READ_TOKEN/)
    expect(bad.stdout + bad.stderr).not.toContain(badToken)
  })

  it('names the missing variables', async () => {
    const result = await runScript('scripts/content-export.ts', ['--out', tempFile()], { SANITY_DATASET: 'production' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Missing SANITY_PROJECT_ID/)
  })
})

describe('content:import', () => {
  /** The dataset before the import: one document edited, one extra, one missing, one draft. */
  function storedBefore(docs: FakeDocument[]): FakeDocument[] {
    const [edited, missing, ...rest] = docs
    return [
      { ...edited!, edited: 'in the Studio' },
      ...rest,
      { _id: 'source-extra', _type: 'source', title: { _type: 'localeString', en: 'Not in the file' }, date: '2020' },
      { ...rest[0]!, _id: `drafts.${rest[0]!._id}`, draftOnly: true },
    ].filter((d) => d._id !== missing!._id)
  }

  it('refuses without --yes, says which flag, and sends nothing', async () => {
    const server = await start(storedBefore(content()))
    const result = await runScript('scripts/content-import.ts', ['--replace'], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--yes/)
    expect(result.stderr).toMatch(/did nothing/)
    expect(server.requests).toHaveLength(0)
  })

  it('with --replace --yes makes the published dataset equal the file, leaving drafts alone', async () => {
    const docs = content()
    const file = tempFile()
    writeFileSync(file, serializeNdjson(normalizeDataset(docs)))
    const server = await start(storedBefore(docs))
    const draftsBefore = server.documents().filter((d) => d._id.startsWith('drafts.'))
    const result = await runScript('scripts/content-import.ts', ['--replace', '--yes', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`createOrReplace ${docs.length} document\\(s\\), delete 1`))
    const published = server.documents().filter((d) => !d._id.startsWith('drafts.'))
    expect(normalizeDataset(stripSystem(published))).toEqual(normalizeDataset(stripSystem(docs)))
    expect(server.documents().filter((d) => d._id.startsWith('drafts.'))).toEqual(draftsBefore)
    const [mutate] = server.requestsTo('mutate')
    expect(mutate!.method).toBe('POST')
    expect(mutate!.headers.authorization).toBe(`Bearer ${writeToken}`)
    const mutations = (mutate!.body as { mutations: Record<string, unknown>[] }).mutations
    expect(mutations.filter((m) => 'createOrReplace' in m)).toHaveLength(docs.length)
    expect(mutations.filter((m) => 'delete' in m)).toEqual([{ delete: { id: 'source-extra' } }])
    expect(server.requestsTo('mutate')).toHaveLength(1)
    // Exporting again gives the file back, each document with the _updatedAt Sanity stamped on the import.
    const out = tempFile()
    expect((await runScript('scripts/content-export.ts', ['--out', out], env(server))).code).toBe(0)
    const exported = parseNdjson(readFileSync(out, 'utf8'))
    expect(stripSystem(exported as FakeDocument[])).toEqual(stripSystem(parseNdjson(readFileSync(file, 'utf8')) as FakeDocument[]))
    const stampedAt = new Map(published.map((d) => [d._id, d._updatedAt]))
    for (const d of exported) expect(d._updatedAt, String(d._id)).toBe(stampedAt.get(String(d._id)))
  })

  it('without --replace keeps documents the file lacks; --dry-run writes nothing', async () => {
    const docs = publishedFixture() as FakeDocument[]
    const file = tempFile()
    writeFileSync(file, serializeNdjson(normalizeDataset(docs)))
    const server = await start(storedBefore(docs))
    const dry = await runScript('scripts/content-import.ts', ['--dry-run', '--replace', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(dry.code).toBe(0)
    expect(dry.stdout).toMatch(/to delete: source-extra/)
    expect(server.requestsTo('mutate')).toHaveLength(0)
    const result = await runScript('scripts/content-import.ts', ['--yes', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(result.code).toBe(0)
    expect(server.documents().map((d) => d._id)).toContain('source-extra')
  })

  it('needs SANITY_API_WRITE_TOKEN, and says so when the token cannot write', async () => {
    const server = await start(publishedFixture() as FakeDocument[])
    const none = await runScript('scripts/content-import.ts', ['--yes'], env(server))
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/Missing SANITY_API_WRITE_TOKEN/)
    const file = tempFile()
    writeFileSync(file, serializeNdjson(normalizeDataset(publishedFixture())))
    const readOnly = await runScript('scripts/content-import.ts', ['--yes', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: readToken }))
    expect(readOnly.code).toBe(1)
    expect(readOnly.stderr).toMatch(/import \(mutate\) failed with HTTP status 403 for project "syncproj", dataset "production".*Insufficient permissions.*\n {2}Fix: .*Editor/)
    expect(readOnly.stdout + readOnly.stderr).not.toContain(readToken)
  })

  it('refuses a file holding drafts', async () => {
    const server = await start([])
    const file = tempFile()
    writeFileSync(file, serializeNdjson([{ _id: 'drafts.x', _type: 'source' }]))
    const result = await runScript('scripts/content-import.ts', ['--yes', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/not published content.*drafts\.x/)
    expect(server.requestsTo('mutate')).toHaveLength(0)
  })
})

describe('translation provenance through normalize, import and export', () => {
  /** The embedded dataset with one stale translation, one never confirmed, and one field written first in English. */
  function withEveryKindOfProvenance(): FakeDocument[] {
    const docs = content()
    const byId = (id: string) => docs.find((d) => d._id === id) as Record<string, any>
    byId('industry-cybersecurity').summary.zhTW += '（已修訂）'
    delete byId('industry-precision-health').goal.provenance
    const label = byId('metric-4g-penetration').label
    label.sourceLocale = 'en'
    label.provenance = { _type: 'translationProvenance', zhTW: provenanceRecord(label.en, '2026-02-03T04:05:06.000Z') }
    return docs
  }

  it('keeps every record, the source language and every status, byte for byte', async () => {
    const docs = withEveryKindOfProvenance()
    const statuses = translationRows(docs)
    expect(statuses.filter((r) => r.status !== 'current').map((r) => `${r.documentId} · ${r.path} · ${r.locale} · ${r.status}`)).toEqual([
      'industry-cybersecurity · summary · en · stale',
      'industry-precision-health · goal · en · stale',
    ])
    expect(statuses.find((r) => r.documentId === 'metric-4g-penetration' && r.path === 'label')).toMatchObject({ locale: 'zh-TW', sourceLocale: 'en', status: 'current' })

    // content:normalize on a file with keys out of order and documents shuffled.
    const file = tempFile()
    const shuffled = [...docs].reverse().map((d) => Object.fromEntries(Object.entries(d).reverse()))
    writeFileSync(file, shuffled.map((d) => JSON.stringify(d)).join('\n') + '\n')
    const normalized = await runScript('scripts/content-normalize.ts', [file], {})
    expect(normalized.code, normalized.stderr).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text).toBe(serializeNdjson(normalizeDataset(docs)))

    // Import into an empty project, export into another file: the same bytes, the same statuses.
    const server = await start([])
    const imported = await runScript('scripts/content-import.ts', ['--yes', '--file', file], env(server, { SANITY_API_WRITE_TOKEN: writeToken }))
    expect(imported.code, imported.stderr).toBe(0)
    const stored = server.documents().find((d) => d._id === 'metric-4g-penetration') as Record<string, any>
    expect(stored.label.sourceLocale).toBe('en')
    expect(stored.label.provenance.zhTW.confirmedAt).toBe('2026-02-03T04:05:06.000Z')
    const out = tempFile()
    const exported = await runScript('scripts/content-export.ts', ['--out', out], env(server))
    expect(exported.code, exported.stderr).toBe(0)
    // Byte for byte, apart from the _updatedAt Sanity stamped on the import (export keeps the live one).
    const exportedText = readFileSync(out, 'utf8')
    const stampedAt = new Map(server.documents().map((d) => [d._id, d._updatedAt]))
    const withFileTimes = parseNdjson(exportedText).map((d) => {
      expect(d._updatedAt, String(d._id)).toBe(stampedAt.get(String(d._id)))
      return { ...d, _updatedAt: docs.find((f) => f._id === d._id)?._updatedAt }
    })
    expect(serializeNdjson(normalizeDataset(withFileTimes as unknown as FakeDocument[]))).toBe(text)
    expect(translationRows(parseNdjson(exportedText) as FakeDocument[])).toEqual(statuses)
  })
})
