/**
 * Content validation before any page is built: Sanity's own rules from `schemas/` (the same
 * `validateDocument` the Studio and `sanity documents validate` run, custom rules included),
 * plus the checks Sanity does not make on a dataset file (duplicate ids, unknown types,
 * references to nothing, list items without a unique `_key`, misplaced singletons).
 *
 * The result is one report: `errors` (the build fails) and `missingTranslations` (a warning,
 * fatal with `STRICT_I18N=1`), each naming the document, its type, the field, the message
 * and how to fix it. Local and live content go through the same code: the documents come
 * from `documentsForValidationQuery` through `source.query`.
 *
 * Nothing here touches the network: the client handed to Sanity's custom rules answers GROQ
 * with groq-js over the documents being validated (slug uniqueness, figure-group units).
 *
 * Sanity's rule results are cached per document between builds (`validation.json`, see
 * "The validation cache" below): reused only while the document, every query its rules ran
 * and every existence check give the same answers, for the same rules and packages. The
 * dataset checks run every time, and Sanity's packages load only if some rule must run.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluate, parse } from 'groq-js'
import type { DocumentValidationMarker, ValidationClient, validateDocument as ValidateDocument } from '@sanity/validation'
import { getLocale, locales, localeIds, type LocaleId } from '../../schemas/locales.ts'
import { MISSING_TRANSLATION } from '../../schemas/lib/validation.ts'
import { documentsForValidationQuery } from './queries.ts'
import { buildSiteView, type SiteContent } from './load.ts'
import type { ContentSource, QueryParams, SanityDocumentLike } from './source.ts'
import { buildCacheDir, sha256, writeFileAtomic } from '../utils/build-cache.ts'
import { sortKeysDeep } from './ndjson.ts'

// ---------------------------------------------------------------------------------------
// The report

/** One problem in the content, with where it is and how to fix it. */
export interface ContentIssue {
  /** The document's `_id` (empty for a problem with the file itself, e.g. a malformed line). */
  documentId: string
  /** The document's `_type` (empty when unknown). */
  documentType: string
  /** The field path, e.g. `title.en`, `points[1].description.zhTW`; empty for the whole document. */
  field: string
  /** What is wrong (Sanity's or the schema's own message where there is one). */
  message: string
  /** How to fix it. */
  hint: string
  /** A machine-readable code: Sanity's marker code (`value.required`, `custom`, ...) or ours. */
  code: string
  /** For missing translations: the language that is missing, as its BCP-47 tag (`en`, `zh-TW`). */
  locale?: string
  /** For problems with a dataset file: the file and the 1-based line. */
  file?: string
  line?: number
}

/** The result of validating all content. */
export interface ValidationReport {
  /** Where the content came from (never contains a token). */
  source: string
  /** How many documents were validated. */
  documents: number
  /** Documents per type. */
  counts: Record<string, number>
  /** Problems that fail the build. */
  errors: ContentIssue[]
  /** Text missing in one language: warnings, or errors with `STRICT_I18N=1`. */
  missingTranslations: ContentIssue[]
  /** Problems that do not fail the build (e.g. a field the schema does not know). */
  warnings: ContentIssue[]
  /** Whether missing translations are fatal (`STRICT_I18N=1`). */
  strictI18n: boolean
  /** True when the build may go on: no errors, and no missing translations in strict mode. */
  ok: boolean
  /** Milliseconds spent validating. */
  durationMs: number
  /**
   * Sanity's rules: for how many documents the result came from the validation cache (the
   * document and everything its rules queried unchanged since it was stored), and for how
   * many the rules ran. Absent in reports that validated nothing.
   */
  cache?: { reused: number; validated: number }
}

/** Options for {@link validateDocuments}. */
export interface ValidateOptions {
  /** Missing translations fail the validation. Default: `STRICT_I18N=1` in the environment. */
  strictI18n?: boolean
  /** How many documents Sanity validates at once. Default 8. */
  concurrency?: number
  /** A description of where the documents came from, for the report. */
  source?: string
  /**
   * Looks up ids that the documents refer to but that are not among them (e.g. image assets
   * in the Content Lake): returns the ids that exist. Without it, such references are errors.
   */
  lookupIds?: (ids: string[]) => Promise<Iterable<string>>
  /**
   * The cache of Sanity's rule results (see {@link validationCacheSettings}): `false` turns it
   * off; an object sets its folder or adds to its key. Default: on, unless `VALIDATION_CACHE=0`.
   */
  cache?: boolean | ValidationCacheOptions
}

/** Whether `STRICT_I18N` asks for missing translations to be fatal. */
export function strictI18nFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.STRICT_I18N?.trim().toLowerCase()
  return value === '1' || value === 'true' || value === 'yes'
}

// ---------------------------------------------------------------------------------------
// Sanity's validation, loaded once per process

interface Validator {
  schema: Parameters<typeof ValidateDocument>[0]['schema']
  validateDocument: typeof ValidateDocument
}

let validatorPromise: Promise<Validator> | undefined

/**
 * Imports `@sanity/schema` and `@sanity/validation` and compiles the schema, once per
 * process and only when a document's rules must run: when the cache holds every document's
 * result, a build never loads them (about 1.5 s of CPU on a 2-core machine, where Astro
 * renders next to this).
 */
