/**
 * The benchmark's synthetic datasets (scripts/bench/synthetic.ts): x10 / x100 copies of the
 * multiplied types with unique ids, slugs and keys, references that resolve (to the copy of
 * the same number), and documents that still pass Sanity's own validation.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import type { SanityDocument } from 'sanity'
import { parseNdjson } from '../../src/content/ndjson'
import { SLUG_PATTERN } from '../../schemas/lib/validation'
import { copyId, countByType, multiplyDataset, MULTIPLIED_TYPES, toNdjson, type Doc } from '../../scripts/bench/synthetic'

const file = resolve(__dirname, '../../content/dataset.ndjson')
const real = parseNdjson(readFileSync(file, 'utf8'), file) as Doc[]

/** Every `_ref` in a value, with the path it was found at. */
function refs(value: unknown, path = ''): { ref: string; path: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    k === '_ref' && typeof v === 'string' ? [{ ref: v, path }] : refs(v, path ? `${path}.${k}` : k),
  )
}

/** Every array of keyed objects in a value. */
function keyedArrays(value: unknown): { _key?: string }[][] {
  if (Array.isArray(value)) {
    const own = value.every((v) => v && typeof v === 'object' && '_key' in v) && value.length > 0 ? [value as { _key?: string }[]] : []
    return [...own, ...value.flatMap(keyedArrays)]
  }
  if (value === null || typeof value !== 'object') return []
  return Object.values(value as Record<string, unknown>).flatMap(keyedArrays)
}

describe.each([10, 100])('multiplyDataset x%i', (factor) => {
  const docs = multiplyDataset(real, factor)
  const before = countByType(real.filter((d) => !d._id.startsWith('drafts.')))
  const after = countByType(docs)

  it('multiplies industries, metrics, figure groups and glossary terms, and nothing else', () => {
    for (const [type, n] of Object.entries(before)) {
      expect(after[type], type).toBe((MULTIPLIED_TYPES as readonly string[]).includes(type) ? n * factor : n)
    }
  })

  it('gives every document a unique id and every slug is unique within its type and well formed', () => {
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    const slugs = new Map<string, Set<string>>()
    for (const d of docs) {
      const slug = (d.slug as { current?: string } | undefined)?.current
      if (slug === undefined) continue
      expect(slug).toMatch(SLUG_PATTERN)
      const seen = slugs.get(d._type) ?? new Set()
      expect(seen.has(slug), `${d._type} ${slug}`).toBe(false)
      seen.add(slug)
      slugs.set(d._type, seen)
    }
  })

  it('resolves every reference, and a copy refers to copies of the same number', () => {
    const ids = new Set(docs.map((d) => d._id))
    const multiplied = new Set(real.filter((d) => (MULTIPLIED_TYPES as readonly string[]).includes(d._type)).map((d) => d._id))
    for (const d of docs) {
      const k = /-x(\d+)$/.exec(d._id)?.[1]
      for (const { ref, path } of refs(d)) {
        if (ref.startsWith('image-') || ref.startsWith('file-')) continue
        expect(ids.has(ref), `${d._id} ${path} -> ${ref}`).toBe(true)
        if (k) {
          const original = ref.replace(/-x\d+$/, '')
          if (multiplied.has(original)) expect(ref).toBe(copyId(original, Number(k)))
        }
      }
    }
  })

  it('keeps _keys unique within each array and Portable Text marks pointing at their markDefs', () => {
    for (const d of docs) {
      for (const list of keyedArrays(d)) expect(new Set(list.map((x) => x._key)).size, d._id).toBe(list.length)
      for (const list of keyedArrays(d)) {
        for (const block of list as { markDefs?: { _key: string }[]; children?: { marks?: string[] }[] }[]) {
          if (!block.markDefs) continue
          const defs = new Set(block.markDefs.map((m) => m._key))
          for (const child of block.children ?? []) {
            for (const mark of child.marks ?? []) if (!['strong', 'em'].includes(mark)) expect(defs.has(mark), `${d._id} mark ${mark}`).toBe(true)
          }
        }
      }
    }
  })

  it('writes one JSON document per line', () => {
    const text = toNdjson(docs)
    expect(text.endsWith('\n')).toBe(true)
    expect(parseNdjson(text)).toHaveLength(docs.length)
  })
})

it('x1 is the real dataset (published documents), unchanged', () => {
  expect(multiplyDataset(real, 1)).toEqual(real.filter((d) => !d._id.startsWith('drafts.')))
  expect(() => multiplyDataset(real, 0)).toThrow(/whole number/)
})

describe('x10 copies pass Sanity validation (schema rules from schemas/, offline)', () => {
  const docs = multiplyDataset(real, 10)
  const ids = new Set(docs.map((d) => d._id))
  // A sample: every copy (and the original) of the first document of each multiplied type.
  const sample = MULTIPLIED_TYPES.flatMap((type) => {
    const first = real.find((d) => d._type === type)
    return first ? docs.filter((d) => d._id === first._id || d._id.startsWith(`${first._id}-x`)) : []
  })
  const client = {
    async fetch(query: string, params: Record<string, unknown> = {}) {
      return (await evaluate(parse(query, { params }), { dataset: docs, params })).get()
    },
    getDataUrl: (operation: string, path?: string) => `offline://data/${operation}${path ? `/${path}` : ''}`,
    observable: {},
    withConfig() {
      return this
    },
  }
  let validate: (d: Doc) => Promise<{ markers: { level: string; path: unknown[]; message: string }[] }>
  beforeAll(async () => {
    const [{ createSchema }, { validateDocument }, { schemaTypes }] = await Promise.all([import('sanity'), import('@sanity/validation'), import('../../schemas')])
    const schema = createSchema({ name: 'default', types: schemaTypes })
    validate = (document) =>
      validateDocument({
        document: document as unknown as SanityDocument,
        schema: schema as Parameters<typeof validateDocument>[0]['schema'],
        client: client as unknown as Parameters<typeof validateDocument>[0]['client'] & object,
        getDocumentExists: async ({ id }) => ids.has(id),
      })
  }, 120_000)

  it('has no error or warning markers in the sample', async () => {
    expect(sample.length).toBe(MULTIPLIED_TYPES.length * 10)
    for (const d of sample) {
      const { markers } = await validate(d)
      expect(markers.filter((m) => m.level !== 'info').map((m) => `${d._id} ${JSON.stringify(m.path)}: ${m.message}`)).toEqual([])
    }
  })
})
