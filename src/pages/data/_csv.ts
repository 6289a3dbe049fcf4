/**
 * CSV files of the site: RFC 4180 (csv-stringify), records ending with CRLF, fields never
 * trimmed or reformatted (numbers stay exactly as given), an optional byte-order mark so that
 * Excel opens the Chinese correctly.
 */
import { stringify } from 'csv-stringify/sync'

export type CsvField = string | number | null | undefined

/** A whole file: a header row, then one row per record, each with as many fields as the header. */
export function toCsv(header: string[], rows: CsvField[][], options: { bom?: boolean } = {}): string {
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header has ${header.length}.`)
  })
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone CR or LF;
  // RFC 4180 wants those quoted too, or a reader splits the record there.
  return stringify([header, ...rows], { bom: options.bom ?? false, record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { number: String } })
}
