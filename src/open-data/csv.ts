/**
 * The CSV files of the site: RFC 4180 (csv-stringify), records ending with CRLF, a byte-order
 * mark so that Excel opens the Chinese correctly. Every file has exactly one header row of
 * snake_case English column names, so spreadsheet filters and CSV readers (pandas, csv-parse)
 * take every row after it as data; what the columns mean, in the reader's language, is in the
 * README of the figure's ZIP (src/open-data/zip.ts). One row builder for both kinds: a
 * figure's or group's file in one language (text cells in that language) and /data/metrics.csv
 * (every figure, every language's text in its own column, `label_zh_tw`, `label_en`, …).
 *
 * Numbers are written plain (no grouping, no exponent) and never altered. Text is content from
 * the CMS: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would run as
 * a formula in a spreadsheet (CSV injection), so it gets a leading `'`, as OWASP advises.
 */
import { stringify } from 'csv-stringify/sync'
import { locales, type Locale } from '../../schemas/locales.ts'
import { formatPlainNumber } from '../../schemas/i18n/format.ts'
import { t, type StringKey } from '../../schemas/i18n/t.ts'
import type { OpenMetric } from './model.ts'

/** A cell: text (neutralised if a spreadsheet would run it), a number (written plain) or empty. */
export type CsvField = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/** Text a spreadsheet shows as text: a cell that would start a formula gets a leading `'`. */
export function safeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** A whole file: a header row, then one row per record, each with as many fields as the header. */
export function toCsv(header: string[], rows: CsvField[][], options: { bom?: boolean } = {}): string {
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header has ${header.length}.`)
  })
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone CR or LF;
  // RFC 4180 wants those quoted too, or a reader splits the record there.
  return stringify([header, ...rows], {
    bom: options.bom ?? false,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { number: formatPlainNumber, string: safeCsvText },
  })
}

type Tag = string
/** The licence a figure's file carries: its title in the file's language and its text's address. */
export interface CsvLicence {
  name: string
  url: string
}
/** One column: its machine-readable name, its description's UI string (the README) and its cell per language. */
type Column = [name: string, description: StringKey, cell: (m: OpenMetric, tag: Tag, licence: CsvLicence) => CsvField, perLanguage: boolean]

const COLUMNS: Column[] = [
  ['figure_id', 'csv.figureId', (m) => m.slug, false],
  ['label', 'csv.label', (m, tag) => m.label[tag] ?? '', true],
  ['value', 'csv.value', (m) => m.value, false],
  ['comparator', 'csv.comparator', (m) => m.comparator, false],
  ['unit', 'csv.unit', (m) => m.unit, false],
  ['currency', 'csv.currency', (m) => m.currency ?? '', false],
  ['count_noun', 'csv.countNoun', (m, tag) => m.countNoun?.[tag] ?? '', true],
  ['as_of', 'csv.asOf', (m) => m.asOf, false],
  ['value_text', 'csv.valueText', (m, tag) => m.text[tag] ?? '', true],
  ['source', 'csv.source', (m, tag) => m.source.citation[tag] ?? '', true],
  ['source_date', 'csv.sourceDate', (m) => m.source.date, false],
  ['source_url', 'csv.sourceUrl', (m) => m.source.url ?? '', false],
  ['license', 'csv.licence', (_m, _tag, licence) => licence.name, true],
  ['license_url', 'csv.licenceUrl', (_m, _tag, licence) => licence.url, false],
  ['page', 'csv.page', (m, tag) => m.pages[tag] ?? '', true],
]

/** The column names of a figure's or group's CSV (its one header row). */
export const FIGURE_CSV_COLUMNS = COLUMNS.map(([name]) => name)

/** Each column of a figure's CSV with what it holds, in `locale`'s words (for the README). */
export function figureCsvColumns(locale: Locale): [name: string, description: string][] {
  return COLUMNS.map(([name, description]) => [name, t(locale, description)])
}

/** A figure's or group's CSV in `locale`: one header row of column names, then the figures in the given order. */
export function figureCsv(metrics: OpenMetric[], locale: Locale, licence: CsvLicence): string {
  return toCsv(
    FIGURE_CSV_COLUMNS,
    metrics.map((m) => COLUMNS.map(([, , cell]) => cell(m, locale.tag, licence))),
    { bom: true },
  )
}

// The site-wide file has no licence columns (the licence is in metrics.json and on every page).
const SITE_COLUMNS = COLUMNS.filter(([name]) => !name.startsWith('license'))
/** A column name's language suffix: snake_case, `zh-TW` → `zh_tw`. */
const suffixes = locales.map((l) => [l.tag, l.tag.toLowerCase().replace(/-/g, '_')] as const)

/** /data/metrics.csv: every figure, one row each, in the order given (sorted by id); each language's text in its own column (`label_zh_tw`, `label_en`). */
export function metricsCsv(metrics: OpenMetric[]): string {
  const none = { name: '', url: '' }
  const header = SITE_COLUMNS.flatMap(([name, , , per]) => (per ? suffixes.map(([, suffix]) => `${name}_${suffix}`) : [name]))
  const rows = metrics.map((m) => SITE_COLUMNS.flatMap(([, , cell, per]) => (per ? suffixes.map(([tag]) => cell(m, tag, none)) : [cell(m, '', none)])))
  return toCsv(header, rows, { bom: true })
}
