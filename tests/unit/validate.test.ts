/**
 * Content validation (src/content/validate.ts): Sanity's own rules from schemas/ plus the
 * dataset checks, on a small valid base dataset (tests/fixtures/base.ts) with one thing
 * broken per test. Every problem must name the document, the field and the fix.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import {
  checkSiteViews,
  createValidationClient,
  documentsForValidation,
  formatPath,
  formatReport,
  indexDataset,
  issueFromLoadError,
  loadValidator,
  lookupIdsIn,
  narrowDataset,
  strictI18nFromEnv,
  validateDocuments,
  type ContentIssue,
  type ValidationReport,
} from '../../src/content/validate'
import { createLiveSource, createLocalSource, type SanityDocumentLike } from '../../src/content/source'
import { startFakeSanityServer } from '../support/fake-sanity-server'
import { loadSiteContent } from '../../src/content/load'
import { URL_SCHEME_MESSAGE } from '../../schemas/lib/validation'
import { baseDataset, datasetWith, toNdjson, type Doc } from '../fixtures/base'

const fixtures = resolve(__dirname, '../fixtures')

beforeAll(async () => {
  await loadValidator()
}, 120_000)

const validate = (docs: Doc[], strictI18n = false) => validateDocuments(docs as SanityDocumentLike[], { strictI18n })

/** The one issue for a document and field, asserting the report text names the document, field and fix. */
function issueAt(report: ValidationReport, list: 'errors' | 'missingTranslations' | 'warnings', documentId: string, field: string): ContentIssue {
  const found = report[list].filter((i) => i.documentId === documentId && i.field === field)
  expect(found, `${list} for ${documentId} · ${field}; have:\n${formatReport(report)}`).toHaveLength(1)
  const issue = found[0]!
  expect(issue.hint.length).toBeGreaterThan(10)
  const text = formatReport(report)
  expect(text).toContain(documentId)
  expect(text).toContain(field)
  expect(text).toContain(issue.hint)
  return issue
}

describe('the valid base dataset', () => {
  it('has no errors, no missing translations and no warnings', async () => {
    const report = await validate(baseDataset(), true)
    expect(formatReport(report)).toMatch(/^✓ 11 documents/)
    expect(report.errors).toEqual([])
    expect(report.missingTranslations).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.counts).toMatchObject({ metric: 3, industry: 1, siteSettings: 1 })
  })

  it('is the same as tests/fixtures/valid-small.ndjson (the file pipeline tests build)', () => {
    expect(readFileSync(join(fixtures, 'valid-small.ndjson'), 'utf8')).toBe(toNdjson(baseDataset()))
  })
})

describe('the real dataset (content/dataset.ndjson)', () => {
  it('validates with zero errors, zero missing translations and zero warnings', async () => {
    const source = createLocalSource({ file: resolve(__dirname, '../../content/dataset.ndjson') })
    const docs = await documentsForValidation(source)
    const report = await validateDocuments(docs, { strictI18n: true, source: source.description })
    expect(report.errors, formatReport(report)).toEqual([])
    expect(report.missingTranslations, formatReport(report)).toEqual([])
    expect(report.warnings, formatReport(report)).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.documents).toBeGreaterThan(50)
    // The page loader's own checks pass too, in every locale.
    expect(checkSiteViews(await loadSiteContent(source))).toEqual([])
  }, 120_000)
})

