/**
 * Reading the NDJSON export format (one JSON document per line), as `sanity dataset export`
 * writes it and `sanity dataset import` reads it.
 */

/** Parses NDJSON text; a malformed line throws an error naming the file, the line and the parse error. */
export function parseNdjson(text: string, file = 'dataset.ndjson'): Record<string, unknown>[] {
  const documents: Record<string, unknown>[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(
        `${file}:${index + 1}: this line is not valid JSON (${(error as Error).message}). ` +
          'Hint: each line must hold one whole JSON document; run `npm run content:normalize` after fixing it.',
      )
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${file}:${index + 1}: expected a JSON object (a document), found ${Array.isArray(value) ? 'an array' : typeof value}.`)
    }
    documents.push(value as Record<string, unknown>)
  })
  return documents
}
