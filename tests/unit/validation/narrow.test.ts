/**
 * The offline client's narrowing (src/content/validation/narrow.ts): a query runs over only
 * the documents it can match, read from groq-js's parse tree, and the slug-uniqueness query
 * is answered from the index. The answers must be exactly groq-js's over every document,
 * and the queries the schema's rules send must take those paths (or validating a large
 * dataset scans it once per slug).
 */
import { evaluate, parse } from 'groq-js'
import { beforeAll, describe, expect, it } from 'vitest'
import type { QueryParams, SanityDocumentLike } from '../../../src/content/source/index.ts'
import { countSlugMatches, indexDataset, narrowDataset, slugCountQuery } from '../../../src/content/validation/narrow.ts'
import { createDatasetFetch, createValidationClient } from '../../../src/content/validation/offline-client.ts'
import { runRules } from '../../../src/content/validation/rules.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { baseDataset } from '../../fixtures/base.ts'

beforeAll(async () => {
  await loadValidator()
}, 120_000)

/** The base dataset twice (the copies with other ids), so there is something to leave out. */
const docs = [...baseDataset(), ...baseDataset().map((d) => ({ ...d, _id: `${d._id}-copy` }))] as SanityDocumentLike[]
const index = indexDataset(docs)
const narrow = (query: string, params: QueryParams) => narrowDataset(parse(query, { params }), index)
const full = async (query: string, params: QueryParams) => (await evaluate(parse(query, { params }), { dataset: docs, params })).get()

describe('narrowing a query', () => {
  const cases: [string, QueryParams, number][] = [
    [
      'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])',
      { type: 'metric', slug: 'foundry-market-share', draft: 'drafts.metric-foundry-share', published: 'metric-foundry-share' },
      2,
    ],
    ['count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])', { type: 'section', slug: 'nope', draft: 'drafts.x', published: 'x' }, 0],
    ['*[_id in $ids]{unit, currency}', { ids: ['metric-packaging-share', 'metric-foundry-share-copy', 'missing'] }, 2],
    ['*[_id in $ids]._id', { ids: ['metric-foundry-share-copy', 'policy', 'metric-foundry-share-copy'] }, 2],
    ['*[_id == $id][0]', { id: 'policy' }, 1],
    ['*[_type == $t] | order(_id desc) {_id}', { t: 'metric' }, 6],
    ['*[_type == "metric" && (defined(unit) && _id == $id)]', { id: 'metric-foundry-share' }, 1],
    ['*[_type == $t && (unit == "percent" || unit == "rank")]', { t: 'metric' }, 6],
  ]

  it.each(cases)('%s answers as groq-js over every document (%j)', async (query, params, size) => {
    const subset = narrow(query, params)
    expect(subset?.length).toBe(size)
    const narrowed = await (await evaluate(parse(query, { params }), { dataset: subset!, params })).get()
    expect(narrowed).toEqual(await full(query, params))
    expect(await createValidationClient(docs).fetch(query, params as never)).toEqual(await full(query, params))
  })

  it.each([
    ['a dereference', '*[_id in $ids]{ "s": source->title }'],
    ['an "or" at the top', '*[_type == $t || _id == $id]'],
    ['two scans', '*[_id == $id]{ "n": count(*[_type == "metric"]) }'],
    ['a parent scope', '*[_id == $id && ^._id == $id]'],
    ['no filter on the scan', '*{_id}[0...2]'],
    ['a term that is not an index', '*[unit == "percent"]'],
    ['a missing parameter', '*[_id == $nope]'],
  ])('is not done for %s', async (_what, query) => {
    const params = { ids: ['metric-foundry-share'], t: 'metric', id: 'policy' }
    expect(narrow(query, params)).toBeUndefined()
    expect(await createDatasetFetch(docs)(query, params)).toEqual(await full(query, params))
  })

  it('turned off, runs over every document', async () => {
    const query = '*[_id == $id]._id'
    expect(await createDatasetFetch(docs, { narrow: false })(query, { id: 'policy' })).toEqual(['policy'])
  })

  const SLUG_QUERY = 'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])'

  it.each([
    [{ type: 'metric', slug: 'foundry-market-share', draft: 'drafts.metric-foundry-share', published: 'metric-foundry-share' }, 1],
    [{ type: 'metric', slug: 'foundry-market-share', draft: 'drafts.x', published: 'x' }, 2],
    [{ type: 'section', slug: 'foundry-market-share', draft: 'drafts.x', published: 'x' }, 0],
    [{ type: 'metric', slug: 'nope', draft: 'drafts.x', published: 'x' }, 0],
  ])('answers the slug-uniqueness query from the index as groq-js does (%j)', async (params, count) => {
    const shape = slugCountQuery(parse(SLUG_QUERY))
    expect(shape).toEqual({ type: 'type', slug: 'slug', excluded: ['draft', 'published'] })
    expect(countSlugMatches(shape!, params, index)).toBe(count)
    expect(await full(SLUG_QUERY, params)).toBe(count)
    expect(await createDatasetFetch(docs)(SLUG_QUERY, params)).toBe(count)
  })

  it('recognises the slug-uniqueness query by its tree, not its text', () => {
    expect(slugCountQuery(parse('count( *[ !(_id in [$b, $a]) && slug.current==$s && _type==$t ] )'))).toEqual({ type: 't', slug: 's', excluded: ['b', 'a'] })
    for (const query of [
      'count(*[_type == $type || slug.current == $slug && !(_id in [$draft, $published])])',
      'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published]) && defined(title)])',
      'count(*[_type == $type && name == $slug && !(_id in [$draft, $published])])',
      'count(*[_type == "metric" && slug.current == $slug && !(_id in [$draft, $published])])',
      '*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])]',
    ]) {
      expect(slugCountQuery(parse(query)), query).toBeUndefined()
    }
    // With a parameter that is not a string, the general path answers.
    const shape = slugCountQuery(parse(SLUG_QUERY))!
    expect(countSlugMatches(shape, { type: 'metric', slug: 'foundry-market-share', draft: 1, published: 'x' }, index)).toBeUndefined()
  })

  it("applies to every query the schema's rules send", async () => {
    const sent: { query: string; params: QueryParams }[] = []
    const fetch = createDatasetFetch(docs)
    const recording = (query: string, params: QueryParams = {}) => {
      sent.push({ query, params })
      return fetch(query, params)
    }
    const context = { exists: () => true, fetch: recording }
    await runRules(docs, context, 4)
    // Slug uniqueness (every document with a slug) and a figure group's units.
    expect(sent.some(({ query }) => query.includes('slug.current'))).toBe(true)
    expect(sent.some(({ query }) => query.includes('_id in $ids'))).toBe(true)
    for (const { query, params } of sent) {
      if (query.includes('slug.current')) expect(slugCountQuery(parse(query)), query).toBeDefined()
      const subset = narrow(query, params)
      expect(subset, query).toBeDefined()
      expect(subset!.length, query).toBeLessThanOrEqual(4)
    }
  })
})
