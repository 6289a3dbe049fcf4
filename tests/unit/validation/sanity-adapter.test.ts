/**
 * The adapter (src/content/validation/sanity-adapter.ts) compiles the schema from Sanity's
 * private entry points instead of importing `sanity`. It must give exactly the markers that
 * `createSchema` from `sanity` gives, on valid and broken documents; when a Sanity upgrade
 * changes what the private API does, this test fails and says the adapter must follow.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseNdjson } from '../../../src/content/ndjson.ts'
import type { SanityDocumentLike } from '../../../src/content/source/index.ts'
import { createValidationClient } from '../../../src/content/validation/offline-client.ts'
import { loadValidator, type Validator } from '../../../src/content/validation/sanity-adapter.ts'

const UPGRADE = 'src/content/validation/sanity-adapter.ts no longer compiles the schema as createSchema from sanity does: update the adapter to the installed sanity version.'

const file = fileURLToPath(new URL('../../../content/dataset.ndjson', import.meta.url))
const real = parseNdjson(readFileSync(file, 'utf8'), file) as SanityDocumentLike[]

/** Copies broken in the ways the schema checks: slug pattern and uniqueness, a one-language title, a negative value, a javascript: URL, an unknown field. */
const broken = real.slice(0, 60).map((d) => ({
  ...d,
  _id: `${d._id}-broken`,
  ...(d.slug ? { slug: { _type: 'slug', current: 'Bad Slug' } } : {}),
  ...(d.title ? { title: { _type: 'localeString', en: 'only English' } } : {}),
  ...(d.value !== undefined ? { value: -5 } : {}),
  url: 'javascript:alert(1)',
}))

describe('the Sanity adapter', () => {
  it("gives the same markers as sanity's createSchema on valid and broken documents", async () => {
    const [{ createSchema }, { schemaTypes }] = await Promise.all([import('sanity'), import('../../../schemas/index.ts')])
    const adapter = await loadValidator().catch((error: Error) => expect.fail(`${UPGRADE} (${error.message})`))
    const full = createSchema({ name: 'default', types: schemaTypes }) as unknown as Validator['schema']
    const docs = [...real, ...broken]
    const ids = new Set(docs.map((d) => d._id))
    const client = createValidationClient(docs)
    const markers = async (schema: Validator['schema']) => {
      const out: string[] = []
      for (const document of docs) {
        const result = await adapter.validateDocument({ document: document as never, schema, client, getDocumentExists: async ({ id }) => ids.has(id) })
        for (const m of result.markers) out.push(`${document._id} ${JSON.stringify(m.path)} ${m.level} ${m.code} ${m.message}`)
      }
      return out.sort()
    }
    const expected = await markers(full)
    expect(expected.length).toBeGreaterThan(100)
    expect(await markers(adapter.schema), UPGRADE).toEqual(expected)
  }, 120_000)

  it('is loaded once per process', async () => {
    expect(await loadValidator()).toBe(await loadValidator())
  })
})
