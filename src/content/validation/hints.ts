/**
 * Sanity's markers as report entries: repeats dropped, paths as people read them
 * (`points[1].description.zhTW`), missing translations apart, and for each marker a fix
 * that names the field and the document.
 */
import { locales } from '../../../schemas/locales.ts'
import { HTTPS_URL_MESSAGE, MISSING_TRANSLATION, SOURCE_URL_REQUIRED_MESSAGE, STALE_TRANSLATION } from '../../../schemas/lib/validation.ts'
import { formatPath, type SanityPathSegment } from '../../../schemas/lib/paths.ts'
import type { ContentIssue } from '../content-error.ts'
import type { SanityDocumentLike } from '../source/index.ts'
import type { Findings } from './report.ts'
import type { DocumentValidationMarker } from './sanity-adapter.ts'
import { staleTranslation } from './stale.ts'

export { formatPath }

/** Field names per document type, for the hint about an unknown field. */
export type FieldsByType = ReadonlyMap<string, readonly string[]>

/** The field names of each document type as declared in schemas/ (no schema compile needed when the cache answers). */
export function fieldsByType(schemaTypes: readonly { name: string }[], documentTypes: readonly string[]): FieldsByType {
  const known = new Set(documentTypes)
  const fieldsOf = (type: { name: string }) => ('fields' in type ? (type.fields as { name: string }[]) : []).map((f) => f.name)
  return new Map(schemaTypes.filter((type) => known.has(type.name)).map((type) => [type.name, fieldsOf(type)]))
}

/** Built-in codes that only repeat what a schema's own (custom) message at the same place says better. */
const GENERIC_CODES = new Set(['value.required', 'slug.missing-current', 'value.type-mismatch'])

/** Built-in URL checks (`string.url.*`, from the `url` type) repeat a custom rule's message about the address. */
const isGeneric = (code: string) => GENERIC_CODES.has(code) || code.startsWith('string.url')

/** Whether path `a` is `b` or an ancestor of it (both as Sanity path arrays). */
function isPrefix(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length <= b.length && a.every((segment, i) => JSON.stringify(segment) === JSON.stringify(b[i]))
}

/**
 * Markers as Sanity returns them, minus repeats: a built-in "Required"/type marker where the
 * schema's own message covers the same field, reference markers (the structural check names
 * the missing document), and exact duplicates.
 */
export function usefulMarkers(markers: readonly DocumentValidationMarker[]): DocumentValidationMarker[] {
  const custom = markers.filter((m) => m.code === 'custom')
  const seen = new Set<string>()
  return markers.filter((marker) => {
    if (marker.code === 'reference.not-published') return false
    if (isGeneric(marker.code) && custom.some((c) => isPrefix(c.path, marker.path))) return false
    // e.g. an empty slug: "Slug must have a value" on `slug` says what "Required" on `slug.current` says.
    if (GENERIC_CODES.has(marker.code) && markers.some((m) => m !== marker && m.path.length < marker.path.length && GENERIC_CODES.has(m.code) && isPrefix(m.path, marker.path)))
      return false
    const id = `${JSON.stringify(marker.path)}\u0000${marker.message}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'my-slug'

/** A slug to suggest: from the English title-like field, else from the id. */
export function exampleSlug(doc: SanityDocumentLike): string {
  for (const name of ['title', 'name', 'label', 'term']) {
    const en = (doc[name] as { en?: unknown } | undefined)?.en
    if (typeof en === 'string' && en.trim()) return slugify(en)
  }
  return slugify(doc._id.replace(new RegExp(`^${doc._type}[-.]`), ''))
}

/** The fix for a Sanity marker on `field` of `doc`. */
export function hintFor(marker: DocumentValidationMarker, doc: SanityDocumentLike, field: string, fields: FieldsByType): string {
  const where = `field "${field || '(document)'}" of ${doc._type} "${doc._id}" (in the Studio, or in the dataset file)`
  if (marker.message === SOURCE_URL_REQUIRED_MESSAGE || marker.message === HTTPS_URL_MESSAGE) {
    return `Enter the full https:// address of the page the source is on in the ${where}, e.g. "https://udn.com/news/story/…".`
  }
  switch (marker.code) {
    case 'slug.missing-current':
      return `Fill in the ${where} with a lowercase English slug, e.g. "${exampleSlug(doc)}".`
    case 'value.required':
      return `Fill in the ${where}.`
    case 'value.type-mismatch':
      return typeMismatchHint(marker, where)
    case 'object.unknown-field': {
      const known = fields.get(doc._type)
      return `Remove the field or rename it to one the ${doc._type} schema has${known ? ` (${known.join(', ')})` : ''}; or add it to schemas/documents/${doc._type}.ts.`
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

function typeMismatchHint(marker: DocumentValidationMarker, where: string): string {
  const details = (marker as { details?: Record<string, unknown> }).details ?? {}
  const expected = String(details.expectedType ?? 'value of the right type')
  const actual = String(details.actualType ?? 'value of another type')
  const number = expected === 'Number' ? ' (a JSON number such as 75, without quotes or units)' : ''
  return `Store a ${expected.toLowerCase()} in the ${where}, not a ${actual.toLowerCase()}${number}.`
}

/**
 * A missing-translation marker as an entry naming the language and the field whose text is
 * missing. The schema's rule sits on each language's field, so the path ends with its id.
 */
function missingTranslation(marker: DocumentValidationMarker, doc: SanityDocumentLike, base: ContentIssue): ContentIssue {
  const last = marker.path[marker.path.length - 1]
  const locale = locales.find((l) => l.id === last)
  const fieldName = formatPath(marker.path.slice(0, -1) as SanityPathSegment[], doc)
  const hint = `Add the ${locale?.title ?? 'missing'} text of "${fieldName}" in ${doc._type} "${doc._id}" (the ${locale?.id ?? '?'} field; the other language already has it).`
  return { ...base, locale: locale?.tag, hint }
}

/**
 * One document's markers as report entries. Every marker but an unknown field and a stale
 * translation fails the build, whatever its level: outside the Studio, Sanity adds an
 * unknown-field rule with `.warning()` to object fields, which turns the schema's own errors
 * there (slugs, localized fields) into warnings. The schema's only warning of its own is the
 * stale translation, told apart by its message (a unit test keeps it so); missing and stale
 * translations are listed apart from errors, whatever their level.
 */
export function issuesFromMarkers(doc: SanityDocumentLike, markers: readonly DocumentValidationMarker[], fields: FieldsByType, into: Findings): void {
  for (const marker of usefulMarkers(markers)) {
    const field = formatPath(marker.path as SanityPathSegment[], doc)
    const base = { documentId: doc._id, documentType: doc._type, field, code: marker.code, message: marker.message, hint: '' }
    if (marker.message.startsWith(MISSING_TRANSLATION)) into.missingTranslations.push(missingTranslation(marker, doc, base))
    else if (marker.message.startsWith(STALE_TRANSLATION)) into.staleTranslations.push(staleTranslation(marker, doc, base))
    else if (marker.code === 'object.unknown-field') into.warnings.push({ ...base, hint: hintFor(marker, doc, field, fields) })
    else into.errors.push({ ...base, hint: hintFor(marker, doc, field, fields) })
  }
}
