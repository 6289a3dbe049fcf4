/**
 * A small RFC 4180 writer: every field is a string; a field containing a comma, a double
 * quote, CR or LF is quoted and its quotes doubled; records end with CRLF. Fields are never
 * trimmed or reformatted, so numbers stay exactly as given.
 */
export type CsvField = string | number | null | undefined

const NEEDS_QUOTES = /[",\r\n]/

/** One field, quoted when it must be. */
export function csvField(value: CsvField): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole file: a header row, then one row per record, each with as many fields as the header. */
export function toCsv(header: string[], rows: CsvField[][], options: { bom?: boolean } = {}): string {
  const width = header.length
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== width) throw new Error(`CSV row ${i} has ${row.length} fields, the header has ${width}.`)
    return row.map(csvField).join(',')
  })
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`
}
