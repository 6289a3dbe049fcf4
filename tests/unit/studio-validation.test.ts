/**
 * The content rules as editors meet them in the Studio: Sanity's own validation
 * (`validateDocument` from @sanity/validation over the schema compiled by `createSchema`),
 * with custom rules on (they need a client: an in-memory groq-js one, so nothing goes online).
 *
 * Each failure is checked twice: as an error in the Studio's environment (it blocks Publish)
 * and as a marker from `validateDocument` (environment "cli", what scripts use), where Sanity
 * 6.16 reports rules on object-typed fields at level "warning" (see tests/support/studio-validation.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { errorLines, inMemoryClient, loadValidation, validate as validateAsIs, type StudioDoc } from '../support/studio-validation'
import { provenanceRecord } from '../../schemas/lib/provenance'
import { MISSING_TRANSLATION, PARTIAL_DATE_MESSAGE, REQUIRED_LOCALIZED, STALE_TRANSLATION, URL_SCHEME_MESSAGE } from '../../schemas/lib/validation'
import { recordMissingProvenance } from '../../src/content/translations/record'

/**
 * Validates `doc` with provenance recorded for every translation that has none, as the
 * Studio records it when a translation is written: the rules under test here are not about
 * provenance (the stale-translation tests below pass theirs explicitly).
 */
function validate(doc: StudioDoc, dataset: StudioDoc[]) {
  const copy = structuredClone(doc)
  recordMissingProvenance([copy], '2026-01-01T00:00:00.000Z')
  return validateAsIs(copy, dataset)
}

const source: StudioDoc = {
  _id: 'source.itis',
  _type: 'source',
  publisher: { zhTW: '經濟部產業技術知識服務計畫', en: 'MOEA Industry & Technology Intelligence Services' },
  abbreviation: 'ITIS',
  title: { zhTW: '半導體產業年鑑', en: 'Semiconductor Industry Yearbook' },
  date: '2022',
  url: 'https://example.org/itis/semiconductors',
}

const metric: StudioDoc = {
  _id: 'metric.foundry-share',
  _type: 'metric',
  label: { zhTW: '晶圓代工全球市占率', en: 'Global foundry market share' },
  slug: { _type: 'slug', current: 'foundry-market-share' },
  value: 60,
  comparator: 'over',
  unit: 'percent',
  asOf: '2022',
  source: { _type: 'reference', _ref: 'source.itis' },
}

const rankMetric: StudioDoc = {
  ...metric,
  _id: 'metric.imd-rank',
  label: { zhTW: 'IMD 世界競爭力排名', en: 'IMD World Competitiveness ranking' },
  slug: { _type: 'slug', current: 'imd-world-competitiveness-rank' },
  value: 7,
  comparator: 'exact',
  unit: 'rank',
}

const dataset = [source, metric, rankMetric]
recordMissingProvenance(dataset, '2026-01-01T00:00:00.000Z')

type Result = Awaited<ReturnType<typeof validate>>

/**
 * The Studio errors of a result (what blocks Publish), after checking that `validateDocument`
 * flags the same fields (at some level) and passes exactly when the Studio does.
 */
function studioErrors(result: Result): string[] {
  const errors = errorLines(result.studioMarkers)
  expect(result.status).toBe(errors.length > 0 ? 'failed' : 'passed')
  const paths = (markers: Result['markers']) => [...new Set(markers.map((m) => m.path.map(String).join('.')))].sort()
  expect(paths(result.markers)).toEqual(paths(result.studioMarkers))
  return errors
}

beforeAll(async () => {
  await loadValidation()
}, 60_000)

describe('studio validation: the fixtures are valid', () => {
  it.each([
    ['source', source],
    ['percent metric', metric],
    ['rank metric', rankMetric],
  ])('a complete %s passes', async (_name, doc) => {
    const result = await validate(doc, dataset)
    expect(studioErrors(result)).toEqual([])
    expect(result.markers).toEqual([])
    expect(result.status).toBe('passed')
  })
})

