/**
 * The embedded offline source: reads the NDJSON export once and answers GROQ with groq-js.
 * Drafts (`drafts.*`) are left out, as the live API's `published` perspective does.
 */
import { readFileSync } from 'node:fs'
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { evaluate, parse } from 'groq-js'
import { parseNdjson } from '../ndjson.ts'
import { assertParams, type ContentSource, type QueryParams, type SanityDocumentLike } from './types.ts'

/** The embedded dataset, relative to the project root (where npm runs scripts). */
export const DEFAULT_DATASET_FILE = 'content/dataset.ndjson'

export interface LocalSourceOptions {
  /** NDJSON file path; relative paths resolve from the current working directory. */
  file?: string
  /** Documents to use instead of reading a file (tests, benchmarks). */
  documents?: SanityDocumentLike[]
}

/**
 * The file as the manifest names it: relative to where the build runs (the project), or just
 * its name when it lies elsewhere: a build machine's own folders are nobody's business.
 */
function shownFile(file: string): string {
  const inProject = relative(process.cwd(), file)
  return inProject && !inProject.startsWith('..') && !isAbsolute(inProject) ? inProject.split(sep).join('/') : basename(file)
}

export function createLocalSource(options: LocalSourceOptions = {}): ContentSource {
  const file = resolve(options.file ?? DEFAULT_DATASET_FILE)
  let documents: SanityDocumentLike[] | undefined = options.documents
  let byId: Map<string, SanityDocumentLike> | undefined
  const load = (): SanityDocumentLike[] => {
    documents ??= (parseNdjson(readFileSync(file, 'utf8'), file) as SanityDocumentLike[]).filter((doc) => !String(doc._id).startsWith('drafts.'))
    return documents
  }
  // groq-js resolves `->` by scanning the whole dataset for the id, once per reference; an id
  // index built once answers the same (the first document with that id) at once.
  const dereference = ({ _ref }: { _ref: string }): SanityDocumentLike | undefined => {
    if (!byId) {
      byId = new Map()
      for (const doc of load()) if (!byId.has(doc._id)) byId.set(doc._id, doc)
    }
    return byId.get(_ref)
  }
  return {
    kind: 'local',
    origin: { kind: 'dataset', file: options.documents ? null : shownFile(file) },
    description: options.documents ? 'local documents (in memory)' : `local dataset ${file}`,
    preview: false,
    async query<T>(query: string, params: QueryParams = {}): Promise<T> {
      assertParams(query, params)
      // groq-js needs the params at parse time too, or `field[$param]` silently ignores them.
      const result = await evaluate(parse(query, { params }), { dataset: load(), params, dereference })
      return (await result.get()) as T
    },
    async allDocuments() {
      return load()
    },
  }
}
