/**
 * Numbers, money and units per locale, always through Intl (never hand-made digit
 * grouping). Every text rendering of a figure (page, chart label, table cell) goes through
 * {@link formatMetricValue}; CSV and JSON use {@link formatPlainNumber}.
 *
 * Intl gives the digits, the compact scale (trillion / 兆, billion / 億) and the unit words
 * (days / 天). What Intl does not say the way Taiwanese readers expect is wrapped with a
 * small per-locale template: money as "NT$1.7 trillion" / "新臺幣 1.7 兆元" and
 * "US$2.123 billion" / "21.23 億美元" (Intl's own currency output would be "$2.1B" or
 * "US$21億"), ranks, counted nouns and the comparator's word order; these templates are
 * UI strings (`format.*` keys in schemas/i18n/strings/). Chinese output gets a
 * space between Han characters and digits or Latin letters ("2020 年 4 月"), as the brief
 * and government style write it.
 */
import type { Locale } from '../locales.ts'
import { uiStrings, type StringKey } from './t.ts'

/** What the formatter needs of a figure: a subset of `MetricView`, so plain data works too. */
export interface FormattableMetric {
  value: number
  comparator: 'exact' | 'about' | 'over' | 'atLeast'
  unit: 'percent' | 'rank' | 'count' | 'days' | 'currency'
  currency?: 'TWD' | 'USD' | null
  /** For counts: what is counted, in the locale being formatted ("production lines" / "條產線"). */
  countNoun?: { value: string } | string | null
}

export type Comparator = FormattableMetric['comparator']
const comparatorNames: readonly string[] = ['exact', 'about', 'over', 'atLeast'] satisfies Comparator[]
export type Unit = FormattableMetric['unit']
export type Currency = NonNullable<FormattableMetric['currency']>

/** `long`: running text and tables ("more than NT$1 trillion"); `short`: chart labels ("> NT$1T"). */
export type FormatStyle = 'long' | 'short'

export interface FormatOptions {
  style?: FormatStyle
  /** Leave the comparator out (e.g. a table that has a column for it). */
  comparator?: boolean
}

/** The templates come from the UI strings (schemas/i18n/strings/*.ts), keys `format.*`. */
function template(locale: Locale, key: StringKey): string {
  return uiStrings[locale.id][key]
}

// Intl objects are costly to create; a build formats thousands of values with a handful of
// options. The options are the constant objects below, so the cache is keyed by the object
// itself: no string key to build on each of those calls.
const numberFormats = new Map<Intl.NumberFormatOptions, Map<string, Intl.NumberFormat>>()
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let byTag = numberFormats.get(options)
  if (!byTag) numberFormats.set(options, (byTag = new Map()))
  let nf = byTag.get(tag)
  if (!nf) {
    nf = new Intl.NumberFormat(tag, options)
    byTag.set(tag, nf)
  }
  return nf
}

/**
 * `make()` once per key: a build formats the same figures on thousands of pages.
 * Only results are stored; a throw is thrown again next time.
 */
function remembered<K, V>(store: Map<K, V>, key: K, make: () => V): V {
  let value = store.get(key)
  if (value === undefined) store.set(key, (value = make()))
  return value
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]'
const LATIN_OR_DIGIT = '[0-9A-Za-z$%]'
const hanThenLatin = new RegExp(`(${HAN})(${LATIN_OR_DIGIT})`, 'g')
const latinThenHan = new RegExp(`(${LATIN_OR_DIGIT})(${HAN})`, 'g')

/** "2020年4月" → "2020 年 4 月"; "約18億美元" → "約 18 億美元". */
export function spaceCjk(text: string): string {
  return text.replace(hanThenLatin, '$1 $2').replace(latinThenHan, '$1 $2')
}

const lists = new Map<string, Intl.ListFormat>()

/**
 * A list in the language's words and punctuation ("A、B和C", "A, B, and C"); in Chinese a
 * space between a Han character and a Latin word that meet at a joiner ("製造和 smart").
 */