describe('dataset checks Sanity does not make', () => {
  it('a malformed NDJSON line: the file, the line number and the parse error', async () => {
    const file = join(fixtures, 'malformed.ndjson')
    const error = await documentsForValidation(createLocalSource({ file })).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    const issue = issueFromLoadError(error)
    expect(issue.file).toBe(file)
    expect(issue.line).toBe(4)
    expect(issue.message).toContain(`${file}:4:`)
    expect(issue.message).toMatch(/not valid JSON \(.*(JSON|Unterminated|Expected).*\)/)
    expect(issue.hint).toMatch(/one whole JSON document/)
  })

  it('duplicate _id', async () => {
    const report = await validate(datasetWith((docs, byId) => [...docs, { ...byId('metric-foundry-share'), value: 76 }]))
    const issue = issueAt(report, 'errors', 'metric-foundry-share', '_id')
    expect(issue.code).toBe('document.duplicate-id')
    expect(issue.message).toMatch(/used by 2 documents/)
    expect(issue.hint).toMatch(/its own _id/)
    expect(report.ok).toBe(false)
  })

  it('unknown _type', async () => {
    const report = await validate(datasetWith((docs) => [...docs, { _id: 'widget-1', _type: 'widget', title: 'x' }]))
    const issue = issueAt(report, 'errors', 'widget-1', '_type')
    expect(issue.documentType).toBe('widget')
    expect(issue.message).toMatch(/"widget" is not a document type of the schema/)
    expect(issue.hint).toMatch(/industry/)
    expect(issue.hint).toMatch(/remove the document/)
  })

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

  it('a live source is validated identically, its documents fetched with documentsForValidationQuery', async () => {
    const docs = datasetWith((_docs, byId) => {
      ;(byId('industry-cybersecurity').metrics as unknown[]).push({ _type: 'reference', _key: 'm3', _ref: 'metric-x' })
      delete (byId('industry-cybersecurity').name as Record<string, unknown>).en
    })
    const server = await startFakeSanityServer({ projectId: 'p1', dataset: 'production', documents: [...docs, { ...docs[4]!, _id: 'drafts.industry-cybersecurity', slug: 'not a slug' }] })
    try {
      const live = createLiveSource({ projectId: 'p1', dataset: 'production', apiHost: server.url, maxRetries: 0 })
      const liveDocs = await documentsForValidation(live)
      expect(liveDocs.map((d) => d._id).sort()).toEqual(docs.map((d) => d._id).sort())
      expect(server.requestsTo('query').some((r) => JSON.stringify(r).includes('_type in $types'))).toBe(true)
      const fromLive = await validateDocuments(liveDocs, { strictI18n: false, source: live.description, lookupIds: lookupIdsIn(live) })
      const fromLocal = await validate(docs)
      const strip = (r: ValidationReport) => ({ errors: r.errors, missingTranslations: r.missingTranslations, warnings: r.warnings })
      expect(strip(fromLive)).toEqual(strip(fromLocal))
      expect(fromLive.errors.map((e) => `${e.documentId} · ${e.field}`)).toEqual(['industry-cybersecurity · metrics[2]'])
      expect(fromLive.source).toContain('project "p1", dataset "production"')
    } finally {
      await server.close()
    }
  })

  it('references outside the set are looked up (a live source) before they count as missing', async () => {
    const docs = datasetWith((_docs, byId) => {
      ;(byId('siteSettings') as Record<string, unknown>).socialImage = { _type: 'image', asset: { _type: 'reference', _ref: 'image-abc-1200x630-png' } }
    })
    const asked: string[][] = []
    const report = await validateDocuments(docs, {
      strictI18n: false,
      lookupIds: async (ids) => {
        asked.push(ids)
        return ids.filter((id) => id.startsWith('image-'))
      },
    })
    expect(asked).toEqual([['image-abc-1200x630-png']])
    expect(report.errors).toEqual([])
  })

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
    expect(missing.hint).toMatch(/unique _key/)
    const repeated = issueAt(report, 'errors', 'industry-cybersecurity', 'initiatives[1]')
    expect(repeated.message).toBe('This list item repeats the _key "i1" of initiatives[0].')
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

describe("Sanity's own rules from schemas/", () => {
  it('a string where a number belongs (metric value "75%")', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('metric-foundry-share').value = '75%'
      }),
    )
    const issue = issueAt(report, 'errors', 'metric-foundry-share', 'value')
    expect(issue.documentType).toBe('metric')
    expect(issue.message).toMatch(/as a number \(e\.g\. 75, not "75%"\)/)
  })

  it('an empty slug', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('industry-cybersecurity').slug = { _type: 'slug', current: '' }
      }),
    )
    const issues = report.errors.filter((i) => i.documentId === 'industry-cybersecurity' && i.field.startsWith('slug'))
    expect(issues.length, formatReport(report)).toBeGreaterThanOrEqual(1)
    expect(issues.map((i) => i.message).join(' ')).toMatch(/Required|must have a value/)
    expect(issues[0]!.hint).toMatch(/Fill in the field "slug.*lowercase English slug, e.g. "cybersecurity-excellence"/)
    expect(report.ok).toBe(false)
  })

  it('a slug used twice within a type (custom isUnique, answered offline)', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('metric-packaging-share').slug = { _type: 'slug', current: 'foundry-market-share' }
      }),
    )
    const a = issueAt(report, 'errors', 'metric-foundry-share', 'slug')
    issueAt(report, 'errors', 'metric-packaging-share', 'slug')
    expect(a.message).toMatch(/already in use/)
    expect(a.hint).toMatch(/another slug/)
  })

  it('a javascript: URL as a source url', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('source-ndc-2020').url = 'javascript:alert(1)'
      }),
    )
    const issue = issueAt(report, 'errors', 'source-ndc-2020', 'url')
    expect(issue.message).toBe(URL_SCHEME_MESSAGE)
    expect(issue.hint).toMatch(/https?:\/\//)
  })

  it('a javascript: URL as a Portable Text link href', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        const body = byId('section-background').body as { en: { markDefs: { href: string }[] }[] }
        body.en[0]!.markDefs[0]!.href = 'javascript:alert(document.cookie)'
      }),
    )
    const issue = issueAt(report, 'errors', 'section-background', 'body.en[0].markDefs[0].href')
    expect(issue.message).toBe(URL_SCHEME_MESSAGE)
  })

  it('a percent of 180', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('metric-packaging-share').value = 180
      }),
    )
    const issue = issueAt(report, 'errors', 'metric-packaging-share', 'value')
    expect(issue.message).toMatch(/between 0 and 100 \(got 180\).*enter 100 and choose "More than"/)
  })

  it('a metric without a source', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        delete byId('metric-packaging-share').source
      }),
    )
    const issue = issueAt(report, 'errors', 'metric-packaging-share', 'source')
    expect(issue.message).toMatch(/Every figure needs one/)
    expect(issue.hint).toMatch(/Fill in the field "source"/)
  })

  it('a field the schema does not know is a warning with the fields it does know', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        byId('metric-packaging-share').valeu = 60
      }),
    )
    const issue = issueAt(report, 'warnings', 'metric-packaging-share', 'valeu')
    // The list comes from the declarations in schemas/ (no schema compile needed when the
    // cache answers); it must be exactly the compiled schema's fields.
    const compiled = (await loadValidator()).schema.get('metric') as unknown as { fields: { name: string }[] }
    expect(issue.hint).toContain(`(${compiled.fields.map((f) => f.name).join(', ')})`)
    expect(issue.hint).toMatch(/value/)
    expect(report.ok).toBe(true)
  })
})

