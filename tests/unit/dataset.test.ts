/**
 * The embedded dataset (content/dataset.ndjson) is complete and well-formed: normalized,
 * every figure of the NDC brief present exactly once with a source, the six industries and
 * five sections in the brief's order, unique keys, resolvable references, both languages
 * everywhere, and the words readers search for on the right industry pages.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../../src/content/ndjson'
import { localeIds } from '../../schemas/locales'
import { singletonTypes } from '../../schemas/singletons'

type Doc = { _id: string; _type: string; [field: string]: unknown }
type Json = unknown

const file = resolve(__dirname, '../../content/dataset.ndjson')
const text = readFileSync(file, 'utf8')
const docs = parseNdjson(text, file) as Doc[]
const byId = new Map(docs.map((d) => [d._id, d]))
const ofType = (type: string) => docs.filter((d) => d._type === type)
const sortByRank = (list: Doc[]) => [...list].sort((a, b) => String(a.orderRank).localeCompare(String(b.orderRank)))

/** Every node of a JSON value with its path, depth first. */
function* walk(value: Json, path: (string | number)[] = []): Generator<{ value: Json; path: (string | number)[] }> {
  yield { value, path }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i])
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) yield* walk(child, [...path, key])
  }
}

/** The plain text of a localized value: a string, or the spans of a Portable Text array. */
function plainText(value: Json): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    return value.map((block) => ((block as { children?: { text?: string }[] }).children ?? []).map((c) => c.text ?? '').join('')).join('\n')
  }
  return ''
}

/** All the text of a document in one language. */
function textIn(doc: Doc, locale: string): string {
  const parts: string[] = []
  for (const { value } of walk(doc)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const type = (value as { _type?: string })._type
      if (type === 'localeString' || type === 'localeText' || type === 'localePortableText') {
        parts.push(plainText((value as Record<string, Json>)[locale]))
      }
    }
  }
  return parts.join('\n')
}

