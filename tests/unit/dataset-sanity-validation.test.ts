/**
 * The embedded dataset passes Sanity's own validation with zero markers (no errors, no
 * warnings, no info): the schema from schemas/ compiled with `createSchema`, checked with
 * `validateDocument` from @sanity/validation, custom rules on. The client those rules use
 * (slug uniqueness, figure-group units) answers GROQ with groq-js over the dataset itself,
 * so nothing goes online.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import type { SanityDocument } from 'sanity'
import { parseNdjson } from '../../src/content/ndjson.ts'
import { validateDocuments } from '../../src/content/validation/index.ts'

type Doc = { _id: string; _type: string; [field: string]: unknown }

const file = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url))
const docs = parseNdjson(readFileSync(file, 'utf8'), file) as Doc[]
const ids = new Set(docs.map((d) => d._id))

/** The small client `validateDocument` needs: GROQ over the dataset, nothing else. */
const client = {
  async fetch(query: string, params: Record<string, unknown> = {}) {
    const result = await evaluate(parse(query, { params }), { dataset: docs, params })
    return result.get()
  },
  getDataUrl(operation: string, path?: string) {
    return `offline://data/${operation}${path ? `/${path}` : ''}`
  },
  observable: {},
  withConfig() {
    return this
  },
}

type Result = { status: string; markers: { level: string; path: unknown[]; message: string }[] }
let validateOne: (document: Doc) => Promise<Result>
let validateAll: () => Promise<Map<string, Result>>

beforeAll(async () => {
  const [{ createSchema }, { validateDocument }, { schemaTypes }] = await Promise.all([import('sanity'), import('@sanity/validation'), import('../../schemas/index.ts')])
  const schema = createSchema({ name: 'default', types: schemaTypes })
  validateOne = (document) =>
    validateDocument({
      document: document as unknown as SanityDocument,
      schema: schema as Parameters<typeof validateDocument>[0]['schema'],
      client: client as unknown as Parameters<typeof validateDocument>[0]['client'] & object,
      getDocumentExists: async ({ id }) => ids.has(id),
    })
  validateAll = async () => {
    const results = new Map<string, Result>()
    for (const document of docs) results.set(document._id, await validateOne(document))
    return results
  }
}, 120_000)

describe('dataset: Sanity validation', () => {
  it('every document validates with zero markers', async () => {
    const results = await validateAll()
    const lines = [...results].flatMap(([id, result]) => result.markers.map((m) => `${id} ${m.level} ${m.path.map(String).join('.')}: ${m.message}`))
    expect(lines).toEqual([])
    for (const [id, result] of results) expect(result.status, id).toBe('passed')
    expect(results.size).toBe(docs.length)
  }, 120_000)

  it('the check is live: a broken copy of a document does get markers', async () => {
    const metric = docs.find((d) => d._id === 'metric-foundry-market-share')!
    const broken = {
      ...metric,
      value: 175,
      label: { ...(metric.label as object), en: '' },
      source: { _type: 'reference', _ref: 'source-missing' },
      slug: { _type: 'slug', current: 'ic-packaging-testing-market-share' },
    }
    const paths = (await validateOne(broken)).markers.map((m) => m.path.map(String).join('.'))
    expect(paths).toEqual(expect.arrayContaining(['value', 'label.en', 'source', 'slug']))
  })

  it('the offline client answers the queries the custom rules ask', async () => {
    const count = await client.fetch('count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])', {
      type: 'industry',
      slug: 'cybersecurity',
      draft: 'drafts.x',
      published: 'x',
    })
    expect(count).toBe(1)
  })

  it('passes the production validator (src/content/validation/) with nothing to report', async () => {
    const report = await validateDocuments(docs, { strictI18n: true, source: file, cache: false })
    expect(report.errors).toEqual([])
    expect(report.missingTranslations).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.ok).toBe(true)
  }, 120_000)
})
