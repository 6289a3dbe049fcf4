/**
 * The checks Sanity does not make on a dataset file: every document has an id and a type,
 * ids are unique, types are the schema's, singletons sit on their fixed ids, every `_ref`
 * names a document that exists, and every object in a list has its own `_key`. The Studio
 * guarantees all of this; a hand-edited NDJSON file or an import does not.
 */
import type { ContentIssue } from '../content-error.ts'
import type { SanityDocumentLike } from '../source/index.ts'

/** What the checks need to know about the schema. */
export interface SchemaFacts {
  documentTypes: readonly string[]
  /** Singleton type → its fixed `_id`. */
  singletons: Readonly<Record<string, string>>
  /** Singleton types that may be missing (the site then leaves their page out). */
  optionalSingletonTypes?: ReadonlySet<string>
}

/** Looks up ids outside the validated set (e.g. image assets in the Content Lake): the ones that exist. */
export type LookupIds = (ids: string[]) => Promise<Iterable<string>>

export interface StructureResult {
  errors: ContentIssue[]
  /** Documents per type (every document with an id and a type, copies included). */
  counts: Record<string, number>
  /** Documents with an id and a type, the first of each id: what the rules' queries see. */
  valid: SanityDocumentLike[]
  /** Those of a schema type: the documents Sanity's rules validate. */
  toValidate: SanityDocumentLike[]
  /** Every id that exists: the valid documents' and the ones found outside the set. */
  existingIds: Set<string>
}

export async function checkStructure(documents: readonly unknown[], schema: SchemaFacts, lookupIds?: LookupIds): Promise<StructureResult> {
  const ids = checkIds(documents, schema)
  const types = checkTypes(ids.valid, ids.byId, schema)
  const refs = await checkReferences(ids.valid, ids.byId, lookupIds)
  const existingIds = new Set([...ids.byId.keys(), ...refs.found])
  return { errors: [...ids.errors, ...types.errors, ...refs.errors], counts: ids.counts, valid: ids.valid, toValidate: types.toValidate, existingIds }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const isSystemType = (type: string) => type.startsWith('sanity.') || type.startsWith('system.')

function issue(doc: { _id: string; _type: string }, field: string, code: string, message: string, hint: string): ContentIssue {
  return { documentId: doc._id, documentType: doc._type, field, code, message, hint }
}

/** Documents without an id or a type, and ids used more than once (all but the first are left out). */
function checkIds(documents: readonly unknown[], schema: SchemaFacts) {
  const errors: ContentIssue[] = []
  const byId = new Map<string, SanityDocumentLike>()
  const copies = new Map<string, number>()
  const counts: Record<string, number> = {}
  const valid: SanityDocumentLike[] = []
  documents.forEach((doc, index) => {
    if (!isObject(doc) || typeof doc._id !== 'string' || doc._id === '') {
      const type = isObject(doc) && typeof doc._type === 'string' ? doc._type : ''
      errors.push(
        issue(
          { _id: '', _type: type },
          '_id',
          'document.missing-id',
          `Document number ${index + 1} has no _id.`,
          'Give every document a unique string _id, e.g. "industry-cybersecurity".',
        ),
      )
    } else if (typeof doc._type !== 'string' || doc._type === '') {
      const hint = `Set _type to one of the document types in schemas/: ${schema.documentTypes.join(', ')}.`
      errors.push(issue({ _id: doc._id, _type: '' }, '_type', 'document.missing-type', 'The document has no _type.', hint))
    } else {
      counts[doc._type] = (counts[doc._type] ?? 0) + 1
      if (byId.has(doc._id)) {
        copies.set(doc._id, (copies.get(doc._id) ?? 1) + 1)
      } else {
        byId.set(doc._id, doc as SanityDocumentLike)
        valid.push(doc as SanityDocumentLike)
      }
    }
  })
  for (const [id, times] of copies) {
    errors.push(
      issue(
        byId.get(id)!,
        '_id',
        'document.duplicate-id',
        `The _id "${id}" is used by ${times} documents; an id must be unique, so all but the first would be lost.`,
        `Give each of the ${times} documents its own _id (e.g. "${id}-2"), or delete the copies.`,
      ),
    )
  }
  return { errors, byId, counts, valid }
}

/** Unknown types, singletons on another id, and required singletons missing. */
function checkTypes(valid: readonly SanityDocumentLike[], byId: ReadonlyMap<string, SanityDocumentLike>, schema: SchemaFacts) {
  const errors: ContentIssue[] = []
  const known = new Set(schema.documentTypes)
  const list = schema.documentTypes.join(', ')
  for (const doc of valid) {
    const fixedId = schema.singletons[doc._type]
    if (!known.has(doc._type)) {
      if (isSystemType(doc._type)) continue
      const hint = `Use one of the document types in schemas/ (${list}), or remove the document.`
      errors.push(issue(doc, '_type', 'document.unknown-type', `The type "${doc._type}" is not a document type of the schema.`, hint))
    } else if (fixedId !== undefined && doc._id !== fixedId) {
      errors.push(
        issue(
          doc,
          '_id',
          'document.singleton-id',
          `A ${doc._type} document must have the fixed _id "${fixedId}"; there is only one, and the site reads it by that id.`,
          `Change the _id to "${fixedId}" (or merge this document into the one that has it).`,
        ),
      )
    }
  }
  for (const [type, id] of Object.entries(schema.singletons)) {
    if (byId.get(id)?._type === type || schema.optionalSingletonTypes?.has(type)) continue
    errors.push(
      issue(
        { _id: id, _type: type },
        '',
        'document.singleton-missing',
        `There is no ${type} document with the _id "${id}"; the site needs exactly one.`,
        `Create the ${type} document on the _id "${id}" (the Studio's ${type} item does), or restore it in content/dataset.ndjson.`,
      ),
    )
  }
  return { errors, toValidate: valid.filter((doc) => known.has(doc._type)) }
}

/**
 * `_key` problems, and every `_ref` checked once all ids are known: ids outside the set are
 * asked of `lookupIds` in one call, before they count as missing.
 */
async function checkReferences(valid: readonly SanityDocumentLike[], byId: ReadonlyMap<string, SanityDocumentLike>, lookupIds?: LookupIds) {
  const errors: ContentIssue[] = []
  const references: { doc: SanityDocumentLike; ref: Reference }[] = []
  for (const doc of valid) {
    walkDocument(doc, {
      reference: (ref) => references.push({ doc, ref }),
      keyProblem: (field, code, message, hint) => errors.push(issue(doc, field, code, message, hint)),
    })
  }
  const unresolved = [...new Set(references.map(({ ref }) => ref.id).filter((id) => !byId.has(id)))].sort()
  const found = new Set(unresolved.length > 0 && lookupIds ? await lookupIds(unresolved) : [])
  for (const { doc, ref } of references) {
    if (byId.has(ref.id) || found.has(ref.id)) continue
    errors.push(danglingReference(doc, ref.path(), ref.id))
  }
  return { errors, found }
}

function danglingReference(doc: SanityDocumentLike, field: string, id: string): ContentIssue {
  const draft = id.startsWith('drafts.') ? ' (a draft id: references point at published ids)' : ''
  return issue(
    doc,
    field,
    'reference.missing',
    `"${doc._id}" field "${field}" refers to "${id}", which does not exist${draft}.`,
    `Point the reference at an existing document (check "${id}" for a typo), add a document with the _id "${id}", or remove the reference.`,
  )
}

type PathSegment = string | number

/** A reference found in a document; its path becomes text only if it is reported. */
interface Reference {
  id: string
  path: () => string
}

interface WalkReport {
  reference(ref: Reference): void
  keyProblem(field: string, code: string, message: string, hint: string): void
}

/** A path kept as segments while walking, as text (`points[1].title`) when a problem is reported. */
function pathText(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  return out
}

/** One walk over a document's fields for both checks, so large documents are read once. */
function walkDocument(doc: SanityDocumentLike, report: WalkReport): void {
  const path: PathSegment[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      const seen = new Map<string, number>()
      value.forEach((item, i) => {
        if (typeof item !== 'object' || item === null) return
        path.push(i)
        if (!Array.isArray(item)) checkKey(item as Record<string, unknown>, path, seen, report)
        visit(item)
        path.pop()
      })
      return
    }
    const obj = value as Record<string, unknown>
    if (typeof obj._ref === 'string') {
      const at = path.slice()
      report.reference({ id: obj._ref, path: () => pathText(at) })
    }
    visitFields(obj, path, visit)
  }
  visitFields(doc, path, visit)
}

