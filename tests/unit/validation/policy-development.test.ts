/**
 * A policy development must name a source readers can open: Sanity's rules from
 * schemas/documents/policyDevelopment.ts stop one without a source address, or with one that
 * is not https, and the report names the document, the field and the fix. The views keep
 * the developments newest first whatever order they come in.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { HTTPS_URL_MESSAGE, PARTIAL_DATE_MESSAGE, SOURCE_URL_REQUIRED_MESSAGE } from '../../../schemas/lib/validation.ts'
import { ContentError } from '../../../src/content/content-error.ts'
import { formatReport } from '../../../src/content/validation/index.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { buildDevelopmentViews, newestFirst } from '../../../src/content/status-views.ts'
import { datasetWith, type Doc } from '../../fixtures/base.ts'
import { issueAt, validate } from '../../support/validation.ts'

const ID = 'policyDevelopment-test'

function development(source: Record<string, unknown>, date = '2026-02-24'): Doc {
  return {
    _id: ID,
    _type: 'policyDevelopment',
    date,
    title: { _type: 'localeString', zhTW: '標題', en: 'Title' },
    summary: { _type: 'localeText', zhTW: '摘要', en: 'Summary' },
    source: { _type: 'object', publisher: { _type: 'localeString', zhTW: '發布單位', en: 'Publisher' }, ...source },
  }
}

const withDevelopment = (doc: Doc) => datasetWith((docs) => [...docs, doc])
const errorsFor = (report: Awaited<ReturnType<typeof validate>>) => report.errors.filter((i) => i.documentId === ID)

beforeAll(async () => {
  await loadValidator()
}, 120_000)

describe('policyDevelopment: the source address', () => {
  it('a development with an https source passes', async () => {
    const report = await validate(withDevelopment(development({ title: '標題', url: 'https://udn.com/news/story/7238/9342658' })))
    expect(errorsFor(report), formatReport(report)).toEqual([])
  })

  it('without a source address: an error on source.url that says to add the https:// address', async () => {
    const report = await validate(withDevelopment(development({ title: '標題' })))
    const issue = issueAt(report, 'errors', ID, 'source.url')
    expect(issue.documentType).toBe('policyDevelopment')
    expect(issue.message).toBe(SOURCE_URL_REQUIRED_MESSAGE)
    expect(issue.hint).toMatch(/https:\/\/ address .*"source\.url" of policyDevelopment "policyDevelopment-test"/)
    expect(report.ok).toBe(false)
  })

  for (const url of ['http://udn.com/news/story/7238/9342658', 'javascript:alert(1)', 'udn.com/news/story/7238/9342658']) {
    it(`with ${url}: an error on source.url that asks for https`, async () => {
      const report = await validate(withDevelopment(development({ url })))
      const issue = issueAt(report, 'errors', ID, 'source.url')
      expect(issue.message).toBe(HTTPS_URL_MESSAGE)
      expect(issue.hint).toMatch(/full https:\/\/ address/)
      expect(report.ok).toBe(false)
    })
  }

  it('without any source: an error on source', async () => {
    const doc = development({})
    delete doc.source
    const report = await validate(withDevelopment(doc))
    expect(
      errorsFor(report).map((i) => i.field),
      formatReport(report),
    ).toContain('source')
    expect(report.ok).toBe(false)
  })

  it('a date more precise than a real one allows (2026-13) is stopped with the partial-date message', async () => {
    const report = await validate(withDevelopment(development({ url: 'https://udn.com/x' }, '2026-13')))
    expect(issueAt(report, 'errors', ID, 'date').message).toBe(PARTIAL_DATE_MESSAGE)
  })
})

describe('the developments in a view', () => {
  it('newest first, a partial date after the full dates inside it', () => {
    const list = [
      { id: 'a', date: '2024-05-20' },
      { id: 'b', date: '2026-02' },
      { id: 'c', date: '2026-02-24' },
      { id: 'd', date: '2026-02-05' },
    ]
    expect(newestFirst(list).map((d) => d.id)).toEqual(['c', 'd', 'b', 'a'])
  })

  it('a development without a source address in the content (e.g. live, unvalidated) is a ContentError naming document and field', () => {
    const raw = [{ _id: ID, date: '2026-02-24', title: null, summary: null, source: { publisher: null, title: 'x', url: null } }]
    const r = {
      req: () => {
        throw new Error('not reached')
      },
      problem: (error: ContentError) => {
        throw error
      },
    }
    expect(() => buildDevelopmentViews(raw as never, r as never)).toThrow(ContentError)
    try {
      buildDevelopmentViews(raw as never, r as never)
    } catch (error) {
      const issue = (error as ContentError).issue
      expect([issue.documentId, issue.field]).toEqual([ID, 'source.url'])
      expect(issue.hint).toMatch(/https:\/\//)
    }
  })
})
