/**
 * The checks Sanity does not make on a dataset file (src/content/validation/structure.ts),
 * through validateDocuments: a small valid base dataset (tests/fixtures/base.ts) with one
 * thing broken per test. Every problem must name the document, the field and the fix.
 */
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { ContentError, toContentIssue } from '../../../src/content/content-error.ts'
import { loadSiteContent } from '../../../src/content/load.ts'
import { createLocalSource, type SanityDocumentLike } from '../../../src/content/source/index.ts'
import { documentsForValidation, failedReport, formatReport } from '../../../src/content/validation/index.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { baseDataset, datasetWith } from '../../fixtures/base.ts'
import { issueAt, validate } from '../../support/validation.ts'

beforeAll(async () => {
  await loadValidator()
}, 120_000)

/** What an error thrown while reading content becomes in the report the build prints. */
async function reportOfThrow(read: () => Promise<unknown>) {
  const error = await read().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContentError)
  const report = failedReport('the test', toContentIssue(error), false)
  return { issue: report.errors[0]!, report }
}

describe('content that cannot be read', () => {
  it('a malformed NDJSON line: the file, the line number and the parse error, as fields', async () => {
    const file = fileURLToPath(new URL('../../fixtures/malformed.ndjson', import.meta.url))
    const { issue, report } = await reportOfThrow(() => documentsForValidation(createLocalSource({ file })))
    expect(issue).toMatchObject({ file, line: 4, code: 'file.malformed', documentId: '' })
    expect(issue.message).toMatch(/^This line is not valid JSON \(.*(JSON|Unterminated|Expected).*\)\.$/)
    expect(issue.hint).toMatch(/one whole JSON document/)
    expect(report.ok).toBe(false)
    expect(formatReport(report)).toContain(`  ✗ ${file}:4\n      ${issue.message}\n      Fix: ${issue.hint}`)
  })

  it('a missing singleton found by the loader names the document and the fix', async () => {
    const docs = baseDataset().filter((d) => d._id !== 'policy') as SanityDocumentLike[]
    const { issue } = await reportOfThrow(() => loadSiteContent(createLocalSource({ documents: docs })))
    expect(issue).toMatchObject({ documentId: 'policy', documentType: 'policy', code: 'document.singleton-missing' })
    expect(issue.hint).toMatch(/its _id must be "policy"/)
    expect(issue.message).not.toMatch(/Hint:/)
  })
})

describe('ids and types', () => {
  it('duplicate _id', async () => {
    const report = await validate(datasetWith((docs, byId) => [...docs, { ...byId('metric-foundry-share'), value: 76 }]))
    const issue = issueAt(report, 'errors', 'metric-foundry-share', '_id')
    expect(issue.code).toBe('document.duplicate-id')
    expect(issue.message).toMatch(/used by 2 documents/)
    expect(issue.hint).toMatch(/its own _id/)
    expect(report.ok).toBe(false)
    expect(report.counts.metric).toBe(4)
  })

  it('a document without _id, and one without _type', async () => {
    const report = await validate(datasetWith((docs) => [...docs, { _type: 'metric' } as never, { _id: 'typeless' } as never]))
    const missingId = report.errors.filter((e) => e.code === 'document.missing-id')
    expect(missingId).toEqual([expect.objectContaining({ documentId: '', documentType: 'metric', field: '_id', message: 'Document number 12 has no _id.' })])
    const issue = issueAt(report, 'errors', 'typeless', '_type')
    expect(issue.code).toBe('document.missing-type')
    expect(issue.hint).toMatch(/industry/)
  })

  it('unknown _type', async () => {
    const report = await validate(datasetWith((docs) => [...docs, { _id: 'widget-1', _type: 'widget', title: 'x' }]))
    const issue = issueAt(report, 'errors', 'widget-1', '_type')
    expect(issue.documentType).toBe('widget')
    expect(issue.message).toMatch(/"widget" is not a document type of the schema/)
    expect(issue.hint).toMatch(/industry/)
    expect(issue.hint).toMatch(/remove the document/)
  })

  it('Sanity system documents are not unknown types', async () => {
    const report = await validate(datasetWith((docs) => [...docs, { _id: 'image-abc', _type: 'sanity.imageAsset' }]))
    expect(report.errors).toEqual([])
  })

  it('a singleton on another id, and a missing singleton', async () => {
    const report = await validate(
      datasetWith((docs, byId) => {
        byId('policy')._id = 'policy-2020'
        return docs
      }),
    )
    expect(issueAt(report, 'errors', 'policy-2020', '_id').hint).toMatch(/Change the _id to "policy"/)
    expect(issueAt(report, 'errors', 'policy', '').code).toBe('document.singleton-missing')
  })
})