describe('missing translations', () => {
  const missingEnglishName = () =>
    datasetWith((_docs, byId) => {
      delete (byId('industry-cybersecurity').name as Record<string, unknown>).en
    })

  it('are warnings by default: listed with document, field and locale, the build may go on', async () => {
    const report = await validate(missingEnglishName(), false)
    expect(report.errors).toEqual([])
    const issue = issueAt(report, 'missingTranslations', 'industry-cybersecurity', 'name.en')
    expect(issue.locale).toBe('en')
    expect(issue.documentType).toBe('industry')
    expect(issue.hint).toMatch(/Add the English text of "name"/)
    expect(report.ok).toBe(true)
    expect(formatReport(report)).toMatch(/Missing translations \(1\) — warnings; STRICT_I18N=1 makes them fatal/)
  })

  it('fail with STRICT_I18N=1', async () => {
    expect(strictI18nFromEnv({ STRICT_I18N: '1' })).toBe(true)
    expect(strictI18nFromEnv({})).toBe(false)
    const report = await validate(missingEnglishName(), true)
    expect(report.missingTranslations).toHaveLength(1)
    expect(report.ok).toBe(false)
    expect(formatReport(report)).toMatch(/fatal with STRICT_I18N=1/)
  })

  it('inside keyed arrays the path uses the index', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        delete ((byId('section-background').points as Record<string, Record<string, unknown>>[])[0]!.description as Record<string, unknown>).zhTW
      }),
    )
    const issue = issueAt(report, 'missingTranslations', 'section-background', 'points[0].description.zhTW')
    expect(issue.locale).toBe('zh-TW')
  })
})

