/**
 * Synthetic datasets: the multiplied types scale by the factor, everything else stays once,
 * ids, slugs and keys stay unique, references resolve (a copy to the copy of the same number),
 * and the copies still pass Sanity's own validation.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import type { SanityDocument } from 'sanity'
import { SLUG_PATTERN } from '../../schemas/lib/validation.ts'
import { translationRows } from '../../src/content/translations/status.ts'
import { copyId, countByType, multiplyDataset, MULTIPLIED_TYPES, readNdjson, toNdjson, type Doc } from '../lib/synthetic.ts'

const real = readNdjson(join(import.meta.dirname, '..', '..', 'content', 'dataset.ndjson'))
const isMultiplied = (type: string) => (MULTIPLIED_TYPES as readonly string[]).includes(type)

/** Every `_ref` in a value. */
const refs = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refs)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => (k === '_ref' && typeof v === 'string' ? [v] : refs(v)))
      : []

/** Every non-empty array of keyed objects in a value. */
const keyedArrays = (value: unknown): { _key?: string; markDefs?: { _key: string }[]; children?: { marks?: string[] }[] }[][] => {
  if (Array.isArray(value)) {
    const own = value.length > 0 && value.every((v) => v && typeof v === 'object' && '_key' in v) ? [value] : []
    return [...own, ...value.flatMap(keyedArrays)]
  }
  return value && typeof value === 'object' ? Object.values(value).flatMap(keyedArrays) : []
}

describe.each([10, 100])('%i×', (factor) => {
  const docs = multiplyDataset(real, factor)

  it('multiplies industries, metrics, figure groups and glossary terms by the factor, and nothing else', () => {
    const before = countByType(real)
    const after = countByType(docs)
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    for (const [type, n] of Object.entries(before)) expect(after[type], type).toBe(isMultiplied(type) ? n * factor : n)
    expect(before.industry).toBeGreaterThan(0)
  })

  it('gives every document a unique id and every slug is well formed and unique within its type', () => {
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    const slugs = docs.flatMap((d) => {
      const slug = (d.slug as { current?: string } | undefined)?.current
      return slug === undefined ? [] : [`${d._type}/${slug}`]
    })
    for (const s of slugs) expect(s.split('/')[1]).toMatch(SLUG_PATTERN)
    expect(new Set(slugs).size).toBe(slugs.length)
  })

  it('resolves every reference, and a copy refers to the copies of the same number', () => {
    const ids = new Set(docs.map((d) => d._id))
    const multiplied = new Set(real.filter((d) => isMultiplied(d._type)).map((d) => d._id))
    for (const d of docs) {
      const k = Number(/-x(\d+)$/.exec(d._id)?.[1] ?? 0)
      for (const ref of refs(d)) {
        expect(ids.has(ref), `${d._id} -> ${ref}`).toBe(true)
        const original = ref.replace(/-x\d+$/, '')
        if (multiplied.has(original)) expect(ref, d._id).toBe(copyId(original, k))
      }
    }
  })

  it('keeps _keys unique within each array and Portable Text marks pointing at their markDefs', () => {
    for (const d of docs) {
      for (const list of keyedArrays(d)) {
        expect(new Set(list.map((x) => x._key)).size, d._id).toBe(list.length)
        for (const block of list.filter((b) => b.markDefs)) {
          const defs = new Set(block.markDefs!.map((m) => m._key))
          for (const mark of (block.children ?? []).flatMap((c) => c.marks ?? [])) {
            if (!['strong', 'em'].includes(mark)) expect(defs.has(mark), `${d._id} mark ${mark}`).toBe(true)
          }
        }
      }
    }
  })

  it('carries translation provenance: every translation of every copy is current, confirmed when the original was', () => {
    const rows = translationRows(docs)
    expect(rows.length).toBeGreaterThan(translationRows(real).length)
    expect(rows.filter((r) => r.status !== 'current')).toEqual([])
    const industry = real.find((d) => d._type === 'industry')!
    const confirmed = (d: Doc) => (d.name as { provenance: { en: { confirmedAt: string } } }).provenance.en.confirmedAt
    expect(confirmed(docs.find((d) => d._id === copyId(industry._id, 1))!)).toBe(confirmed(industry))
  })

  it('numbers the titles of copies in each language', () => {
    const industry = real.find((d) => d._type === 'industry')!
    const copy = docs.find((d) => d._id === copyId(industry._id, 1))!
    const name = industry.name as Record<string, string>
    expect(copy.name).toMatchObject({ en: `${name.en} 2`, zhTW: `${name.zhTW}（2）` })
  })
})

it('1× is the published documents of the real dataset, unchanged, and NDJSON round-trips', () => {
  const published = real.filter((d) => !d._id.startsWith('drafts.'))
  expect(multiplyDataset(real, 1)).toEqual(published)
  expect(
    toNdjson(published)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  ).toEqual(published)
  expect(() => multiplyDataset(real, 0)).toThrow(/whole number/)
})

describe("10× copies pass Sanity's validation (the schema rules of schemas/, offline)", () => {
  const docs = multiplyDataset(real, 10)
  const ids = new Set(docs.map((d) => d._id))
  // Every copy (and the original) of the first document of each multiplied type.
  const sample = MULTIPLIED_TYPES.flatMap((type) => {
    const first = real.find((d) => d._type === type)!
    return docs.filter((d) => d._id === first._id || d._id.startsWith(`${first._id}-x`))
  })
  // A groq-js client over the dataset answers the rules' queries (slug uniqueness, references).
  const client = {
    fetch: async (query: string, params: Record<string, unknown> = {}) => (await evaluate(parse(query, { params }), { dataset: docs, params })).get(),
    getDataUrl: (operation: string, path?: string) => `offline://data/${operation}${path ? `/${path}` : ''}`,
    observable: {},
    withConfig() {
      return this
    },
  }
  let validate: (d: Doc) => Promise<{ markers: { level: string; path: unknown[]; message: string }[] }>
  beforeAll(async () => {
    const [{ createSchema }, { validateDocument }, { schemaTypes }] = await Promise.all([import('sanity'), import('@sanity/validation'), import('../../schemas/index.ts')])
    const schema = createSchema({ name: 'default', types: schemaTypes })
    type Options = Parameters<typeof validateDocument>[0]
    validate = (document) =>
      validateDocument({
        document: document as unknown as SanityDocument,
        schema: schema as Options['schema'],
        client: client as unknown as Options['client'] & object,
        getDocumentExists: async ({ id }) => ids.has(id),
      })
  }, 120_000)

  it('gives no error or warning on the sample', async () => {
    expect(sample).toHaveLength(MULTIPLIED_TYPES.length * 10)
    for (const d of sample) {
      const { markers } = await validate(d)
      expect(markers.filter((m) => m.level !== 'info').map((m) => `${d._id} ${JSON.stringify(m.path)}: ${m.message}`)).toEqual([])
    }
  })
})
