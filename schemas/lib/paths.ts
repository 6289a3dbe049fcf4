/** A segment of a Sanity path: a field name, an index, a key, or a range. */
export type SanityPathSegment = string | number | { _key: string } | [number | '', number | '']

/**
 * A Sanity path as people read it: `['points', {_key: 'a'}, 'description', 'zhTW']` becomes
 * `points[1].description.zhTW` (the key resolved to its index in the document), or
 * `points[_key=="a"]` when the key is not found.
 */
export function formatPath(path: readonly SanityPathSegment[], document?: unknown): string {
  let out = ''
  let value: unknown = document
  for (const segment of path) {
    if (typeof segment === 'string') {
      out += out === '' ? segment : `.${segment}`
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined
    } else if (typeof segment === 'number') {
      out += `[${segment}]`
      value = Array.isArray(value) ? value[segment] : undefined
    } else if (Array.isArray(segment)) {
      out += `[${segment[0]}:${segment[1]}]`
      value = undefined
    } else if (segment && typeof segment === 'object' && '_key' in segment) {
      const index = Array.isArray(value) ? value.findIndex((item) => (item as { _key?: unknown } | null)?._key === segment._key) : -1
      out += index >= 0 ? `[${index}]` : `[_key==${JSON.stringify(segment._key)}]`
      value = index >= 0 ? (value as unknown[])[index] : undefined
    }
  }
  return out
}

/** The value at a Sanity path in a document (keys looked up in arrays); undefined when it is not there. */
export function valueAtPath(document: unknown, path: readonly SanityPathSegment[]): unknown {
  let value = document
  for (const segment of path) {
    if (typeof segment === 'string') value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined
    else if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined
    else if (segment && typeof segment === 'object' && '_key' in segment) {
      value = Array.isArray(value) ? value.find((item) => (item as { _key?: unknown } | null)?._key === segment._key) : undefined
    } else value = undefined
  }
  return value
}
