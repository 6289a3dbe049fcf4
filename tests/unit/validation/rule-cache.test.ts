/**
 * The rule cache (src/content/validation/rule-cache.ts): Sanity's rule results per document
 * are reused only while the document and every query its rules ran (slug uniqueness, a
 * figure group's units) and every existence check give the same answers; the structural
 * checks run every time. Every test validates for real, with a cache folder of its own.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SanityDocumentLike } from '../../../src/content/source/index.ts'
import { formatReport, validateDocuments, type ValidateOptions, type ValidationReport } from '../../../src/content/validation/index.ts'
import { computeBaseKey, validationCacheKey, validationCacheSettings } from '../../../src/content/validation/rule-cache.ts'
import { canonicalJson } from '../../../src/content/validation/rules.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { baseDataset, datasetWith, type Doc } from '../../fixtures/base.ts'

beforeAll(async () => {
  await loadValidator()
}, 120_000)

let dir: string
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'validation-cache-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Validates with this test's own cache folder (or the cache given). */
const validate = (docs: Doc[], options: ValidateOptions = {}) => validateDocuments(docs as SanityDocumentLike[], { strictI18n: false, cache: { dir }, ...options })

/** What a report says about the content (everything but timing and the cache counts). */
const findings = (report: ValidationReport) => ({
  errors: report.errors,
  missingTranslations: report.missingTranslations,
  staleTranslations: report.staleTranslations,
  warnings: report.warnings,
  ok: report.ok,
})

const cacheFile = () => join(dir, 'validation.json')
const storedEntries = () => (JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: { id: string; dependencies: Record<string, unknown>[] }[] }).entries

/** A second industry, valid on its own, with its own slug. */
function withSecondIndustry(docs: Doc[], slug = 'semiconductors'): Doc[] {
  const first = docs.find((d) => d._id === 'industry-cybersecurity')!
  return [...docs, { ...structuredClone(first), _id: 'industry-semiconductors', slug: { _type: 'slug', current: slug }, orderRank: '0|200000:' }]
}

/** A dataset with a little of everything the report lists: errors, a missing and a stale translation, a warning. */
function problemDataset(): Doc[] {
  return datasetWith((docs, byId) => {
    byId('metric-foundry-share').value = 180
    ;(byId('industry-cybersecurity').summary as Record<string, unknown>).en = ''
    ;(byId('policy').vision as Record<string, unknown>).zhTW = '政策目標（修訂）。'
    byId('timelineEvent-2016').colour = 'red'
    byId('glossaryTerm-five-plus-two').slug = { _type: 'slug', current: 'shares' }
    byId('metricGroup-shares').metrics = [{ _type: 'reference', _ref: 'metric-foundry-share', _key: 'm1' }]
    return withSecondIndustry(docs, 'cybersecurity')
  })
}

describe('a second run on the same documents', () => {
  it('reuses every entry and reports the same', async () => {
    const docs = baseDataset()
    const first = await validate(docs)
    expect(first.cache).toEqual({ reused: 0, validated: docs.length })
    expect(first.ok).toBe(true)
    expect(storedEntries()).toHaveLength(docs.length)

    const second = await validate(docs)
    expect(second.cache).toEqual({ reused: docs.length, validated: 0 })
    expect(findings(second)).toEqual(findings(first))
    expect(formatReport(second)).toMatch(/\(rules: 11 from cache, 0 checked\)\.$/)
    expect(formatReport(first)).not.toMatch(/rules:/)
  })

  it('reports the same errors, missing and stale translations and warnings from the cache as without it', async () => {
    const docs = problemDataset()
    const uncached = await validate(docs, { cache: false })
    expect(uncached.cache).toEqual({ reused: 0, validated: docs.length })
    expect(uncached.errors.length).toBeGreaterThanOrEqual(4)
    expect(uncached.missingTranslations.length).toBeGreaterThanOrEqual(1)
    expect(uncached.staleTranslations.map((s) => `${s.documentId} · ${s.field}`)).toEqual(['policy · vision.en'])
    expect(uncached.warnings.length).toBeGreaterThanOrEqual(1)
    expect(existsSync(cacheFile())).toBe(false)

    const cold = await validate(docs)
    const warm = await validate(docs)
    expect(cold.cache).toEqual({ reused: 0, validated: docs.length })
    expect(warm.cache).toEqual({ reused: docs.length, validated: 0 })
    expect(findings(cold)).toEqual(findings(uncached))
    expect(findings(warm)).toEqual(findings(uncached))
  })

  it('keeps running the structural checks on reused documents', async () => {
    await validate(baseDataset())
    // A duplicate id is not a Sanity rule: still found while every rule result is reused.
    const docs = baseDataset()
    docs.push(structuredClone(docs.find((d) => d._id === 'timelineEvent-2016')!))
    const report = await validate(docs)
    expect(report.cache).toEqual({ reused: 11, validated: 0 })
    expect(report.errors.map((e) => e.code)).toEqual(['document.duplicate-id'])
  })

  it('records each document’s own queries (concurrent validations do not mix them)', async () => {
    await validate(withSecondIndustry(baseDataset()), { concurrency: 8 })
    let slugQueries = 0
    for (const entry of storedEntries()) {
      for (const dep of entry.dependencies) {
        if (typeof dep.query === 'string' && dep.query.includes('slug.current')) {
          slugQueries += 1
          expect((dep.params as { published: string }).published).toBe(entry.id)
        }
      }
    }
    expect(slugQueries).toBeGreaterThan(1) // both industries (at least) checked their slug
    const group = storedEntries().find((e) => e.id === 'metricGroup-shares')!
    expect(group.dependencies.some((d) => typeof d.query === 'string' && d.query.includes('_id in $ids'))).toBe(true)
  })
})

