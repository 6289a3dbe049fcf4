/**
 * Faster paths of the build must not change what it produces. Each test compares the faster
 * path with the plain one on the real dataset and on a synthetic 10× copy (the benchmark's
 * generator, bench/lib/synthetic.ts), including references to documents that do not exist.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import { parseNdjson } from '../../src/content/ndjson'
import { createLocalSource, type SanityDocumentLike } from '../../src/content/source/index.ts'
import { siteContentQuery } from '../../src/content/queries'
import { siteContentParams } from '../../src/content/load'
import { multiplyDataset, type Doc } from '../../bench/lib/synthetic.ts'

const file = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url))
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
  })
})