export function loadValidator(): Promise<Validator> {
  validatorPromise ??= (async () => {
    const [{ Schema }, { builtinTypes, groupProblems, validateSchema }, { inferFromSchema }, { validateDocument }, { schemaTypes }] =
      await Promise.all([
        import('@sanity/schema'),
        import('@sanity/schema/_internal'),
        import('@sanity/validation/_internal'),
        import('@sanity/validation'),
        import('../../schemas/index.ts'),
      ])
    // What `createSchema` from 'sanity' does (sanity 6.16, WorkspaceLoader), from the packages
    // it uses: importing 'sanity' itself loads the whole Studio for this one function, about
    // 4-7 s CPU per build (and per test file). A unit test checks both give the same markers.
    const builtin = inferFromSchema(Schema.compile({ name: 'studio', types: builtinTypes }))
    const schemaProblems = groupProblems(validateSchema(schemaTypes).getTypes())
    const hasErrors = schemaProblems.some((group) => group.problems.some((problem) => problem.severity === 'error'))
    const compiled = Schema.compile({ name: 'default', types: hasErrors ? [] : schemaTypes.filter(Boolean), parent: builtin })
    ;(compiled as unknown as { _validation: unknown })._validation = schemaProblems
    const schema = inferFromSchema(compiled)
    const groups = (schema as unknown as { _validation?: { path: { name?: string }[]; problems: { severity: string; message: string }[] }[] })._validation ?? []
    const problems = groups.flatMap((group) =>
      group.problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => `${group.path.map((p) => p.name ?? '?').join('.')}: ${problem.message}`),
    )
    if (problems.length > 0) {
      throw new Error(`The schema in schemas/ does not compile: ${problems.join('; ')}. Hint: run \`npx sanity schema validate\` in studio/.`)
    }
    return { schema: schema as unknown as Validator['schema'], validateDocument }
  })()
  // A failed import must not be cached forever (e.g. a test that retries).
  validatorPromise.catch(() => (validatorPromise = undefined))
  return validatorPromise
}

// ---------------------------------------------------------------------------------------
// Documents to validate

/**
 * The documents to validate, from any source: every document of a schema type through
 * {@link documentsForValidationQuery} (so local and live are validated identically), plus,
 * for a source that can list everything it holds (the local dataset file), the documents of
 * other types, which are then reported as unknown types.
 */
export async function documentsForValidation(source: ContentSource): Promise<SanityDocumentLike[]> {
  const { documentTypes } = await import('../../schemas/index.ts')
  const known = await source.query<SanityDocumentLike[]>(documentsForValidationQuery, { types: documentTypes })
  if (!source.allDocuments) return known
  const types = new Set<string>(documentTypes)
  const others = (await source.allDocuments()).filter((doc) => !types.has(doc?._type))
  return [...known, ...others]
}

/** Ids that exist in the source, for references to documents outside the validated set. */
export function lookupIdsIn(source: ContentSource): (ids: string[]) => Promise<string[]> {
  return (ids) => source.query<string[]>('*[_id in $ids]._id', { ids })
}

// ---------------------------------------------------------------------------------------
// The client Sanity's custom rules query: groq-js over the same documents

/**
 * The documents a query can possibly match, when that is a small, exactly known subset:
 * the query reads one `*[filter]` (no other `*`, no `->` dereference, no `^`), and its filter
 * is a conjunction (`&&`, no `||`) with a term `_type == $p`, `_id in $p`, `_id == $p` or
 * `slug.current == $p`. Every document left out fails that term, so groq-js gives the same
 * answer over the subset as over all documents; it just does not scan 10,000 of them for
 * each slug. Returns undefined when the query is not of that shape.
 */
export function narrowDataset(query: string, params: QueryParams, index: DatasetIndex): SanityDocumentLike[] | undefined {
  const text = query.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
  if ((text.match(/\*/g) ?? []).length !== 1 || text.includes('->') || text.includes('^') || /\|\|/.test(text)) return undefined
  const filter = /\*\s*\[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]/.exec(text)?.[1]
  if (filter === undefined) return undefined
  let best: SanityDocumentLike[] | undefined
  for (const term of filter.split('&&').map((t) => t.trim())) {
    let match: RegExpExecArray | null
    let candidates: SanityDocumentLike[] | undefined
    if ((match = /^_type\s*==\s*\$(\w+)$/.exec(term)) && typeof params[match[1]!] === 'string') {
      candidates = index.byType.get(params[match[1]!] as string) ?? []
    } else if ((match = /^_id\s*==\s*\$(\w+)$/.exec(term)) && typeof params[match[1]!] === 'string') {
      candidates = index.byId.get(params[match[1]!] as string) ?? []
    } else if ((match = /^_id\s+in\s+\$(\w+)$/.exec(term)) && Array.isArray(params[match[1]!])) {
      const ids = new Set(params[match[1]!] as unknown[])
      candidates = [...ids].flatMap((id) => (typeof id === 'string' ? (index.byId.get(id) ?? []) : [])).sort((a, b) => index.position.get(a)! - index.position.get(b)!)
    } else if ((match = /^slug\.current\s*==\s*\$(\w+)$/.exec(term)) && typeof params[match[1]!] === 'string') {
      candidates = index.bySlug.get(params[match[1]!] as string) ?? []
    }
    if (candidates && (!best || candidates.length < best.length)) best = candidates
  }
  return best
}

/** Query text without insignificant whitespace, for recognising a known query. */
const squash = (query: string) => query.replace(/\s+/g, ' ').trim()

/** The slug-uniqueness query of schemas/lib/validation.ts (`isSlugUniqueInType`). */
const SLUG_COUNT_QUERY = squash('count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])')

/** Lookups over a list of documents, in their order. */
export interface DatasetIndex {
  byId: Map<string, SanityDocumentLike[]>
  byType: Map<string, SanityDocumentLike[]>
  bySlug: Map<string, SanityDocumentLike[]>
  position: Map<SanityDocumentLike, number>
}