describe('a changed document', () => {
  it('is validated again and its new error reported; the others are reused', async () => {
    expect((await validate(baseDataset())).ok).toBe(true)
    const report = await validate(datasetWith((_, byId) => void (byId('metric-packaging-share').value = 180)))
    expect(report.cache).toEqual({ reused: 10, validated: 1 })
    expect(report.errors.map((e) => [e.documentId, e.field])).toEqual([['metric-packaging-share', 'value']])
    expect(report.errors[0]!.message).toMatch(/between 0 and 100 \(got 180\)/)
  })

  it('with a translation removed gets its missing translation reported', async () => {
    await validate(baseDataset())
    const report = await validate(datasetWith((_, byId) => void ((byId('section-background').summary as Record<string, unknown>).en = '')))
    expect(report.cache).toEqual({ reused: 10, validated: 1 })
    expect(report.missingTranslations.map((m) => [m.documentId, m.field, m.locale])).toEqual([['section-background', 'summary.en', 'en']])
    // And back: valid again, from the rules, not from the stale entry.
    const back = await validate(baseDataset())
    expect(back.cache).toEqual({ reused: 10, validated: 1 })
    expect(back.missingTranslations).toEqual([])
  })

  it('with its keys in another order is the same document (reused)', async () => {
    await validate(baseDataset())
    const docs = baseDataset().map((doc) => Object.fromEntries(Object.entries(doc).reverse()) as Doc)
    expect((await validate(docs)).cache).toEqual({ reused: 11, validated: 0 })
  })
})

describe('a change in another document that a rule queried', () => {
  it('revalidates the unchanged document when another one takes its slug', async () => {
    const before = await validate(withSecondIndustry(baseDataset()))
    expect(before.ok, formatReport(before)).toBe(true)
    expect(before.cache).toEqual({ reused: 0, validated: 12 })

    // Only industry-semiconductors changes; industry-cybersecurity's slug query now finds it.
    const clash = withSecondIndustry(baseDataset(), 'cybersecurity')
    const report = await validate(clash)
    expect(report.cache).toEqual({ reused: 10, validated: 2 })
    expect(report.errors.filter((e) => e.field === 'slug').map((e) => e.documentId)).toEqual(['industry-cybersecurity', 'industry-semiconductors'])

    // The clash itself is cached: both errors come back from the cache.
    const again = await validate(clash)
    expect(again.cache).toEqual({ reused: 12, validated: 0 })
    expect(findings(again)).toEqual(findings(report))

    // And resolved again: both revalidated, no error.
    const resolved = await validate(withSecondIndustry(baseDataset(), 'semiconductor-industry'))
    expect(resolved.cache).toEqual({ reused: 10, validated: 2 })
    expect(resolved.ok, formatReport(resolved)).toBe(true)
  })

  it('revalidates an unchanged figure group when one of its figures changes unit', async () => {
    expect((await validate(baseDataset())).ok).toBe(true)
    const report = await validate(datasetWith((_, byId) => void (byId('metric-packaging-share').unit = 'rank')))
    expect(report.cache).toEqual({ reused: 9, validated: 2 })
    expect(report.errors.map((e) => [e.documentId, e.field])).toEqual([['metricGroup-shares', 'metrics']])
    expect(report.errors[0]!.message).toMatch(/same unit/)
  })

  it('revalidates the documents referring to one that is removed or added', async () => {
    await validate(baseDataset())
    const report = await validate(baseDataset().filter((d) => d._id !== 'section-background'))
    // Referrers of section-background: industry-cybersecurity, metric-foundry-share; their
    // existence checks changed. The others are reused.
    expect(report.cache!.validated).toBe(2)
    expect(report.errors.map((e) => [e.documentId, e.code]).sort()).toEqual([
      ['industry-cybersecurity', 'reference.missing'],
      ['metric-foundry-share', 'reference.missing'],
    ])
    const back = await validate(baseDataset())
    expect(back.cache).toEqual({ reused: 8, validated: 3 })
    expect(back.ok).toBe(true)
  })
})

