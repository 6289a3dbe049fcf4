import { describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import { ContentError } from '../../src/content/content-error'
import { assertParams, createLocalSource, queryParamNames, sourceFromEnv } from '../../src/content/source/index.ts'
import { loadSiteContent } from '../../src/content/load'
import { buildSiteView, buildSiteViews } from '../../src/content/views'
import { localize } from '../../src/content/localize'
import { queryLayerDocs } from '../fixtures/query-layer-docs'

const EN = getLocale('en')
const ZH = getLocale('zhTW')

describe('localize', () => {
  it('returns the asked language when present', () => {
    expect(localize({ zhTW: '資安', en: 'Cybersecurity' }, 'en')).toEqual({ value: 'Cybersecurity', locale: 'en', lang: 'en', fallback: false })
  })
  it('falls back to the other language and marks it', () => {
    expect(localize({ zhTW: '資安', en: '  ' }, 'en')).toEqual({ value: '資安', locale: 'zhTW', lang: 'zh-TW', fallback: true })
    expect(localize({ en: 'Cybersecurity' }, 'zhTW')).toMatchObject({ value: 'Cybersecurity', lang: 'en', fallback: true })
  })
  it('returns undefined when no language has text', () => {
    expect(localize({ zhTW: '', en: '' }, 'en')).toBeUndefined()
    expect(localize(null, 'en')).toBeUndefined()
  })
})

describe('query parameters', () => {
  it('names every missing $param instead of returning an empty result', () => {
    expect(() => assertParams('*[_type == $type && slug.current == $slug]', { type: 'x' })).toThrow(/\$slug/)
    expect(() => assertParams('*[_type == $type]', { type: 'x' })).not.toThrow()
  })
  it('ignores a dollar sign inside a string literal', () => {
    expect(() => assertParams('*[title == "costs $5"]', {})).not.toThrow()
  })
  it('reads the names from the syntax tree: in filters, projections, functions and nested queries', () => {
    expect(queryParamNames('*[_type == $t && slug.current in $slugs][0]{ "x": title[$lang], "n": count(*[_ref == ^._id && y > $min]) // $notACode\n}')).toEqual([
      'lang',
      'min',
      'slugs',
      't',
    ])
    expect(queryParamNames('*[a == "$fake"]')).toEqual([])
  })
  it('says what is missing and how to fix it, apart', () => {
    expect(() => assertParams('*[_type == $type]', {})).toThrow(expect.objectContaining({ message: expect.stringContaining('$type'), hint: expect.stringContaining('params') }))
  })
  it('is enforced by the local source', async () => {
    const source = createLocalSource({ documents: queryLayerDocs() })
    await expect(source.query('*[_type == $type]')).rejects.toThrow(/\$type/)
  })
})

describe('local source', () => {
  it('answers GROQ with params and leaves drafts out', async () => {
    const source = createLocalSource({ documents: queryLayerDocs().filter((d) => !d._id.startsWith('drafts.')) })
    const all = createLocalSource({ documents: queryLayerDocs() })
    expect(await source.query('count(*[_type == $t])', { t: 'metric' })).toBe(1)
    // The in-memory documents are used as given; the file loader drops drafts (tested below).
    expect(await all.query('count(*[_type == $t])', { t: 'metric' })).toBe(2)
  })
  it('reads an NDJSON file once and drops drafts', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'ql-')), 'd.ndjson')
    writeFileSync(
      file,
      queryLayerDocs()
        .map((d) => JSON.stringify(d))
        .join('\n') + '\n',
    )
    const source = createLocalSource({ file })
    expect(await source.query('*[_type == "metric"]._id')).toEqual(['metric-share'])
  })
  it('reports a malformed line with file and line number', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'ql-')), 'bad.ndjson')
    writeFileSync(file, '{"_id":"a","_type":"source"}\n{"_id": oops}\n')
    const error = await createLocalSource({ file })
      .query('*')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).issue).toMatchObject({ file, line: 2, code: 'file.malformed', message: expect.stringContaining('not valid JSON') })
  })
})