export function indexDataset(documents: readonly SanityDocumentLike[]): DatasetIndex {
  const index: DatasetIndex = { byId: new Map(), byType: new Map(), bySlug: new Map(), position: new Map() }
  const add = (map: Map<string, SanityDocumentLike[]>, key: unknown, doc: SanityDocumentLike) => {
    if (typeof key !== 'string') return
    const list = map.get(key)
    if (list) list.push(doc)
    else map.set(key, [doc])
  }
  documents.forEach((doc, i) => {
    index.position.set(doc, i)
    add(index.byId, doc._id, doc)
    add(index.byType, doc._type, doc)
    add(index.bySlug, (doc.slug as { current?: unknown } | undefined)?.current, doc)
  })
  return index
}

/**
 * A {@link ValidationClient} whose `fetch` evaluates GROQ with groq-js over `documents`:
 * params go to both `parse` and `evaluate` (groq-js ignores `$param` in some places
 * otherwise). Queries that can only match documents found by id, type or slug (slug
 * uniqueness, a figure group's figures) run over just those ({@link narrowDataset}), so
 * validating 10,000 documents does not scan 10,000 documents per slug.
 */
export function createValidationClient(documents: readonly SanityDocumentLike[], options: { narrow?: boolean } = {}): ValidationClient {
  return clientFromFetch(createDatasetFetch(documents, options))
}

/** GROQ over `documents`, answered the way {@link createValidationClient} answers it. */
type DatasetFetch = (query: string, params?: QueryParams) => Promise<unknown>

/** The `fetch` of {@link createValidationClient}, on its own (shared by per-document clients). */
function createDatasetFetch(documents: readonly SanityDocumentLike[], options: { narrow?: boolean } = {}): DatasetFetch {
  const narrow = options.narrow ?? true
  let index: DatasetIndex | undefined
  return async (query: string, params: QueryParams = {}): Promise<unknown> => {
    if (narrow && squash(query) === SLUG_COUNT_QUERY && typeof params.type === 'string' && typeof params.slug === 'string') {
      // The query every slug runs (schemas/lib/validation.ts isSlugUniqueInType), answered
      // from the index without parsing GROQ each time; a unit test compares it with groq-js.
      index ??= indexDataset(documents)
      return (index.bySlug.get(params.slug) ?? []).filter((d) => d._type === params.type && d._id !== params.draft && d._id !== params.published).length
    }
    const subset = narrow ? narrowDataset(query, params, (index ??= indexDataset(documents))) : undefined
    const tree = parse(query, { params })
    const result = await evaluate(tree, { dataset: subset ?? (documents as SanityDocumentLike[]), params })
    return result.get()
  }
}

/** A {@link ValidationClient} whose only working method is `fetch`. */
function clientFromFetch(fetch: DatasetFetch): ValidationClient {
  const unsupported = (what: string) => () => {
    throw new Error(`The offline validation client does not support ${what}; only fetch (GROQ over the local documents) is available.`)
  }
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) => `offline://data/${operation}${path ? `/${path}` : ''}`,
    observable: { fetch: unsupported('observable.fetch'), request: unsupported('observable.request') },
    withConfig: () => client,
    config: () => ({ apiVersion: '2025-02-19', projectId: 'offline', dataset: 'offline' }),
  }
  return client as unknown as ValidationClient
}

// ---------------------------------------------------------------------------------------
// Paths

type SanityPathSegment = string | number | { _key: string } | [number | '', number | '']

/**
 * A Sanity marker path as text: `['points', {_key: 'a'}, 'description', 'zhTW']` becomes
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

// ---------------------------------------------------------------------------------------
// Checks Sanity does not make on a dataset file

type PathSegment = string | number

/** A path kept as segments while walking, as text only when a problem is reported. */
function pathText(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  return out
}

/**
 * One walk over a document's fields: every `_ref` (for the reference check), and every
 * object inside an array without a `_key` or with one its array already used.
 */
function walkDocument(
  doc: SanityDocumentLike,
  onReference: (ref: string, path: () => string) => void,
  onKeyProblem: (field: string, code: string, message: string, hint: string) => void,
): void {
  const path: PathSegment[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      let seen: Map<string, number> | undefined
      for (let i = 0; i < value.length; i++) {
        const item = value[i]
        if (typeof item !== 'object' || item === null) continue
        path.push(i)
        if (!Array.isArray(item)) {
          const key = (item as Record<string, unknown>)._key
          if (typeof key !== 'string' || key.trim() === '') {
            const list = pathText(path.slice(0, -1))
            onKeyProblem(
              pathText(path),
              'array.missing-key',
              `This list item has no _key${key === undefined ? '' : ` (found ${JSON.stringify(key)})`}.`,
              `Give every item of "${list}" a unique _key string, e.g. "${exampleKey(list, i)}"; the Studio adds keys itself, hand-written NDJSON must too.`,
            )
          } else if ((seen ??= new Map()).has(key)) {
            const list = pathText(path.slice(0, -1))
            onKeyProblem(
              pathText(path),
              'array.duplicate-key',
              `This list item repeats the _key "${key}" of ${list}[${seen.get(key)}].`,
              `Give each item of "${list}" its own _key: change this one to another string, e.g. "${key}-${i}".`,
            )
          } else {
            seen.set(key, i)
          }
        }
        visit(item)
        path.pop()
      }
    } else if (typeof value === 'object' && value !== null) {
      const obj = value as Record<string, unknown>
      if (typeof obj._ref === 'string') {
        const at = path.slice()
        onReference(obj._ref, () => pathText(at))
      }
      for (const name in obj) {
        const child = obj[name]
        if (typeof child !== 'object' || child === null) continue
        path.push(name)
        visit(child)
        path.pop()
      }
    }
  }
  for (const name in doc) {
    const child = doc[name]
    if (typeof child !== 'object' || child === null) continue
    path.push(name)
    visit(child)
    path.pop()
  }
}