describe('references', () => {
  it('a dangling reference names the document, the field path and the missing id', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        ;(byId('industry-cybersecurity').metrics as unknown[]).push({ _type: 'reference', _key: 'm3', _ref: 'metric-x' })
      }),
    )
    const issue = issueAt(report, 'errors', 'industry-cybersecurity', 'metrics[2]')
    expect(issue.message).toBe('"industry-cybersecurity" field "metrics[2]" refers to "metric-x", which does not exist.')
    expect(issue.hint).toMatch(/existing document/)
    // Sanity's own "Referenced document must be published" would say the same less clearly.
    expect(report.errors).toHaveLength(1)
  })

  it('a reference to a draft id says that references point at published ids', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        ;(byId('metric-foundry-share').source as { _ref: string })._ref = 'drafts.source-ndc-2020'
      }),
    )
    expect(issueAt(report, 'errors', 'metric-foundry-share', 'source').message).toMatch(/a draft id: references point at published ids/)
  })

  it('a dangling reference deep in Portable Text', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        const body = byId('section-background').body as { zhTW: { markDefs: { reference: { _ref: string } }[] }[] }
        body.zhTW[0]!.markDefs[0]!.reference._ref = 'glossaryTerm-gone'
      }),
    )
    const issue = issueAt(report, 'errors', 'section-background', 'body.zhTW[0].markDefs[0].reference')
    expect(issue.message).toContain('"glossaryTerm-gone"')
  })

  it('references outside the set are looked up once, before they count as missing', async () => {
    const docs = datasetWith((_docs, byId) => {
      ;(byId('siteSettings') as Record<string, unknown>).socialImage = { _type: 'image', asset: { _type: 'reference', _ref: 'image-abc-1200x630-png' } }
      ;(byId('industry-cybersecurity').metrics as unknown[]).push({ _type: 'reference', _key: 'm3', _ref: 'metric-x' })
    })
    const asked: string[][] = []
    const lookupIds = async (ids: string[]) => {
      asked.push(ids)
      return ids.filter((id) => id.startsWith('image-'))
    }
    const report = await validate(docs, false, { lookupIds })
    expect(asked).toEqual([['image-abc-1200x630-png', 'metric-x']])
    expect(report.errors.map((e) => `${e.documentId} · ${e.field}`)).toEqual(['industry-cybersecurity · metrics[2]'])
  })
})

describe('list items', () => {
  it('_key missing or repeated inside an object array', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        const ind = byId('industry-cybersecurity')
        delete (ind.directions as Record<string, unknown>[])[0]!._key
        ;(ind.initiatives as unknown[]).push({ _type: 'localeText', _key: 'i1', zhTW: '措施二。', en: 'Initiative two.' })
      }),
    )
    const missing = issueAt(report, 'errors', 'industry-cybersecurity', 'directions[0]')
    expect(missing.code).toBe('array.missing-key')
    expect(missing.hint).toMatch(/unique _key string, e\.g\. "directions1"/)
    const repeated = issueAt(report, 'errors', 'industry-cybersecurity', 'initiatives[1]')
    expect(repeated.message).toBe('This list item repeats the _key "i1" of initiatives[0].')
    expect(repeated.hint).toMatch(/e\.g\. "i1-1"/)
  })
})