export function formatList(items: readonly string[], l: Locale): string {
  let format = lists.get(l.tag)
  if (!format) lists.set(l.tag, (format = new Intl.ListFormat(l.tag, { style: 'long', type: 'conjunction' })))
  const parts = format.formatToParts(items)
  if (!l.tag.toLowerCase().startsWith('zh')) return parts.map((p) => p.value).join('')
  // Only the joiners are spaced: an item is the editor's text, written as they wrote it.
  return parts
    .map((p, i) => (p.type === 'literal' ? spaceCjk(`${parts[i - 1]?.value.slice(-1) ?? ''}${p.value}${parts[i + 1]?.value.charAt(0) ?? ''}`).slice(1, -1) : p.value))
    .join('')
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Format template "${template}" needs {${name}}.`)
    return value
  })
}

/** Chinese (and any `zh*` locale) gets a space between Han characters and digits / Latin letters. */
function finish(locale: Locale, text: string): string {
  return locale.tag.toLowerCase().startsWith('zh') ? spaceCjk(text) : text
}

/** Full precision: a figure is never rounded for display (the data are exact as published). */
const PRECISION: Intl.NumberFormatOptions = { maximumSignificantDigits: 15 }
// The other option sets, one object each (see numberFormat).
const GROUPED: Intl.NumberFormatOptions = { maximumFractionDigits: 10 }
// Grouping always: compact notation groups only from five digits by default ("5800 億" but
// "58,000 億"), while the brief's prose writes "5,800 億": one way across the site.
const COMPACT: Record<FormatStyle, Intl.NumberFormatOptions> = {
  long: { notation: 'compact', compactDisplay: 'long', useGrouping: 'always', ...PRECISION },
  short: { notation: 'compact', compactDisplay: 'short', useGrouping: 'always', ...PRECISION },
}
const PLAIN: Intl.NumberFormatOptions = { useGrouping: false, maximumSignificantDigits: 15 }
const PERCENT: Intl.NumberFormatOptions = { style: 'unit', unit: 'percent', ...PRECISION }
const DAYS: Record<FormatStyle, Intl.NumberFormatOptions> = {
  long: { style: 'unit', unit: 'day', unitDisplay: 'long', ...PRECISION },
  short: { style: 'unit', unit: 'day', unitDisplay: 'short', ...PRECISION },
}
const INTEGER: Intl.NumberFormatOptions = {}

/** A number with the locale's grouping, e.g. "1,234.5". For tables of plain numbers. */
export function formatNumber(value: number, locale: Locale): string {
  assertFinite(value)
  return numberFormat(locale.tag, GROUPED).format(value)
}

/** A compact number: "1.7 trillion" / "1.7 兆" (long), "1.7T" / "1.7 兆" (short). */
export function formatCompact(value: number, l: Locale, style: FormatStyle = 'long'): string {
  assertFinite(value)
  const text = numberFormat(l.tag, COMPACT[style]).format(value)
  return finish(l, text)
}

/**
 * A plain, locale-independent number for CSV, JSON and `<data value>`: no grouping, no
 * exponent, "." as decimal mark (1700000000000, 80.2).
 */
export function formatPlainNumber(value: number): string {
  assertFinite(value)
  // Every page writes its figures' `<data value>`; each number is formatted once per build.
  // (-0 is left out: a Map does not tell it from 0, Intl does.)
  const format = () => numberFormat('en-US', PLAIN).format(value)
  return Object.is(value, -0) ? format() : remembered(plainNumbers, value, format)
}
const plainNumbers = new Map<number, string>()

function nounOf(metric: FormattableMetric): string {
  const noun = typeof metric.countNoun === 'string' ? metric.countNoun : metric.countNoun?.value
  return noun?.trim() ?? ''
}

/** The value with its unit, without the comparator: "NT$1.7 trillion", "75%", "第 3 名". */
export function formatQuantity(metric: FormattableMetric, l: Locale, style: FormatStyle = 'long'): string {
  const { value } = metric
  assertFinite(value)
  let text: string
  switch (metric.unit) {
    case 'percent':
      text = numberFormat(l.tag, PERCENT).format(value)
      break
    case 'days':
      text = numberFormat(l.tag, DAYS[style === 'short' ? 'short' : 'long']).format(value)
      break
    case 'rank':
      text = fill(template(l, 'format.rank'), { n: numberFormat(l.tag, INTEGER).format(value) })
      break
    case 'count': {
      const n = Math.abs(value) >= 1_000_000 ? formatCompact(value, l, style) : numberFormat(l.tag, PRECISION).format(value)
      const noun = nounOf(metric)
      text = noun ? fill(template(l, 'format.count'), { n, noun }) : n
      break
    }
    case 'currency': {
      if (!metric.currency) throw new Error(`A money figure (value ${value}) has no currency. Hint: set currency to TWD or USD.`)
      const amount = Math.abs(value) >= 10_000 ? formatCompact(value, l, style) : numberFormat(l.tag, PRECISION).format(value)
      text = fill(template(l, `format.currency.${metric.currency}`), { amount })
      break
    }
    default:
      throw new Error(`Unknown unit "${String((metric as { unit: unknown }).unit)}". Hint: use percent, rank, count, days or currency.`)
  }
  return finish(l, text)
}

/**
 * A figure as text, with its comparator in the language's word order:
 * "more than NT$1 trillion" / "超過新臺幣 1 兆元", "about US$1.8 billion" / "約 18 億美元".
 * `style: 'short'` gives chart labels: "> 80%", "NT$1.7T".
 */
export function formatMetricValue(metric: FormattableMetric, locale: Locale, options: FormatOptions = {}): string {
  // A figure appears on many pages (its own, its industries', its charts', the lists), each
  // time through this function: the text is made once per build for each distinct input.
  // The key is every field the text depends on, so a changed figure is never served stale;
  // a failure is not stored, so it is thrown again.
  assertFinite(metric.value)
  const key = [
    locale.id,
    options.style ?? 'long',
    options.comparator === false ? 'no-comparator' : '',
    metric.unit,
    Object.is(metric.value, -0) ? '-0' : metric.value,
    metric.currency ?? '',
    metric.unit === 'count' ? nounOf(metric) : '',
    metric.comparator,
  ].join('\u0000')
  return remembered(metricValues, key, () => formatMetricValueUncached(metric, locale, options))
}
const metricValues = new Map<string, string>()

function formatMetricValueUncached(metric: FormattableMetric, l: Locale, options: FormatOptions): string {
  const style = options.style ?? 'long'
  const x = formatQuantity(metric, l, style)
  if (options.comparator === false) return x
  if (!comparatorNames.includes(metric.comparator)) {
    throw new Error(`Unknown comparator "${String(metric.comparator)}". Hint: use exact, about, over or atLeast.`)
  }
  const key: StringKey = style === 'short' ? `format.comparatorShort.${metric.comparator}` : `format.comparator.${metric.comparator}`
  return finish(l, fill(template(l, key), { x }))
}

/** The comparator alone, as a word, for table columns: "more than" / "超過" ("" for exact). */
export function formatComparator(comparator: Comparator, locale: Locale): string {
  return template(locale, `format.comparator.${comparator}`).replace('{x}', '').trim()
}

function assertFinite(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Cannot format ${String(value)}: a figure must be a finite number.`)
  }
}