/** A readable example key for a hint (not random: hints should be stable). */
function exampleKey(path: string, index: number): string {
  const base = path.replace(/\[\d+\]/g, '').split('.').pop() || 'item'
  return `${base.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}${index + 1}`
}

// ---------------------------------------------------------------------------------------
// Sanity's markers as report entries

/** Built-in codes that only repeat what a schema's own (custom) message at the same place says better. */
const GENERIC_CODES = new Set(['value.required', 'slug.missing-current', 'value.type-mismatch'])

/** Whether path `a` is `b` or an ancestor of it (both as Sanity path arrays). */
function isPrefix(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length <= b.length && a.every((segment, i) => JSON.stringify(segment) === JSON.stringify(b[i]))
}

/**
 * Markers as Sanity returns them, minus repeats: a built-in "Required"/type marker where the
 * schema's own message covers the same field, reference markers (our own reference check
 * names the missing document), and exact duplicates.
 */
function usefulMarkers(markers: readonly DocumentValidationMarker[]): DocumentValidationMarker[] {
  const custom = markers.filter((m) => m.code === 'custom')
  const seen = new Set<string>()
  return markers.filter((marker) => {
    if (marker.code === 'reference.not-published') return false
    if (GENERIC_CODES.has(marker.code) && custom.some((c) => isPrefix(c.path, marker.path))) return false
    // e.g. an empty slug: "Slug must have a value" on `slug` says what "Required" on `slug.current` says.
    if (GENERIC_CODES.has(marker.code) && markers.some((m) => m !== marker && m.path.length < marker.path.length && GENERIC_CODES.has(m.code) && isPrefix(m.path, marker.path))) return false
    const id = `${JSON.stringify(marker.path)}\u0000${marker.message}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** A slug to suggest: from the English title-like field, else from the id. */
function exampleSlug(doc: SanityDocumentLike): string {
  for (const name of ['title', 'name', 'label', 'term']) {
    const en = (doc[name] as { en?: unknown } | undefined)?.en
    if (typeof en === 'string' && en.trim()) return slugify(en)
  }
  return slugify(doc._id.replace(new RegExp(`^${doc._type}[-.]`), ''))
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'my-slug'

/** The fix for a Sanity marker. */
function hintFor(marker: DocumentValidationMarker, doc: SanityDocumentLike, field: string, fieldsByType: ReadonlyMap<string, string[]>): string {
  const where = `field "${field || '(document)'}" of ${doc._type} "${doc._id}" (in the Studio, or in the dataset file)`
  const details = (marker as { details?: Record<string, unknown> }).details ?? {}
  switch (marker.code) {
    case 'slug.missing-current':
      return `Fill in the ${where} with a lowercase English slug, e.g. "${exampleSlug(doc)}".`
    case 'value.required':
      return `Fill in the ${where}.`
    case 'value.type-mismatch':
      return `Store a ${String(details.expectedType ?? 'value of the right type').toLowerCase()} in the ${where}, not a ${String(details.actualType ?? 'value of another type').toLowerCase()}${
        String(details.expectedType) === 'Number' ? ' (a JSON number such as 75, without quotes or units)' : ''
      }.`
    case 'object.unknown-field': {
      const fields = fieldsByType.get(doc._type)
      return `Remove the field or rename it to one the ${doc._type} schema has${fields ? ` (${fields.join(', ')})` : ''}; or add it to schemas/documents/${doc._type}.ts.`
    }
    case 'reference.invalid':
      return `Make the ${where} a reference: {"_type": "reference", "_ref": "<document id>"}.`
    case 'slug.not-unique':
      return `Choose another slug for the ${where}: another ${doc._type} already uses it.`
    case 'array.minimum-length':
    case 'array.maximum-length':
    case 'array.exact-length':
      return `Add or remove items in the ${where} as the message says.`
    case 'array.duplicate-item':
      return `Remove the repeated item from the ${where}.`
    case 'value.not-allowed':
      return `Use one of the values the schema lists for the ${where}.`
    default:
      if (marker.code.startsWith('string.url')) return `Use a full http:// or https:// address in the ${where}.`
      if (marker.message === 'Slug is already in use') return `Choose another slug for the ${where}: another ${doc._type} already uses it.`
      return `Correct the ${where} as the message says.`
  }
}

// ---------------------------------------------------------------------------------------
// Validation

/** Runs `work` over `items` with at most `limit` running at once; results keep the order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

const isSystemType = (type: string) => type.startsWith('sanity.') || type.startsWith('system.')

/** Sanity's markers for one document, with what its rules asked about the other documents. */
interface RuleResult {
  markers: DocumentValidationMarker[]
  deps: ValidationDep[]
  /** False when the result must not be reused (an exception, a query that failed, markers that are not JSON). */
  cacheable: boolean
}

/**
 * Sanity's markers for each of `documents`, with, per document, every query its rules ran
 * through the client and every referenced id whose existence Sanity checked, with their
 * answers (`fetch` and `exists` see the whole dataset): each document gets
 * its own client, so concurrent validations do not mix their records. Queries get their
 * params as JSON (as a real client sends them), so the recorded query, re-run later, is
 * exactly the one the rules saw. Markers are returned as JSON too, so a result read back
 * from the cache is identical to a fresh one.
 */
async function validateWithDeps(
  documents: readonly SanityDocumentLike[],
  exists: (id: string) => boolean,
  fetch: DatasetFetch,
  concurrency: number,
): Promise<RuleResult[]> {
  if (documents.length === 0) return []
  const validator = await loadValidator()
  return mapLimit(documents, concurrency, async (document) => {
    const deps = new Map<string, ValidationDep>()
    let cacheable = true
    const client = clientFromFetch(async (query: string, params: QueryParams = {}) => {
      let sent: QueryParams
      try {
        sent = JSON.parse(JSON.stringify(params ?? {})) as QueryParams
      } catch {
        cacheable = false
        return fetch(query, params)
      }
      let result: unknown
      try {
        result = await fetch(query, sent)
      } catch (error) {
        cacheable = false
        throw error
      }
      try {
        deps.set(queryId(query, sent), { query, params: sent, resultHash: hashJson(result) })
      } catch {
        cacheable = false
      }
      return result
    })
    const getDocumentExists = async ({ id }: { id: string }) => {
      const result = exists(id)
      deps.set(`e\u0000${id}`, { exists: id, result })
      return result
    }
    let markers: DocumentValidationMarker[]
    try {
      const result = await validator.validateDocument({
        document: document as unknown as Parameters<typeof ValidateDocument>[0]['document'],
        schema: validator.schema,
        client,
        getDocumentExists,
      })
      markers = result.markers
    } catch (error) {
      return {
        markers: [
          { code: 'validation.exception', level: 'error', path: [], message: `Validation failed with an exception: ${(error as Error).message}` },
        ] as DocumentValidationMarker[],
        deps: [],
        cacheable: false,
      }
    }
    try {
      markers = JSON.parse(JSON.stringify(markers)) as DocumentValidationMarker[]
    } catch {
      cacheable = false
    }
    return { markers, deps: [...deps.values()], cacheable }
  })
}

// ---------------------------------------------------------------------------------------
// The validation cache: Sanity's rule results per document, reused while nothing they
// depend on has changed

/**
 * Something a document's rules depended on besides the document itself: a query its rules
 * ran through the client (with a hash of the answer), or whether a referenced id exists.
 */
type ValidationDep = { query: string; params: QueryParams; resultHash: string } | { exists: string; result: boolean }

/** One document's rule results, as stored. */
interface ValidationCacheEntry {
  /** sha256 of the document as canonical JSON (keys sorted). */
  docHash: string
  deps: ValidationDep[]
  /** Sanity's markers (before {@link usefulMarkers}), as JSON. */
  markers: DocumentValidationMarker[]
}

/** Where the cache is and what its key includes, beyond the defaults. */
export interface ValidationCacheOptions {
  /** The folder of `validation.json`. Default: `VALIDATION_CACHE_DIR`, else `node_modules/.cache/six-core`. */
  dir?: string
  /** Added to the global key (a different key ignores the whole cache); for tests. */
  keyExtra?: string
}

interface CacheFile {
  /** {@link validationCacheKey}: the cache format, the rules' code and package versions. */
  key: string
  entries: ({ id: string } & ValidationCacheEntry)[]
}

/** Bumped when the stored format or what an entry means changes (part of the key). */
const CACHE_FORMAT = 1

/** The project root (this file is src/content/validate.ts). */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Packages whose code decides the markers (the validator, its schema compiler, its GROQ engine). */
const CACHE_PACKAGES = ['@sanity/validation', '@sanity/schema', '@sanity/types', '@sanity/util', 'groq-js', 'i18next'] as const

/**
 * The cache file for `options` and the environment, or undefined when the cache is off
 * (`options === false`, or `VALIDATION_CACHE=0`/`false`/`off`/`no`).
 */
export function validationCacheSettings(
  options: boolean | ValidationCacheOptions = true,
  env: Record<string, string | undefined> = process.env,
): { file: string; keyExtra: string } | undefined {
  if (options === false) return undefined
  const custom = typeof options === 'object' ? options : {}
  const dir = buildCacheDir('VALIDATION', custom.dir ? { ...env, VALIDATION_CACHE_DIR: resolve(custom.dir) } : env, projectRoot)
  return dir ? { file: join(dir, 'validation.json'), keyExtra: custom.keyExtra ?? '' } : undefined
}

/** A value as JSON with object keys sorted (undefined members left out, as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? 'null'
}

/** What identifies a query a rule ran: its text and its params, as canonical JSON. */
const queryId = (query: string, params: QueryParams) => `${query}\u0000${canonicalJson(params)}`

const hashJson = (value: unknown) => sha256(canonicalJson(value))

/** The installed version of a package (from its package.json), or a marker that it was not found. */
async function installedVersion(name: string, root: string): Promise<string> {
  const candidates: string[] = []
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`))
  } catch {
    // Not exported: read it from node_modules.
  }
  candidates.push(join(root, 'node_modules', name, 'package.json'))
  for (const file of candidates) {
    try {
      const json = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown }
      return `${name}@${String(json.version)}`
    } catch {
      // try the next
    }
  }
  return `${name}@missing`
}

/**
 * A hash of what the rules are made of: the cache format, every file under `schemas/`
 * (sorted paths and contents), this file, and the versions of the packages that evaluate
 * the rules, as installed under `root`.
 */
export async function computeBaseKey(root = projectRoot): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`validation cache ${CACHE_FORMAT}\u0000`)
  const files = (await readdir(join(root, 'schemas'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
  files.push('src/content/validate.ts')
  files.sort()
  for (const file of files) {
    hash.update(`${file}\u0000`)
    hash.update(await readFile(join(root, file)))
    hash.update('\u0000')
  }
  for (const name of CACHE_PACKAGES) hash.update(`${await installedVersion(name, root)}\u0000`)
  return hash.digest('hex')
}

let baseKeyPromise: Promise<string | undefined> | undefined

/**
 * The key every entry of the cache file shares: {@link computeBaseKey} plus `extra`, computed
 * once per process, after the schema modules (the rules' code) are loaded. When it cannot be
 * read there is no key: the cache is neither read nor written.
 */
export async function validationCacheKey(extra = ''): Promise<string | undefined> {
  baseKeyPromise ??= (async () => {
    await import('../../schemas/index.ts')
    return computeBaseKey()
  })()
  const base = await baseKeyPromise.catch(() => undefined)
  if (base === undefined) {
    baseKeyPromise = undefined
    return undefined
  }
  return sha256(`${base}\u0000${extra}`)
}

function isCacheEntry(value: unknown): value is { id: string } & ValidationCacheEntry {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.docHash !== 'string') return false
  if (!Array.isArray(value.deps) || !Array.isArray(value.markers)) return false
  const depOk = (dep: unknown) =>
    isObject(dep) &&
    ((typeof dep.query === 'string' && isObject(dep.params) && typeof dep.resultHash === 'string') || (typeof dep.exists === 'string' && typeof dep.result === 'boolean'))
  const markerOk = (marker: unknown) =>
    isObject(marker) && typeof marker.message === 'string' && typeof marker.code === 'string' && typeof marker.level === 'string' && Array.isArray(marker.path)
  return value.deps.every(depOk) && value.markers.every(markerOk)
}

/** The stored entries by document id; empty when the file is missing, unreadable, corrupt, or has another key. */
async function readCache(file: string, key: string): Promise<Map<string, ValidationCacheEntry>> {
  const entries = new Map<string, ValidationCacheEntry>()
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return entries
  }
  if (!isObject(data) || data.key !== key || !Array.isArray(data.entries)) return entries
  for (const entry of data.entries) {
    if (isCacheEntry(entry)) {
      entries.set(entry.id, { docHash: entry.docHash, deps: entry.deps, markers: entry.markers })
    }
  }
  return entries
}

/** Writes the cache whole or not at all; a failure only loses the cache. */
function writeCache(file: string, key: string, entries: Map<string, ValidationCacheEntry>): void {
  const data: CacheFile = { key, entries: [...entries].map(([id, entry]) => ({ id, ...entry })) }
  try {
    writeFileAtomic(file, JSON.stringify(data))
  } catch {
    // A read-only checkout or a full disk: the next build validates again.
  }
}

/**
 * Whether a stored entry still holds for a document: the same document, and every query its
 * rules ran gives the same answer over the current documents (and every id it checked
 * still does or does not exist). `answers` remembers re-run queries within one validation.
 */
async function entryHolds(
  entry: ValidationCacheEntry,
  docHash: string,
  exists: (id: string) => boolean,
  fetch: DatasetFetch,
  answers: Map<string, Promise<string | undefined>>,
): Promise<boolean> {
  if (entry.docHash !== docHash) return false
  for (const dep of entry.deps) {
    if ('exists' in dep) {
      if (exists(dep.exists) !== dep.result) return false
      continue
    }
    const id = queryId(dep.query, dep.params)
    let answer = answers.get(id)
    if (!answer) {
      answer = fetch(dep.query, dep.params).then(hashJson, () => undefined)
      answers.set(id, answer)
    }
    const hash = await answer
    if (hash === undefined || hash !== dep.resultHash) return false
  }
  return true
}

/**
 * Validates every document with Sanity's own rules from `schemas/` and the dataset checks
 * (duplicate ids, unknown types, references, `_key`s, singletons). Never throws for bad
 * content: every problem goes into the report.
 */
export async function validateDocuments(documents: readonly SanityDocumentLike[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now()
  const { singletons, documentTypes, schemaTypes } = await import('../../schemas/index.ts')
  const strictI18n = options.strictI18n ?? strictI18nFromEnv()
  const errors: ContentIssue[] = []
  const missingTranslations: ContentIssue[] = []
  const warnings: ContentIssue[] = []
  const knownTypes = new Set<string>(documentTypes)
  /** Field names per document type, for hints about unknown fields (as declared in schemas/). */
  const fieldsByType = new Map(
    schemaTypes.filter((type) => knownTypes.has(type.name)).map((type) => [type.name, ('fields' in type ? type.fields : []).map((f: { name: string }) => f.name)]),
  )

  // Index by id; find documents without an id or type and duplicate ids.
  const byId = new Map<string, SanityDocumentLike>()
  const duplicates = new Map<string, number>()
  const counts: Record<string, number> = {}
  const valid: SanityDocumentLike[] = []
  documents.forEach((doc, index) => {
    if (!isObject(doc) || typeof doc._id !== 'string' || doc._id === '') {
      errors.push({
        documentId: '',
        documentType: isObject(doc) && typeof doc._type === 'string' ? doc._type : '',
        field: '_id',
        code: 'document.missing-id',
        message: `Document number ${index + 1} has no _id.`,
        hint: 'Give every document a unique string _id, e.g. "industry-cybersecurity".',
      })
      return
    }
    if (typeof doc._type !== 'string' || doc._type === '') {
      errors.push({
        documentId: doc._id,
        documentType: '',
        field: '_type',
        code: 'document.missing-type',
        message: 'The document has no _type.',
        hint: `Set _type to one of the document types in schemas/: ${documentTypes.join(', ')}.`,
      })
      return
    }
    counts[doc._type] = (counts[doc._type] ?? 0) + 1
    if (byId.has(doc._id)) {
      duplicates.set(doc._id, (duplicates.get(doc._id) ?? 1) + 1)
      return
    }
    byId.set(doc._id, doc)
    valid.push(doc)
  })
  for (const [id, times] of duplicates) {
    const first = byId.get(id)!
    errors.push({
      documentId: id,
      documentType: first._type,
      field: '_id',
      code: 'document.duplicate-id',
      message: `The _id "${id}" is used by ${times} documents; an id must be unique, so all but the first would be lost.`,
      hint: `Give each of the ${times} documents its own _id (e.g. "${id}-2"), or delete the copies.`,
    })
  }

  // Unknown types and misplaced singletons.
  const toValidate: SanityDocumentLike[] = []
  for (const doc of valid) {
    if (knownTypes.has(doc._type)) {
      toValidate.push(doc)
      if (doc._type in singletons && doc._id !== singletons[doc._type as keyof typeof singletons]) {
        errors.push({
          documentId: doc._id,
          documentType: doc._type,
          field: '_id',
          code: 'document.singleton-id',
          message: `A ${doc._type} document must have the fixed _id "${singletons[doc._type as keyof typeof singletons]}"; there is only one, and the site reads it by that id.`,
          hint: `Change the _id to "${singletons[doc._type as keyof typeof singletons]}" (or merge this document into the one that has it).`,
        })
      }
    } else if (!isSystemType(doc._type)) {
      errors.push({
        documentId: doc._id,
        documentType: doc._type,
        field: '_type',
        code: 'document.unknown-type',
        message: `The type "${doc._type}" is not a document type of the schema.`,
        hint: `Use one of the document types in schemas/ (${documentTypes.join(', ')}), or remove the document.`,
      })
    }
  }
  for (const [type, id] of Object.entries(singletons)) {
    if (!byId.has(id) || byId.get(id)!._type !== type) {
      errors.push({
        documentId: id,
        documentType: type,
        field: '',
        code: 'document.singleton-missing',
        message: `There is no ${type} document with the _id "${id}"; the site needs exactly one.`,
        hint: `Create the ${type} document on the _id "${id}" (the Studio's ${type} item does), or restore it in content/dataset.ndjson.`,
      })
    }
  }

  // One walk per document: references (checked below, once every id is known) and _keys.
  const references = new Map<SanityDocumentLike, { ref: string; path: () => string }[]>()
  const unresolved = new Set<string>()
  for (const doc of valid) {
    const refs: { ref: string; path: () => string }[] = []
    walkDocument(
      doc,
      (ref, path) => {
        refs.push({ ref, path })
        if (!byId.has(ref)) unresolved.add(ref)
      },
      (field, code, message, hint) => errors.push({ documentId: doc._id, documentType: doc._type, field, code, message, hint }),
    )
    if (refs.length > 0) references.set(doc, refs)
  }

  // References: every _ref anywhere must name an existing document.
  const found = new Set<string>()
  if (unresolved.size > 0 && options.lookupIds) {
    for (const id of await options.lookupIds([...unresolved].sort())) found.add(id)
  }
  for (const [doc, refs] of references) {
    for (const r of refs) {
      if (byId.has(r.ref) || found.has(r.ref)) continue
      const field = r.path()
      errors.push({
        documentId: doc._id,
        documentType: doc._type,
        field,
        code: 'reference.missing',
        message: `"${doc._id}" field "${field}" refers to "${r.ref}", which does not exist${r.ref.startsWith('drafts.') ? ' (a draft id: references point at published ids)' : ''}.`,
        hint: `Point the reference at an existing document (check "${r.ref}" for a typo), add a document with the _id "${r.ref}", or remove the reference.`,
      })
    }
  }

  // Sanity's own rules, custom ones included, with bounded concurrency. (Worker threads were
  // tried: each must load Sanity's validation packages again, and on a 2-core machine 2 threads were slower.)
  // A document's result comes from the cache when the document and the answers to every
  // query its rules ran (and every existence check) are unchanged; else its rules run.
  const ids = new Set<string>(found)
  for (const doc of valid) ids.add(doc._id)
  const exists = (id: string) => ids.has(id)
  const fetch = createDatasetFetch(valid)
  const results = new Array<DocumentValidationMarker[] | undefined>(toValidate.length)
  const settings = validationCacheSettings(options.cache ?? true)
  const cacheKey = settings ? await validationCacheKey(settings.keyExtra) : undefined
  let stored = new Map<string, ValidationCacheEntry>()
  const kept = new Map<string, ValidationCacheEntry>()
  const docHashes: string[] = []
  if (settings && cacheKey) {
    stored = await readCache(settings.file, cacheKey)
    const answers = new Map<string, Promise<string | undefined>>()
    for (let i = 0; i < toValidate.length; i++) {
      const doc = toValidate[i]!
      docHashes[i] = hashJson(doc)
      const entry = stored.get(doc._id)
      if (entry && (await entryHolds(entry, docHashes[i]!, exists, fetch, answers))) {
        results[i] = entry.markers
        kept.set(doc._id, entry)
      }
    }
  }
  const pending = toValidate.flatMap((_, i) => (results[i] === undefined ? [i] : []))
  const fresh = await validateWithDeps(
    pending.map((i) => toValidate[i]!),
    exists,
    fetch,
    options.concurrency ?? 8,
  )
  pending.forEach((i, j) => {
    const result = fresh[j]!
    results[i] = result.markers
    if (cacheKey && result.cacheable) kept.set(toValidate[i]!._id, { docHash: docHashes[i]!, deps: result.deps, markers: result.markers })
  })
  // Written when something changed: a document validated anew, or a stored one gone.
  if (settings && cacheKey && (pending.length > 0 || kept.size !== stored.size)) writeCache(settings.file, cacheKey, kept)
  toValidate.forEach((doc, i) => {
    for (const marker of usefulMarkers(results[i]!)) {
      const field = formatPath(marker.path as SanityPathSegment[], doc)
      const base = { documentId: doc._id, documentType: doc._type, field, code: marker.code, message: marker.message }
      if (marker.message.startsWith(MISSING_TRANSLATION)) {
        const last = marker.path[marker.path.length - 1]
        const locale = typeof last === 'string' && (localeIds as string[]).includes(last) ? getLocale(last) : locales.find((l) => marker.message.includes(`(${l.tag})`))
        const fieldName = formatPath(marker.path.slice(0, -1) as SanityPathSegment[], doc)
        missingTranslations.push({
          ...base,
          locale: locale?.tag,
          hint: `Add the ${locale?.title ?? 'missing'} text of "${fieldName}" in ${doc._type} "${doc._id}" (the ${locale?.id ?? '?'} field; the other language already has it).`,
        })
      } else if (marker.code === 'object.unknown-field') {
        warnings.push({ ...base, hint: hintFor(marker, doc, field, fieldsByType) })
      } else {
        // Every other marker fails the build, whatever its level: in the CLI environment
        // Sanity adds an unknown-field rule with `.warning()` to object-typed fields, which
        // turns the schema's own errors there (slug, localized fields) into warnings. The
        // schema declares no warnings of its own (a unit test keeps it that way).
        errors.push({ ...base, hint: hintFor(marker, doc, field, fieldsByType) })
      }
    }
  })

  const order = (a: ContentIssue, b: ContentIssue) =>
    a.documentId.localeCompare(b.documentId) || a.field.localeCompare(b.field, 'en', { numeric: true }) || a.message.localeCompare(b.message)
  errors.sort(order)
  missingTranslations.sort(order)
  warnings.sort(order)
  return {
    source: options.source ?? 'documents',
    documents: documents.length,
    counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
    errors,
    missingTranslations,
    warnings,
    strictI18n,
    ok: errors.length === 0 && !(strictI18n && missingTranslations.length > 0),
    durationMs: performance.now() - started,
    cache: { reused: toValidate.length - pending.length, validated: pending.length },
  }
}

