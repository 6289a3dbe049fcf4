/**
 * Whole datasets through the contract the build uses (documentsForValidation, lookupIdsIn,
 * validateDocuments): the small base fixture, the real embedded dataset, and the same
 * content served by a live source, which must be validated identically.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createLiveSource, createLocalSource } from '../../../src/content/source/index.ts'
import { documentsForValidation, formatReport, lookupIdsIn, type ValidationReport } from '../../../src/content/validation/index.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { baseDataset, datasetWith, toNdjson } from '../../fixtures/base.ts'
import { startFakeSanityServer } from '../../support/fake-sanity-server.ts'
import { validate } from '../../support/validation.ts'

beforeAll(async () => {
  await loadValidator()
}, 120_000)

describe('the valid base dataset', () => {
  it('has no errors, no missing or stale translations and no warnings', async () => {
    const report = await validate(baseDataset(), true)
    expect(formatReport(report)).toMatch(/^✓ 11 documents from documents: 0 error\(s\), 0 missing translation\(s\), 0 stale translation\(s\), 0 warning\(s\)\.$/)
    expect(report.errors).toEqual([])
    expect(report.missingTranslations).toEqual([])
    expect(report.staleTranslations).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.counts).toMatchObject({ metric: 3, industry: 1, siteSettings: 1 })
    expect(Object.keys(report.counts)).toEqual([...Object.keys(report.counts)].sort())
  })

  it('is the same as tests/fixtures/valid-small.ndjson (the file pipeline tests build)', () => {
    expect(readFileSync(new URL('../../fixtures/valid-small.ndjson', import.meta.url), 'utf8')).toBe(toNdjson(baseDataset()))
  })
})

describe('the real dataset (content/dataset.ndjson)', () => {
  it('validates with zero errors, zero missing or stale translations and zero warnings (every translation current)', async () => {
    const source = createLocalSource({ file: fileURLToPath(new URL('../../../content/dataset.ndjson', import.meta.url)) })
    const docs = await documentsForValidation(source)
    const report = await validate(docs, true, { source: source.description, lookupIds: lookupIdsIn(source) })
    expect(report.errors, formatReport(report)).toEqual([])
    expect(report.missingTranslations, formatReport(report)).toEqual([])
    expect(report.staleTranslations, formatReport(report)).toEqual([])
    expect(report.warnings, formatReport(report)).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.documents).toBeGreaterThan(50)
    expect(report.source).toContain('content/dataset.ndjson')
  }, 120_000)
})

describe('a live source', () => {
  it('is validated identically, its documents fetched in one request', async () => {
    const docs = datasetWith((_docs, byId) => {
      ;(byId('industry-cybersecurity').metrics as unknown[]).push({ _type: 'reference', _key: 'm3', _ref: 'metric-x' })
      delete (byId('industry-cybersecurity').name as Record<string, unknown>).en
    })
    const draft = { ...docs[4]!, _id: 'drafts.industry-cybersecurity', slug: 'not a slug' }
    const server = await startFakeSanityServer({ projectId: 'p1', dataset: 'production', documents: [...docs, draft] })
    try {
      const live = createLiveSource({ projectId: 'p1', dataset: 'production', apiHost: server.url, maxRetries: 0 })
      const liveDocs = await documentsForValidation(live)
      expect(liveDocs.map((d) => d._id).sort()).toEqual(docs.map((d) => d._id).sort())
      expect(server.requestsTo('query')).toHaveLength(1)
      const fromLive = await validate(liveDocs, false, { source: live.description, lookupIds: lookupIdsIn(live) })
      const fromLocal = await validate(docs)
      const strip = (r: ValidationReport) => ({ errors: r.errors, missingTranslations: r.missingTranslations, staleTranslations: r.staleTranslations, warnings: r.warnings })
      expect(strip(fromLive)).toEqual(strip(fromLocal))
      expect(fromLive.errors.map((e) => `${e.documentId} · ${e.field}`)).toEqual(['industry-cybersecurity · metrics[2]'])
      expect(fromLive.missingTranslations.map((e) => `${e.documentId} · ${e.field}`)).toEqual(['industry-cybersecurity · name.en'])
      expect(fromLive.source).toContain('project "p1", dataset "production"')
    } finally {
      await server.close()
    }
  })

  it('reports the documents of types the schema does not have', async () => {
    const docs = [...baseDataset(), { _id: 'widget-1', _type: 'widget' }]
    const server = await startFakeSanityServer({ projectId: 'p1', dataset: 'production', documents: docs })
    try {
      const live = createLiveSource({ projectId: 'p1', dataset: 'production', apiHost: server.url, maxRetries: 0 })
      const report = await validate(await documentsForValidation(live))
      expect(report.errors.map((e) => [e.documentId, e.code])).toEqual([['widget-1', 'document.unknown-type']])
    } finally {
      await server.close()
    }
  })
})