describe('choosing the source from the environment', () => {
  it('is local without a project', () => {
    expect(sourceFromEnv({}).kind).toBe('local')
  })
  it('is live with a project and dataset', () => {
    const source = sourceFromEnv({ SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production', SANITY_API_HOST: 'http://127.0.0.1:9' })
    expect(source.kind).toBe('live')
    expect(source.description).toContain('abc123')
  })
  it('refuses half a configuration, saying which variable is missing', () => {
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'abc123' })).toThrow(/SANITY_DATASET/)
  })
  it('refuses a drafts preview without a token', () => {
    expect(() => sourceFromEnv({ SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'd', SANITY_PERSPECTIVE: 'drafts' })).toThrow(/SANITY_API_READ_TOKEN/)
  })
  it('never puts the token in its description', () => {
    const source = sourceFromEnv({ SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'd', SANITY_PERSPECTIVE: 'drafts', SANITY_API_READ_TOKEN: 'secret-token-xyz' })
    expect(source.description).not.toContain('secret-token-xyz')
  })
})

describe('the site view', () => {
  const load = () => loadSiteContent(createLocalSource({ documents: queryLayerDocs().filter((d) => !d._id.startsWith('drafts.')) }))

  it('orders industries by editorial rank, not storage order, and links neighbours', async () => {
    const view = buildSiteView(await load(), EN)
    expect(view.industries.map((i) => i.slug)).toEqual(['a-first', 'z'])
    expect(view.industries[0]!.next?.slug).toBe('z')
    expect(view.industries[1]!.previous?.slug).toBe('a-first')
    expect(view.industries.map((i) => i.position)).toEqual([1, 2])
  })
  it('marks a missing translation as a fallback in that language only', async () => {
    const content = await load()
    expect(buildSiteView(content, EN).industries[0]!.summary).toMatchObject({ value: '只有中文', fallback: true, lang: 'zh-TW' })
    expect(buildSiteView(content, ZH).industries[0]!.summary).toMatchObject({ value: '只有中文', fallback: false })
  })
  it('resolves relations: metrics, their industries, sections and sources', async () => {
    const view = buildSiteView(await load(), ZH)
    const metric = view.metrics[0]!
    expect(metric).toMatchObject({ slug: 'share', value: 75, unit: 'percent', asOf: '2020-04' })
    expect(metric.source.publisher.value).toBe('國發會')
    expect(metric.industries.map((i) => i.slug)).toEqual(['z'])
    expect(view.sections[0]!.metrics.map((m) => m.slug)).toEqual(['share'])
    expect(view.industries[1]!.sections.map((s) => s.slug)).toEqual(['a'])
  })
  it('names the document when a singleton is missing', async () => {
    const source = createLocalSource({ documents: queryLayerDocs().filter((d) => d._id !== 'policy') })
    const error = await loadSiteContent(source).catch((e: unknown) => e)
    expect((error as ContentError).issue).toMatchObject({
      documentId: 'policy',
      documentType: 'policy',
      code: 'document.singleton-missing',
      hint: expect.stringContaining('"policy"'),
    })
  })
  it('names the document and field of a reference to a missing figure', async () => {
    const docs = queryLayerDocs().filter((d) => d._id !== 'metric-share' && !d._id.startsWith('drafts.'))
    const content = await loadSiteContent(createLocalSource({ documents: docs }))
    const error = (() => {
      try {
        buildSiteView(content, EN)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).issue).toMatchObject({ documentId: 'industry-z', documentType: 'industry', field: 'metrics[0]', code: 'reference.unresolved' })
  })
  it('names the document and field of a required text that no language has', async () => {
    const docs = queryLayerDocs().filter((d) => !d._id.startsWith('drafts.'))
    const industry = docs.find((d) => d._id === 'industry-z')!
    industry.goal = { zhTW: ' ', en: '' }
    const content = await loadSiteContent(createLocalSource({ documents: docs }))
    expect(() => buildSiteView(content, EN)).toThrow(expect.objectContaining({ issue: expect.objectContaining({ documentId: 'industry-z', field: 'goal', code: 'field.empty' }) }))
  })
  it('is plain JSON: the snapshot Astro reads gives back the same views', async () => {
    const views = buildSiteViews(await load(), { preview: true })
    expect(Object.keys(views)).toEqual(['zhTW', 'en'])
    expect(JSON.parse(JSON.stringify(views))).toEqual(views)
    expect(views.en.preview).toBe(true)
    expect(views.en.documentsById['industry-z']).toEqual({ type: 'industry', slug: 'z' })
  })
})