/**
 * The checks the page loader makes, run once per locale before any page is rendered, so a
 * problem the loader would throw on during rendering is reported here instead.
 */
export function checkSiteViews(content: SiteContent): ContentIssue[] {
  const issues: ContentIssue[] = []
  for (const locale of locales) {
    try {
      buildSiteView(content, locale.id as LocaleId)
    } catch (error) {
      const message = (error as Error).message
      const [text, hint] = message.split(/ Hint: /)
      const id = /Document "([^"]+)"/.exec(message)?.[1] ?? ''
      const field = /field "([^"]+)"/.exec(message)?.[1] ?? ''
      issues.push({ documentId: id, documentType: '', field, code: 'view.invalid', message: `${text} (building the ${locale.tag} pages)`, hint: hint ?? 'Fix the content the message names.' })
    }
  }
  // The same problem in both locales is one problem.
  return issues.filter((issue, i) => issues.findIndex((other) => other.documentId === issue.documentId && other.field === issue.field) === i)
}

/** Turns an error thrown while loading content (e.g. a malformed NDJSON line) into a report entry. */
export function issueFromLoadError(error: unknown): ContentIssue {
  const message = error instanceof Error ? error.message : String(error)
  const location = /^(.+?):(\d+): /.exec(message)
  const [text, hint] = message.split(/ Hint: /)
  return {
    documentId: '',
    documentType: '',
    field: '',
    code: location ? 'file.malformed' : 'content.load-failed',
    message: text!,
    hint: hint ?? 'Fix the content source the message names; no page was built.',
    ...(location ? { file: location[1], line: Number(location[2]) } : {}),
  }
}