describe('studio validation: metrics', () => {
  it('a metric without a source fails with the source message', async () => {
    const { source: _dropped, ...withoutSource } = metric
    const result = await validate(withoutSource as StudioDoc, dataset)
    expect(studioErrors(result)).toEqual([expect.stringMatching(/^source: 必填：每項數據都須註明出處。 · Required: the source of this figure\. Every figure needs one\./)])
  })

  it('a percent of 180 fails', async () => {
    const result = await validate({ ...metric, value: 180 }, dataset)
    const lines = studioErrors(result)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^value: 百分比須介於 0 到 100（目前為 180）.* · A percent must be between 0 and 100 \(got 180\)/)
  })

  it('a percent of 100 with "more than" passes (how "over 100%" is entered)', async () => {
    const result = await validate({ ...metric, value: 100, comparator: 'over' }, dataset)
    expect(studioErrors(result)).toEqual([])
  })

  it.each([0, 2.5, -1])('a rank of %s fails', async (value) => {
    const result = await validate({ ...rankMetric, value }, dataset)
    const lines = studioErrors(result)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^value: 名次須為 1 以上的整數（目前為 ${value}）。 · A rank must be a whole number from 1 \\(got ${value}\\)`))
  })

  it('a count must be whole and say what is counted; money needs a currency', async () => {
    const count = studioErrors(await validate({ ...metric, unit: 'count', value: 3.5 }, dataset))
    expect(count.join('\n')).toMatch(/value: 數量須為 0 以上的整數.* · A count must be a whole number/)
    expect(count.join('\n')).toMatch(/countNoun: 數量須以中英文填寫計數對象。 · Required for counts/)
    const money = studioErrors(await validate({ ...metric, unit: 'currency', value: 1.7e12 }, dataset))
    expect(money).toEqual([expect.stringMatching(/^currency: 金額須選擇幣別.* · Required for money/)])
  })
})

describe('studio validation: translations', () => {
  it('a missing English translation fails with a message starting "Missing translation"', async () => {
    const result = await validate({ ...metric, label: { zhTW: '晶圓代工全球市占率', en: '' } }, dataset)
    studioErrors(result)
    const errors = result.markers.filter((m) => m.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.path).toEqual(['label', 'en'])
    expect(errors[0]!.message.startsWith(MISSING_TRANSLATION)).toBe(true)
    expect(errors[0]!.message).toContain('English (en)')
  })

  it('a missing Chinese translation is reported on the zhTW field', async () => {
    const result = await validate({ ...metric, label: { en: 'Global foundry market share' } }, dataset)
    studioErrors(result)
    const errors = result.markers.filter((m) => m.level === 'error')
    expect(errors.map((m) => m.path)).toEqual([['label', 'zhTW']])
    expect(errors[0]!.message.startsWith(MISSING_TRANSLATION)).toBe(true)
  })

  it('a required field empty in both languages asks for both', async () => {
    const result = await validate({ ...metric, label: { zhTW: ' ', en: '' } }, dataset)
    expect(studioErrors(result)).toEqual([`label: ${REQUIRED_LOCALIZED}`])
  })
})

describe('studio validation: stale translations', () => {
  const confirmed = (zhTW: string) => ({ _type: 'translationProvenance', en: provenanceRecord(zhTW, '2026-01-01T00:00:00.000Z') })

  it('a stale translation is a warning in the Studio and in scripts: Publish stays possible', async () => {
    const label = { zhTW: '晶圓代工全球市占率（更新）', en: 'Global foundry market share', provenance: confirmed('晶圓代工全球市占率') }
    const result = await validateAsIs({ ...metric, label }, dataset)
    expect(errorLines(result.studioMarkers)).toEqual([])
    for (const markers of [result.studioMarkers, result.markers]) {
      expect(markers.map((m) => [m.path.join('.'), m.level])).toEqual([['label.en', 'warning']])
      expect(markers[0]!.message.startsWith(STALE_TRANSLATION)).toBe(true)
      expect(markers[0]!.message).toMatch(/^譯文待更新：「label」的繁體中文原文在 2026-01-01 確認英文譯文後已修改.* · Outdated translation: .*"label".*English \(en\).*2026-01-01/)
    }
  })

  it('the same label with its provenance current has no marker; whitespace in the source does not count', async () => {
    const label = { zhTW: ' 晶圓代工全球市占率\n', en: 'Global foundry market share', provenance: confirmed('晶圓代工全球市占率') }
    const result = await validateAsIs({ ...metric, label }, dataset)
    expect(result.studioMarkers).toEqual([])
    expect(result.markers).toEqual([])
  })
})

describe('studio validation: slugs', () => {
  it('a duplicate slug within a type fails, answered by the in-memory client (no network)', async () => {
    const copy: StudioDoc = { ...metric, _id: 'metric.copy' }
    const result = await validate(copy, [...dataset, copy])
    expect(studioErrors(result)).toEqual(['slug: Slug is already in use'])
    expect(result.studioMarkers.find((m) => m.path[0] === 'slug')?.code).toBe('slug.not-unique')

    // The same check through `validateDocument` with the client the brief describes, recording its queries.
    const calls: { query: string; params: Record<string, unknown> }[] = []
    const { schema, validateDocument } = await loadValidation()
    const all = [...dataset, copy]
    const direct = await validateDocument({
      document: copy as never,
      schema: schema as never,
      client: inMemoryClient(all, calls) as never,
      getDocumentExists: async ({ id }) => all.some((d) => d._id === id),
    })
    expect(direct.status).toBe('failed')
    expect(direct.markers.map((m) => m.code)).toEqual(['slug.not-unique'])
    expect(calls.some((c) => c.query.includes('slug.current == $slug') && c.params.slug === 'foundry-market-share')).toBe(true)
  })

  it('the same slug in another type is fine, and a draft does not clash with its published document', async () => {
    const industry = { _id: 'industry.x', _type: 'industry', slug: { current: 'foundry-market-share' } }
    const draft: StudioDoc = { ...metric, _id: 'drafts.metric.foundry-share' }
    const result = await validate(draft, [...dataset, industry, draft])
    expect(studioErrors(result)).toEqual([])
  })

  it('a missing slug fails with the required message', async () => {
    const { slug: _dropped, ...withoutSlug } = metric
    const result = await validate(withoutSlug as StudioDoc, dataset)
    // Sanity adds its own "slug.current: Required" under ours.
    expect(studioErrors(result)).toEqual(['slug: 必填：網址代稱，例如「cybersecurity」。 · Required: a slug, e.g. "cybersecurity".', 'slug.current: Required'])
  })

  it('an uppercase or spaced slug fails with the slug message', async () => {
    const result = await validate({ ...metric, slug: { _type: 'slug', current: 'Foundry Share' } }, dataset)
    expect(studioErrors(result)).toEqual([expect.stringMatching(/^slug: 網址代稱請用小寫英文字母.* · Use a lowercase English slug with hyphens/)])
  })
})

describe('studio validation: dates', () => {
  it.each(['2022', '2022-04', '2022-04-30'])('a partial date %s passes', async (asOf) => {
    expect(studioErrors(await validate({ ...metric, asOf }, dataset))).toEqual([])
  })

  it.each(['2022/04', 'April 2022', '2022-13'])('%s fails with the format message, not "Required"', async (asOf) => {
    expect(studioErrors(await validate({ ...metric, asOf }, dataset))).toEqual([`asOf: ${PARTIAL_DATE_MESSAGE}`])
  })
})

describe('studio validation: URLs', () => {
  it('a javascript: URL fails with the http(s) message', async () => {
    const result = await validate({ ...source, url: 'javascript:alert(1)' }, dataset)
    expect(studioErrors(result)).toEqual([`url: ${URL_SCHEME_MESSAGE}`])
  })

  it('a javascript: link inside rich text fails; an https one passes', async () => {
    const block = (href: string) => [
      {
        _type: 'block',
        _key: 'b1',
        style: 'normal',
        markDefs: [{ _key: 'l1', _type: 'link', href }],
        children: [{ _type: 'span', _key: 's1', text: 'the brief', marks: ['l1'] }],
      },
    ]
    const section = (href: string): StudioDoc => ({
      _id: 'section.background',
      _type: 'section',
      title: { zhTW: '背景', en: 'Background' },
      slug: { _type: 'slug', current: 'background' },
      orderRank: '0|hzzzzz:',
      summary: { zhTW: '摘要', en: 'Summary' },
      body: { zhTW: block('https://www.ey.gov.tw/'), en: block(href) },
    })
    expect(studioErrors(await validate(section('https://www.ey.gov.tw/'), dataset))).toEqual([])
    const errors = studioErrors(await validate(section('javascript:alert(1)'), dataset))
    expect(errors).toEqual([expect.stringContaining(URL_SCHEME_MESSAGE)])
    expect(errors[0]).toMatch(/^body\.en\./)
  })

  it.each(['data:text/html,hi', 'ftp://example.org/x', '/relative/path'])('%s fails too', async (url) => {
    const errors = studioErrors(await validate({ ...source, url }, dataset))
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every((line) => line.startsWith('url: '))).toBe(true)
  })

  it('an https URL passes, and siteSettings.siteUrl follows the same rule', async () => {
    expect(studioErrors(await validate({ ...source, url: 'https://www.ey.gov.tw/' }, dataset))).toEqual([])
    const settings: StudioDoc = {
      _id: 'siteSettings',
      _type: 'siteSettings',
      title: { zhTW: '六大核心戰略產業', en: 'Six Core Strategic Industries' },
      description: { zhTW: '說明', en: 'An explainer' },
      publisher: { zhTW: '編輯部', en: 'The editors' },
      siteUrl: 'javascript:alert(1)',
      contactEmail: 'editors@example.org',
    }
    expect(studioErrors(await validate(settings, dataset))).toEqual([`siteUrl: ${URL_SCHEME_MESSAGE}`])
    expect(studioErrors(await validate({ ...settings, siteUrl: 'https://example.org' }, dataset))).toEqual([])
    const { siteUrl: _dropped, ...withoutUrl } = settings
    expect(studioErrors(await validate(withoutUrl as StudioDoc, dataset))).toEqual([
      expect.stringMatching(/^siteUrl: 必填：網站對外公開的網址。 · Required: the site's public address/),
    ])
  })
})

describe('studio validation: how scripts see it (Sanity 6.16)', () => {
  it('validateDocument reports rules on object-typed fields as warnings; the Studio as errors', async () => {
    // Documents Sanity's behaviour so a script that counts only errors knows what it misses;
    // if a Sanity upgrade changes it, this test says so.
    const copy: StudioDoc = { ...metric, _id: 'metric.copy', label: { zhTW: '', en: '' } }
    const result = await validate(copy, [...dataset, copy])
    const levels = (markers: typeof result.markers) => Object.fromEntries(markers.map((m) => [m.path.map(String).join('.'), m.level]))
    expect(levels(result.studioMarkers)).toEqual({ label: 'error', slug: 'error' })
    expect(levels(result.markers)).toEqual({ label: 'warning', slug: 'warning' })
  })
})