describe('the global key', () => {
  it('depends on the schema files, the validation code and the packages, plus any extra', async () => {
    const a = await validationCacheKey('a')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await validationCacheKey('a')).toBe(a)
    expect(await validationCacheKey('b')).not.toBe(a)

    // The same on a copy of the project's rules: each kind of change gives another key.
    const root = join(dir, 'project')
    cpSync(join(projectRoot, 'schemas'), join(root, 'schemas'), { recursive: true })
    cpSync(join(projectRoot, 'src/content/validation'), join(root, 'src/content/validation'), { recursive: true })
    const base = await computeBaseKey(root)
    expect(await computeBaseKey(root)).toBe(base)
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')))
    const keys = [base]
    const changed = async () => {
      const key = await computeBaseKey(root)
      expect(keys).not.toContain(key)
      keys.push(key)
    }
    edit('schemas/documents/metric.ts', (text) => `${text}\n// another rule\n`)
    await changed()
    writeFileSync(join(root, 'schemas/lib/new-helper.ts'), 'export const x = 1\n')
    await changed()
    edit('src/content/validation/hints.ts', (text) => `${text}\n`)
    await changed()
    writeFileSync(join(root, 'src/content/validation/new-module.ts'), 'export const y = 1\n')
    await changed()
    mkdirSync(join(root, 'node_modules/@sanity/validation'), { recursive: true })
    writeFileSync(join(root, 'node_modules/@sanity/validation/package.json'), JSON.stringify({ name: '@sanity/validation', version: '99.0.0' }))
    await changed()
    // Code outside the validation folder does not decide the markers.
    writeFileSync(join(root, 'src/content/views.ts'), 'export {}\n')
    expect(await computeBaseKey(root)).toBe(keys.at(-1))
  })

  it('when changed, ignores every entry', async () => {
    const docs = baseDataset()
    const withKey = (keyExtra: string) => validate(docs, { cache: { dir, keyExtra } })
    expect((await withKey('schema v1')).cache).toEqual({ reused: 0, validated: 11 })
    expect((await withKey('schema v1')).cache).toEqual({ reused: 11, validated: 0 })
    const changed = await withKey('schema v2')
    expect(changed.cache).toEqual({ reused: 0, validated: 11 })
    expect(changed.ok).toBe(true)
    // The file now holds the new key only.
    expect((await withKey('schema v1')).cache).toEqual({ reused: 0, validated: 11 })
  })
})