/** Visits every field of `obj` that holds an object or a list, with its name on `path`. */
function visitFields(obj: Record<string, unknown>, path: PathSegment[], visit: (value: unknown) => void): void {
  for (const name in obj) {
    const child = obj[name]
    if (typeof child !== 'object' || child === null) continue
    path.push(name)
    visit(child)
    path.pop()
  }
}

/** The `_key` of the list item at `path` (its index last), against the keys its list already used. */
function checkKey(item: Record<string, unknown>, path: readonly PathSegment[], seen: Map<string, number>, report: WalkReport): void {
  const key = item._key
  const i = path[path.length - 1] as number
  const list = pathText(path.slice(0, -1))
  if (typeof key !== 'string' || key.trim() === '') {
    report.keyProblem(
      pathText(path),
      'array.missing-key',
      `This list item has no _key${key === undefined ? '' : ` (found ${JSON.stringify(key)})`}.`,
      `Give every item of "${list}" a unique _key string, e.g. "${exampleKey(list, i)}"; the Studio adds keys itself, hand-written NDJSON must too.`,
    )
  } else if (seen.has(key)) {
    report.keyProblem(
      pathText(path),
      'array.duplicate-key',
      `This list item repeats the _key "${key}" of ${list}[${seen.get(key)}].`,
      `Give each item of "${list}" its own _key: change this one to another string, e.g. "${key}-${i}".`,
    )
  } else {
    seen.set(key, i)
  }
}

/** A readable example key for a hint (not random: hints should be stable). */
function exampleKey(path: string, index: number): string {
  const base =
    path
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() || 'item'
  return `${base.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}${index + 1}`
}
