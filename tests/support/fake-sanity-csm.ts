/**
 * Content Source Maps for the fake Sanity API: what the Content Lake returns beside a query's
 * result when asked with `resultSourceMap=withKeyArraySelector` (as @sanity/client does when
 * stega is on), so the client's own stega encoder runs over real wire data.
 *
 * groq-js hands out the dataset's own objects and arrays when a query projects a field whole
 * (`title`, `points[]{title}`), so a result node identical to a node of a document maps to
 * that document and path, and everything inside it follows by suffix, as the client resolves
 * mappings. A plain value (`abbreviation`, `date`) maps when its object in the result carries
 * the `_id` of a document that holds the same value under the same key.
 */

/** A document as the query saw it (`_originalId` names the stored id under the drafts perspective). */
interface SourceDocument {
  _id: string
  _type: string
  _originalId?: string
  [field: string]: unknown
}

/** One segment of a source path: a key, an index, or a keyed array item. */
type Segment = string | number | { _key: string }

/** The Content Source Map of the wire format. */
export interface ContentSourceMap {
  documents: { _id: string; _type: string }[]
  paths: string[]
  mappings: Record<string, { type: 'value'; source: { type: 'documentValue'; document: number; path: number } }>
}

const quote = (key: string) => key.replace(/['\\]/g, (c) => `\\${c}`)
const jsonPath = (path: Segment[]) =>
  `$${path.map((s) => (typeof s === 'number' ? `[${s}]` : typeof s === 'string' ? `['${quote(s)}']` : `[?(@._key=='${quote(s._key)}')]`)).join('')}`

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Every object and array inside the documents, by identity: where it sits. */
function indexNodes(documents: SourceDocument[]): WeakMap<object, { document: number; path: Segment[] }> {
  const index = new WeakMap<object, { document: number; path: Segment[] }>()
  const visit = (value: unknown, document: number, path: Segment[]) => {
    if (!isObject(value)) return
    if (path.length > 0 && !index.has(value)) index.set(value, { document, path })
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        visit(item, document, [...path, isObject(item) && typeof item._key === 'string' ? { _key: item._key } : i])
      })
    } else {
      for (const [key, child] of Object.entries(value)) visit(child, document, [...path, key])
    }
  }
  documents.forEach((doc, i) => {
    visit(doc, i, [])
  })
  return index
}

/** The source map of `result`, evaluated over `documents`. */
export function contentSourceMap(result: unknown, documents: SourceDocument[]): ContentSourceMap {
  const nodes = indexNodes(documents)
  const byId = new Map(documents.map((doc, i) => [doc._id, i]))
  const map: ContentSourceMap = { documents: [], paths: [], mappings: {} }
  const docSlot = new Map<number, number>()
  const pathSlot = new Map<string, number>()
  const add = (resultPath: (string | number)[], document: number, path: Segment[]) => {
    if (!docSlot.has(document)) {
      const doc = documents[document]!
      docSlot.set(document, map.documents.push({ _id: doc._originalId ?? doc._id, _type: doc._type }) - 1)
    }
    const source = jsonPath(path)
    if (!pathSlot.has(source)) pathSlot.set(source, map.paths.push(source) - 1)
    map.mappings[jsonPath(resultPath)] = { type: 'value', source: { type: 'documentValue', document: docSlot.get(document)!, path: pathSlot.get(source)! } }
  }
  const walk = (value: unknown, path: (string | number)[]) => {
    if (!isObject(value)) return
    const known = nodes.get(value)
    if (known) return add(path, known.document, known.path)
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, [...path, i])
      })
      return
    }
    const owner = typeof value._id === 'string' ? byId.get(value._id) : undefined
    for (const [key, child] of Object.entries(value)) {
      if (owner !== undefined && !isObject(child) && child !== null && documents[owner]![key] === child) add([...path, key], owner, [key])
      else walk(child, [...path, key])
    }
  }
  walk(result, [])
  return map
}