/** A report for content that could not be read at all. */
export function failedReport(source: string, issue: ContentIssue, strictI18n = strictI18nFromEnv()): ValidationReport {
  return { source, documents: 0, counts: {}, errors: [issue], missingTranslations: [], warnings: [], strictI18n, ok: false, durationMs: 0 }
}

// ---------------------------------------------------------------------------------------
// Printing

function describeIssue(issue: ContentIssue): string {
  const where = issue.file
    ? `${issue.file}${issue.line ? `:${issue.line}` : ''}`
    : issue.documentId
      ? `${issue.documentId}${issue.documentType ? ` (${issue.documentType})` : ''}${issue.field ? ` · ${issue.field}` : ''}`
      : issue.field || '(content)'
  return `  ✗ ${where}\n      ${issue.message}\n      Fix: ${issue.hint}`
}

/** The report as readable text: errors, then missing translations, then warnings, then a summary. */
export function formatReport(report: ValidationReport): string {
  const lines: string[] = []
  if (report.errors.length > 0) {
    lines.push(`Content errors (${report.errors.length}):`)
    for (const issue of report.errors) lines.push(describeIssue(issue))
  }
  if (report.missingTranslations.length > 0) {
    lines.push(`Missing translations (${report.missingTranslations.length})${report.strictI18n ? ' — fatal with STRICT_I18N=1' : ' — warnings; STRICT_I18N=1 makes them fatal'}:`)
    for (const issue of report.missingTranslations) {
      lines.push(`  ${report.strictI18n ? '✗' : '!'} ${issue.documentId} (${issue.documentType}) · ${issue.field} · missing ${issue.locale ?? '?'}\n      Fix: ${issue.hint}`)
    }
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`)
    for (const issue of report.warnings) lines.push(describeIssue(issue).replace('  ✗', '  !'))
  }
  const rules = report.cache && report.cache.reused > 0 ? ` (rules: ${report.cache.reused.toLocaleString('en-US')} from cache, ${report.cache.validated.toLocaleString('en-US')} checked)` : ''
  const summary = `${report.documents} documents from ${report.source}: ${report.errors.length} error(s), ${report.missingTranslations.length} missing translation(s), ${report.warnings.length} warning(s)${rules}`
  lines.push(report.ok ? `✓ ${summary}.` : `✗ ${summary}.`)
  return lines.join('\n')
}