describe('the cache file', () => {
  it('when corrupt, is ignored: everything is validated, nothing throws, and it is rewritten', async () => {
    writeFileSync(cacheFile(), '{"key": "trunc')
    const docs = problemDataset()
    const report = await validate(docs)
    expect(report.cache).toEqual({ reused: 0, validated: docs.length })
    expect(findings(report)).toEqual(findings(await validate(docs, { cache: false })))
    expect(storedEntries()).toHaveLength(docs.length)
  })

  it('with entries of the wrong shape, ignores those entries', async () => {
    const docs = baseDataset()
    await validate(docs)
    const data = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, unknown>[] }
    data.entries[0]!.markers = [{ nonsense: true }]
    data.entries[1]!.dependencies = 'none'
    data.entries[2]!.dependencies = [{ query: 'count(*)' }]
    writeFileSync(cacheFile(), JSON.stringify(data))
    const report = await validate(docs)
    expect(report.cache).toEqual({ reused: 8, validated: 3 })
    expect(report.ok).toBe(true)
  })

  it('is neither read nor written with BUILD_CACHE=0, even with a folder given', async () => {
    const saved = process.env.BUILD_CACHE
    process.env.BUILD_CACHE = '0'
    try {
      const docs = baseDataset()
      expect((await validate(docs)).cache).toEqual({ reused: 0, validated: 11 })
      expect((await validate(docs)).cache).toEqual({ reused: 0, validated: 11 })
      expect(readdirSync(dir)).toEqual([])
    } finally {
      if (saved === undefined) delete process.env.BUILD_CACHE
      else process.env.BUILD_CACHE = saved
    }
    expect(validationCacheSettings(true, { BUILD_CACHE: '0' })).toBeUndefined()
    expect(validationCacheSettings({ dir }, { BUILD_CACHE: 'off' })).toBeUndefined()
    expect(validationCacheSettings(false, {})).toBeUndefined()
  })

  it('is in the build cache folder: node_modules/.cache/six-core by default, BUILD_CACHE_DIR or the dir option moves it', () => {
    expect(validationCacheSettings(true, {})!.file).toBe(join(projectRoot, 'node_modules/.cache/six-core/validation.json'))
    expect(validationCacheSettings(true, { BUILD_CACHE_DIR: dir })!.file).toBe(join(dir, 'validation.json'))
    expect(validationCacheSettings({ dir: join(dir, 'x') }, { BUILD_CACHE_DIR: dir })!.file).toBe(join(dir, 'x', 'validation.json'))
  })

  it('is created with its folder, and a folder that cannot be written only loses the cache', async () => {
    const nested = join(dir, 'a', 'b')
    expect((await validate(baseDataset(), { cache: { dir: nested } })).cache).toEqual({ reused: 0, validated: 11 })
    expect(readdirSync(nested)).toEqual(['validation.json'])
    const blocked = join(dir, 'file')
    writeFileSync(blocked, 'not a folder')
    const report = await validate(baseDataset(), { cache: { dir: blocked } })
    expect(report.ok).toBe(true)
    expect(report.cache).toEqual({ reused: 0, validated: 11 })
  })

  it('does not keep a result whose rules threw: the document is validated again next time', async () => {
    const docs = baseDataset()
    const validator = await loadValidator()
    const real = validator.validateDocument
    const spy = vi.spyOn(validator, 'validateDocument').mockImplementation((options) => {
      if ((options.document as { _id?: string })._id === 'metric-foundry-share') throw new Error('the rules broke')
      return real(options)
    })
    try {
      const report = await validate(docs)
      expect(report.errors.map((e) => [e.documentId, e.code])).toEqual([['metric-foundry-share', 'validation.exception']])
      expect(report.errors[0]!.message).toMatch(/the rules broke/)
    } finally {
      spy.mockRestore()
    }
    expect(storedEntries().map((e) => e.id)).not.toContain('metric-foundry-share')
    const again = await validate(docs)
    expect(again.cache).toEqual({ reused: docs.length - 1, validated: 1 })
    expect(again.ok).toBe(true)
  })

  it('keeps only the documents of the last run, and leaves no temporary file', async () => {
    await validate(withSecondIndustry(baseDataset()))
    expect(storedEntries()).toHaveLength(12)
    const report = await validate(baseDataset())
    expect(report.cache).toEqual({ reused: 11, validated: 0 })
    expect(
      storedEntries()
        .map((e) => e.id)
        .sort(),
    ).toEqual(
      baseDataset()
        .map((d) => d._id)
        .sort(),
    )
    expect(readdirSync(dir)).toEqual(['validation.json'])
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
    expect(canonicalJson(undefined)).toBe('null')
  })
})

describe('a build whose every document is in the cache', () => {
  /** Validates the embedded dataset in a fresh Node process; what it reports and loaded. */
  const run = (cacheDir: string) => {
    const { BUILD_CACHE: _, BUILD_CACHE_DIR: __, ...env } = process.env
    const script = fileURLToPath(new URL('../../support/validate-modules.ts', import.meta.url))
    const child = spawnSync(process.execPath, [script, cacheDir], { encoding: 'utf8', env })
    expect(child.status, child.stderr).toBe(0)
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ok: boolean; cache: ValidationReport['cache']; loaded: string[] }
  }

  it("never loads Sanity's validation packages (they cost seconds of CPU next to Astro)", () => {
    const cold = run(dir)
    expect(cold.ok).toBe(true)
    expect(cold.cache!.validated).toBeGreaterThan(0)
    expect(cold.loaded).toEqual(['@sanity/schema', '@sanity/validation'])
    const warm = run(dir)
    expect(warm).toEqual({ ok: true, cache: { reused: cold.cache!.validated, validated: 0 }, loaded: [] })
  }, 120_000)
})
