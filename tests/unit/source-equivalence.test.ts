/**
 * Faster paths of the build must not change what it produces. Each test compares the faster
 * path with the plain one on the real dataset and on a synthetic 10× copy (the benchmark's
 * generator, bench/lib/synthetic.ts), including references to documents that do not exist.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import { parseNdjson } from '../../src/content/ndjson'
import { createLocalSource, type SanityDocumentLike } from '../../src/content/source'
import { documentsForValidationQuery, siteContentQuery } from '../../src/content/queries'
import { siteContentParams } from '../../src/content/load'
import { multiplyDataset, type Doc } from '../../bench/lib/synthetic.ts'

const file = resolve(__dirname, '../../content/dataset.ndjson')
const real = parseNdjson(readFileSync(file, 'utf8'), file) as Doc[]

/** groq-js as the local source used it before: `->` scans the dataset. */
async function plain(query: string, params: Record<string, unknown>, dataset: SanityDocumentLike[]) {
  return (await evaluate(parse(query, { params }), { dataset, params })).get()
}

describe('local source: references resolved through an id index', () => {
  const withDangling = (docs: Doc[]): Doc[] =>
    docs.map((d) =>
      d._type === 'industry' && d._id === docs.find((x) => x._type === 'industry')!._id
        ? { ...d, metrics: [...((d.metrics as unknown[]) ?? []), { _type: 'reference', _key: 'gone', _ref: 'metric-does-not-exist' }] }
        : d,
    )
  it.each([
    ['the real dataset', real],
    ['x10 synthetic', multiplyDataset(real, 10)],
    ['a dangling reference', withDangling(real)],
    ['a draft next to its published document', [...real, { ...real.find((d) => d._type === 'metric')!, _id: `drafts.${real.find((d) => d._type === 'metric')!._id}`, value: 1 }]],
  ])('answers the site query exactly as plain groq-js on %s', async (_name, docs) => {
    const published = (docs as SanityDocumentLike[]).filter((d) => !d._id.startsWith('drafts.'))
    const source = createLocalSource({ documents: published })
    expect(await source.query(siteContentQuery, siteContentParams)).toEqual(await plain(siteContentQuery, siteContentParams, published))
    const types = { types: ['industry', 'metric', 'metricGroup'] }
    expect(await source.query(documentsForValidationQuery, types)).toEqual(await plain(documentsForValidationQuery, types, published))
  })
})

describe("validation schema compiled without importing 'sanity'", () => {
  it("gives the same markers as sanity's createSchema on valid and broken documents", async () => {
    const [{ createSchema }, { validateDocument }, { schemaTypes }, { loadValidator, createValidationClient }] = await Promise.all([
      import('sanity'),
      import('@sanity/validation'),
      import('../../schemas'),
      import('../../src/content/validate'),
    ])
    const light = (await loadValidator()).schema
    const full = createSchema({ name: 'default', types: schemaTypes }) as unknown as typeof light
    // Every document, plus copies broken in the ways the schema checks: slug pattern and
    // uniqueness, a too-short localized title, a negative value, a javascript: URL, unknown fields.
    const broken = real.slice(0, 60).map((d) => ({
      ...d,
      _id: `${d._id}-broken`,
      ...(d.slug ? { slug: { _type: 'slug', current: 'Bad Slug' } } : {}),
      ...(d.title ? { title: { _type: 'localeString', en: 'only English' } } : {}),
      ...(d.value !== undefined ? { value: -5 } : {}),
      url: 'javascript:alert(1)',
    }))
    const docs = [...real, ...broken] as SanityDocumentLike[]
    const ids = new Set(docs.map((d) => d._id))
    const client = createValidationClient(docs)
    const markers = async (schema: typeof light) => {
      const out: string[] = []
      for (const document of docs) {
        const result = await validateDocument({ document: document as never, schema, client, getDocumentExists: async ({ id }) => ids.has(id) })
        for (const m of result.markers) out.push(`${document._id} ${JSON.stringify(m.path)} ${m.level} ${m.message}`)
      }
      return out.sort()
    }
    const expected = await markers(full)
    expect(expected.length).toBeGreaterThan(100)
    expect(await markers(light)).toEqual(expected)
  }, 120_000)
})