describe('paths, the offline client and the schema', () => {
  it('formats Sanity paths with keys resolved to indexes', () => {
    const doc = { points: [{ _key: 'a' }, { _key: 'b', description: {} }] }
    expect(formatPath(['title', 'en'], doc)).toBe('title.en')
    expect(formatPath(['points', { _key: 'b' }, 'description', 'zhTW'], doc)).toBe('points[1].description.zhTW')
    expect(formatPath(['points', { _key: 'zz' }, 'title'], doc)).toBe('points[_key=="zz"].title')
    expect(formatPath(['body', 'en', 0, 'markDefs', 2, 'href'], doc)).toBe('body.en[0].markDefs[2].href')
  })

  it('narrowed queries answer exactly as groq-js over every document', async () => {
    const docs = [...baseDataset(), ...baseDataset().map((d) => ({ ...d, _id: `${d._id}-copy` }))] as SanityDocumentLike[]
    const index = indexDataset(docs)
    const cases: [string, Record<string, unknown>][] = [
      ['count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])', { type: 'metric', slug: 'foundry-market-share', draft: 'drafts.metric-foundry-share', published: 'metric-foundry-share' }],
      ['count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])', { type: 'section', slug: 'nope', draft: 'drafts.x', published: 'x' }],
      ['*[_id in $ids]{unit, currency}', { ids: ['metric-packaging-share', 'metric-foundry-share-copy', 'missing'] }],
      ['*[_id == $id][0]', { id: 'policy' }],
      ['*[_type == $t] | order(_id desc) {_id}', { t: 'metric' }],
    ]
    for (const [query, params] of cases) {
      const subset = narrowDataset(query, params, index)
      expect(subset, query).toBeDefined()
      expect(subset!.length).toBeLessThan(docs.length)
      const all = await (await evaluate(parse(query, { params }), { dataset: docs, params })).get()
      const narrowed = await (await evaluate(parse(query, { params }), { dataset: subset!, params })).get()
      expect(narrowed, query).toEqual(all)
      const client = createValidationClient(docs)
      expect(await client.fetch(query, params as never), query).toEqual(all)
    }
    // The slug query the client answers from its index is the one the schema sends.
    expect(readFileSync(resolve(__dirname, '../../schemas/lib/validation.ts'), 'utf8')).toContain(cases[0]![0])
    // Shapes it must not narrow: a dereference, an "or", two scans.
    for (const query of ['*[_id in $ids]{ "s": source->title }', '*[_type == $t || _id == $id]', '*[_id == $id]{ "n": count(*[_type == "metric"]) }']) {
      expect(narrowDataset(query, { ids: ['x'], t: 'metric', id: 'x' }, index), query).toBeUndefined()
    }
  })

  it('the schema declares no warning-level rules (validate.ts treats every Sanity marker but unknown fields as an error)', () => {
    // In the CLI environment Sanity adds an unknown-field check with `.warning()` to object
    // fields, which downgrades the schema's own errors there; validate.ts undoes that by
    // treating all markers as errors. A deliberate `.warning()` in schemas/ would need a
    // change there first.
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name))
        else if (entry.name.endsWith('.ts')) files.push(join(dir, entry.name))
      }
    }
    walk(resolve(__dirname, '../../schemas'))
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\.warning\(|level:\s*['"]warning/)
  })
})
