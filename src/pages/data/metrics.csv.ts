/**
 * /data/metrics.csv: every figure, one row each, sorted by slug. UTF-8 with a byte-order
 * mark (so Excel opens the Chinese correctly), RFC 4180 quoting, CRLF, plain numbers.
 * Headers name each language's column with its BCP-47 tag: label_zh-TW, label_en, …
 */
import type { APIRoute } from 'astro'
import { locales } from '../../../schemas/locales'
import { toCsv } from './_csv'
import { openData, plain } from './_metrics'

const tags = locales.map((l) => l.tag)
const perLocale = (name: string) => tags.map((tag) => `${name}_${tag}`)

/** The columns, in order. Exported for the tests. */
export const CSV_HEADER = [
  'slug',
  ...perLocale('label'),
  'value',
  'comparator',
  'unit',
  'currency',
  ...perLocale('count_noun'),
  'as_of',
  ...perLocale('value_text'),
  ...perLocale('source'),
  'source_date',
  'source_url',
  ...perLocale('page'),
]

export const GET: APIRoute = async ({ site }) => {
  const { metrics } = await openData(site)
  const rows = metrics.map((m) => [
    m.slug,
    ...tags.map((tag) => m.label[tag] ?? ''),
    plain(m.value),
    m.comparator,
    m.unit,
    m.currency ?? '',
    ...tags.map((tag) => m.countNoun?.[tag] ?? ''),
    m.asOf,
    ...tags.map((tag) => m.text[tag] ?? ''),
    ...tags.map((tag) => m.source.citation[tag] ?? ''),
    m.source.date,
    m.source.url ?? '',
    ...tags.map((tag) => m.pages[tag] ?? ''),
  ])
  return new Response(toCsv(CSV_HEADER, rows, { bom: true }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  })
}