describe('dataset: normalized form', () => {
  it('the file is exactly what the normalizer writes', () => {
    expect(serializeNdjson(normalizeDataset(docs))).toBe(text)
  })

  it('has no _rev or _createdAt, an _updatedAt on every document, and only readable ids without dots', () => {
    for (const doc of docs) {
      expect(doc, doc._id).not.toHaveProperty('_rev')
      expect(doc, doc._id).not.toHaveProperty('_createdAt')
      // Sanity's form, to the second (npm run content:dates writes it from the git history).
      expect(doc._updatedAt, doc._id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
      expect(doc._id).toMatch(/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/)
    }
  })

  it('ids carry their type as a prefix (singletons on fixed ids)', () => {
    for (const doc of docs) {
      if (singletonTypes.has(doc._type)) expect(doc._id).toBe(doc._type)
      else expect(doc._id.startsWith(`${doc._type}-`), doc._id).toBe(true)
    }
  })
})

describe('ndjson helpers', () => {
  it('parseNdjson names the file, the line and the parse error for a malformed line', () => {
    expect(() => parseNdjson('{"_id":"a","_type":"x"}\n{"_id": oops}\n', 'bad.ndjson')).toThrow(/bad\.ndjson:2: .*JSON/)
  })

  it('normalizeDataset sorts documents and keys, drops _rev and _createdAt, keeps _updatedAt and leaves its input alone', () => {
    const input = [
      { title: 't', _type: 'b', _id: 'z', _rev: 'r1', _updatedAt: 'x', list: [{ z: 1, _key: 'k', _type: 'o' }] },
      { _type: 'a', _id: 'a', _createdAt: 'y' },
    ]
    const before = JSON.stringify(input)
    const out = serializeNdjson(normalizeDataset(input))
    expect(out).toBe('{"_id":"a","_type":"a"}\n{"_id":"z","_type":"b","_updatedAt":"x","list":[{"_type":"o","_key":"k","z":1}],"title":"t"}\n')
    expect(JSON.stringify(input)).toBe(before)
  })

  it('normalizeDataset refuses duplicate ids', () => {
    expect(() =>
      normalizeDataset([
        { _id: 'a', _type: 'x' },
        { _id: 'a', _type: 'y' },
      ]),
    ).toThrow(/"a"/)
  })

  it('serializeNdjson writes non-ASCII text as is', () => {
    expect(serializeNdjson([{ _id: 'x', t: '臺灣' }])).toBe('{"_id":"x","t":"臺灣"}\n')
  })
})

describe('dataset: counts and order', () => {
  it('has one siteSettings and one policy on their fixed ids', () => {
    expect(ofType('siteSettings').map((d) => d._id)).toEqual(['siteSettings'])
    expect(ofType('policy').map((d) => d._id)).toEqual(['policy'])
  })

  it("has the six industries in the brief's order", () => {
    expect(sortByRank(ofType('industry')).map((d) => (d.slug as { current: string }).current)).toEqual([
      'information-and-digital',
      'cybersecurity',
      'precision-health',
      'national-defense-and-strategic',
      'green-and-renewable-energy',
      'strategic-stockpile',
    ])
  })

  it("has the five sections in the brief's order", () => {
    expect(sortByRank(ofType('section')).map((d) => (d.slug as { current: string }).current)).toEqual([
      'background',
      'supply-chain-trends',
      'taiwan-advantages',
      'investment-climate',
      'conclusion',
    ])
  })

  it("sections have the brief's points: 4 trends, 5 advantages, 4 investment-climate items", () => {
    const points = (slug: string) => (byId.get(`section-${slug}`)?.points as unknown[] | undefined)?.length ?? 0
    expect(points('supply-chain-trends')).toBe(4)
    expect(points('taiwan-advantages')).toBe(5)
    expect(points('investment-climate')).toBe(4)
  })

  it('the policy has 4 enabling measures, 3 foundations and 3 strategies', () => {
    const policy = byId.get('policy')!
    expect((policy.enablingMeasures as unknown[]).length).toBe(4)
    expect((policy.foundations as unknown[]).length).toBe(3)
    expect((policy.strategies as unknown[]).length).toBe(3)
  })

  it('every industry lists at least two directions and two initiatives', () => {
    for (const industry of ofType('industry')) {
      expect((industry.directions as unknown[]).length, industry._id).toBeGreaterThanOrEqual(2)
      expect((industry.initiatives as unknown[]).length, industry._id).toBeGreaterThanOrEqual(2)
    }
  })

  it('has at least 18 glossary terms, including the required ones, each with search keywords', () => {
    const terms = ofType('glossaryTerm')
    expect(terms.length).toBeGreaterThanOrEqual(18)
    const required = [
      'five-plus-two',
      'beri',
      'cip',
      'aiot',
      'biobank',
      'industry-4-0',
      'imd',
      'wef',
      'itis',
      'dram',
      'foundry',
      'ic-packaging-and-testing',
      'offshore-wind',
      'precision-health',
      'leo-satellite',
      'forward-looking-infrastructure',
      'short-chain-production',
      'national-team',
    ]
    for (const id of required) expect(byId.has(`glossaryTerm-${id}`), id).toBe(true)
    for (const term of terms) expect((term.aliases as string[] | undefined)?.length ?? 0, term._id).toBeGreaterThan(0)
    // Shown names ("Also known as") and search keywords (`aliases`) together hold every spelling.
    const five = byId.get('glossaryTerm-five-plus-two')!
    expect([...(five.alsoKnownAs as string[]), ...(five.aliases as string[])]).toEqual(expect.arrayContaining(['5+2', '五加二', '五＋二']))
  })

  it('has at least 8 timeline events', () => {
    expect(ofType('timelineEvent').length).toBeGreaterThanOrEqual(8)
  })

  it('has the required sources', () => {
    for (const id of [
      'source-ndc-brief-2020',
      'source-itis-2020-04',
      'source-imd-wdcr-2019',
      'source-wef-gcr-2018-2019',
      'source-beri-2020-08',
      'source-bloomberg-2020-07',
      'source-inaugural-address-2020-05-20',
    ]) {
      expect(byId.get(id)?._type, id).toBe('source')
    }
  })
})

/**
 * Every figure the brief states. `label` is a word of the metric's Chinese label that tells
 * figures with the same value apart (e.g. the two BERI ranks).
 */
const T = 1_000_000_000_000
const figures: { label: string; value: number; unit: string; currency?: string; comparator: string; asOf: string; source: string }[] = [
  // 壹、前言
  { label: '五＋二', value: 4, unit: 'count', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '物聯網產值', value: T, unit: 'currency', currency: 'TWD', comparator: 'over', asOf: '2019', source: 'ndc-brief-2020' },
  { label: '機械產值', value: T, unit: 'currency', currency: 'TWD', comparator: 'over', asOf: '2019', source: 'ndc-brief-2020' },
  { label: '離岸風場', value: 85, unit: 'count', comparator: 'over', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '生物資料庫', value: 25, unit: 'count', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  // 貳、二 臺灣的優勢
  { label: '超級創新國', value: 4, unit: 'count', comparator: 'exact', asOf: '2019', source: 'wef-gcr-2018-2019' },
  { label: '市占排名', value: 1, unit: 'rank', comparator: 'exact', asOf: '2020-04', source: 'itis-2020-04' },
  { label: '晶圓代工', value: 75, unit: 'percent', comparator: 'exact', asOf: '2020-04', source: 'itis-2020-04' },
  { label: 'IC 封測', value: 56, unit: 'percent', comparator: 'exact', asOf: '2020-04', source: 'itis-2020-04' },
  { label: '網路使用率', value: 80, unit: 'percent', comparator: 'over', asOf: '2020-04', source: 'itis-2020-04' },
  { label: '無線上網率', value: 80.2, unit: 'percent', comparator: 'exact', asOf: '2020-04', source: 'itis-2020-04' },
  { label: '4G', value: 100, unit: 'percent', comparator: 'over', asOf: '2020-04', source: 'itis-2020-04' },
  { label: '行動寬頻', value: 1, unit: 'rank', comparator: 'exact', asOf: '2019', source: 'imd-wdcr-2019' },
  { label: '網路頻寬', value: 5, unit: 'rank', comparator: 'exact', asOf: '2019', source: 'imd-wdcr-2019' },
  { label: '產線', value: 92, unit: 'count', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '天數', value: 40, unit: 'days', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '防疫能力', value: 1, unit: 'rank', comparator: 'exact', asOf: '2020-07', source: 'bloomberg-2020-07' },
  // 貳、三 投資環境
  { label: '投資環境風險評比全球', value: 3, unit: 'rank', comparator: 'exact', asOf: '2020-08', source: 'beri-2020-08' },
  { label: '2021 至 2025', value: 3, unit: 'rank', comparator: 'exact', asOf: '2020-08', source: 'beri-2020-08' },
  { label: '三大方案的投資額', value: T, unit: 'currency', currency: 'TWD', comparator: 'over', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '實際到位', value: 580_000_000_000, unit: 'currency', currency: 'TWD', comparator: 'over', asOf: '2020-12', source: 'ndc-brief-2020' },
  { label: '核准外人', value: 40_000_000_000, unit: 'currency', currency: 'USD', comparator: 'over', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '美光', value: 2_123_000_000, unit: 'currency', currency: 'USD', comparator: 'about', asOf: '2019-08', source: 'ndc-brief-2020' },
  { label: 'JERA', value: 1_800_000_000, unit: 'currency', currency: 'USD', comparator: 'about', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '六兆投資', value: 6 * T, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '境外資金回臺', value: 1.7 * T, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '5G 建設', value: 2.6 * T, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '綠能', value: 1.5 * T, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '前瞻基礎建設第二期', value: 0.5 * T, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
  { label: '金融服務業', value: 100_000_000_000, unit: 'currency', currency: 'TWD', comparator: 'exact', asOf: '2020', source: 'ndc-brief-2020' },
]

describe('dataset: every figure in the brief', () => {
  const metrics = ofType('metric')

  const matches = (f: (typeof figures)[number]) =>
    metrics.filter(
      (m) =>
        m.value === f.value &&
        m.unit === f.unit &&
        (m.currency ?? undefined) === f.currency &&
        m.comparator === f.comparator &&
        m.asOf === f.asOf &&
        String((m.label as { zhTW?: string }).zhTW).includes(f.label),
    )

  it.each(figures.map((f) => [`${f.label} ${f.value} ${f.currency ?? f.unit}`, f] as const))('%s matches exactly one metric', (_name, f) => {
    const found = matches(f)
    expect(found.map((m) => m._id)).toHaveLength(1)
    expect((found[0]!.source as { _ref: string })._ref).toBe(`source-${f.source}`)
  })

  it("every metric is one of the brief's figures (none unlisted, none twice)", () => {
    const matched = figures.flatMap((f) => matches(f).map((m) => m._id))
    expect(new Set(matched).size).toBe(matched.length)
    expect([...matched].sort()).toEqual(metrics.map((m) => m._id).sort())
  })

  it('every metric has a source that exists, and a section it is stated in', () => {
    for (const m of metrics) {
      const source = byId.get((m.source as { _ref?: string } | undefined)?._ref ?? '')
      expect(source?._type, m._id).toBe('source')
      const section = byId.get((m.statedIn as { _ref?: string } | undefined)?._ref ?? '')
      expect(section?._type, m._id).toBe('section')
    }
  })

  it('counts say what they count and money has a currency; nothing else does', () => {
    for (const m of metrics) {
      expect(Boolean(m.countNoun), m._id).toBe(m.unit === 'count')
      expect(Boolean(m.currency), m._id).toBe(m.unit === 'currency')
    }
  })

  it('figures in one group share one unit and currency', () => {
    for (const group of ofType('metricGroup')) {
      const kinds = new Set(
        (group.metrics as { _ref: string }[]).map((r) => {
          const m = byId.get(r._ref)!
          return `${String(m.unit)}:${String(m.currency ?? '')}`
        }),
      )
      expect(kinds.size, group._id).toBe(1)
    }
  })

  it("the six-trillion group holds the plan's five parts in the brief's order", () => {
    expect((byId.get('metricGroup-six-trillion-investment')!.metrics as { _ref: string }[]).map((r) => byId.get(r._ref)!.value)).toEqual([
      1.7 * T,
      2.6 * T,
      1.5 * T,
      0.5 * T,
      100_000_000_000,
    ])
  })
})

/** Which document types a reference may point at, by the field that holds it. */
const refTargets: Record<string, string[]> = {
  source: ['source'],
  statedIn: ['section'],
  metrics: ['metric'],
  sections: ['section'],
  reference: ['industry', 'section', 'metric', 'glossaryTerm'],
}

describe('dataset: keys and references', () => {
  it('every object in an array has a _key, unique within its array', () => {
    const problems: string[] = []
    for (const doc of docs) {
      for (const { value, path } of walk(doc)) {
        if (!Array.isArray(value)) continue
        const keys = new Set<string>()
        value.forEach((item, i) => {
          if (!item || typeof item !== 'object') return
          const key = (item as { _key?: unknown })._key
          if (typeof key !== 'string' || key === '') problems.push(`${doc._id} ${[...path, i].join('.')}: no _key`)
          else if (keys.has(key)) problems.push(`${doc._id} ${path.join('.')}: duplicate _key "${key}"`)
          else keys.add(key)
        })
      }
    }
    expect(problems).toEqual([])
  })

  it('every _ref points at an existing document of an allowed type', () => {
    const problems: string[] = []
    let count = 0
    for (const doc of docs) {
      for (const { value, path } of walk(doc)) {
        if (!value || typeof value !== 'object' || Array.isArray(value) || !('_ref' in value)) continue
        count++
        const target = byId.get(String((value as { _ref: unknown })._ref))
        const field = String(path.filter((p) => typeof p === 'string').at(-1) ?? '')
        if (!target) problems.push(`${doc._id} ${path.join('.')}: no document "${String((value as { _ref: unknown })._ref)}"`)
        else if (refTargets[field] && !refTargets[field]!.includes(target._type)) {
          problems.push(`${doc._id} ${path.join('.')}: points at a ${target._type}`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(count).toBeGreaterThan(100)
  })

  it('every internal link mark is defined in its block, and every markDef is used', () => {
    const problems: string[] = []
    for (const doc of docs) {
      for (const { value, path } of walk(doc)) {
        if (!value || typeof value !== 'object' || (value as { _type?: string })._type !== 'block') continue
        const block = value as { markDefs: { _key: string }[]; children: { marks: string[] }[] }
        const defined = new Set(block.markDefs.map((d) => d._key))
        const used = new Set(block.children.flatMap((c) => c.marks).filter((m) => m !== 'strong' && m !== 'em'))
        for (const mark of used) if (!defined.has(mark)) problems.push(`${doc._id} ${path.join('.')}: undefined mark ${mark}`)
        for (const key of defined) if (!used.has(key)) problems.push(`${doc._id} ${path.join('.')}: unused markDef ${key}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('slugs are unique within each type', () => {
    const seen = new Set<string>()
    for (const doc of docs) {
      const slug = (doc.slug as { current?: string } | undefined)?.current
      if (!slug) continue
      const key = `${doc._type}:${slug}`
      expect(seen.has(key), key).toBe(false)
      seen.add(key)
    }
  })
})

describe('dataset: both languages everywhere', () => {
  it('every localized field has text in every locale', () => {
    const problems: string[] = []
    let count = 0
    for (const doc of docs) {
      for (const { value, path } of walk(doc)) {
        const type = value && typeof value === 'object' && !Array.isArray(value) ? (value as { _type?: string })._type : undefined
        if (type !== 'localeString' && type !== 'localeText' && type !== 'localePortableText') continue
        count++
        for (const locale of localeIds) {
          if (plainText((value as Record<string, Json>)[locale]).trim() === '') problems.push(`${doc._id} ${path.join('.')}.${locale}`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(count).toBeGreaterThan(300)
  })

  it('Chinese text uses 臺灣 as the brief does, never 台灣', () => {
    for (const doc of docs) expect(textIn(doc, 'zhTW').includes('台灣'), doc._id).toBe(false)
  })
})

describe('dataset: search words land on the right industry page', () => {
  const cases: [string, string, string][] = [
    ['information-and-digital', 'zhTW', '晶圓'],
    ['cybersecurity', 'zhTW', '資安'],
    ['green-and-renewable-energy', 'zhTW', '離岸風電'],
    ['precision-health', 'zhTW', '精準健康'],
    ['national-defense-and-strategic', 'zhTW', '低軌道衛星'],
    ['information-and-digital', 'en', 'foundry'],
    ['cybersecurity', 'en', 'cybersecurity'],
    ['green-and-renewable-energy', 'en', 'offshore wind'],
    ['national-defense-and-strategic', 'en', 'satellite'],
    ['precision-health', 'en', 'precision health'],
  ]
  it.each(cases)('industry-%s (%s) contains "%s"', (slug, locale, word) => {
    const doc = byId.get(`industry-${slug}`)!
    expect(textIn(doc, locale).toLowerCase()).toContain(word.toLowerCase())
  })

  it('the words are in the body the reader sees, not only in lists', () => {
    for (const [slug, locale, word] of cases) {
      const body = plainText((byId.get(`industry-${slug}`)!.body as Record<string, Json>)[locale])
      expect(body.toLowerCase(), `${slug} ${locale} ${word}`).toContain(word.toLowerCase())
    }
  })
})
