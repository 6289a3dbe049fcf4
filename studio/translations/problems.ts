/** The stale and missing translations of a set of documents, for the Translations tool. */
import { pathToString } from 'sanity'
import { schemaTypes } from '../../schemas'
import type { LocaleId } from '../../schemas/locales'
import { localizedFieldFinder, type TypeDeclaration } from '../../schemas/lib/localized-fields'
import { translationStates, type TranslationStatus } from '../../schemas/lib/provenance'

const find = localizedFieldFinder(schemaTypes as unknown as TypeDeclaration[])

export interface StudioDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/** One translation that needs an editor. */
export interface TranslationProblem {
  documentId: string
  documentType: string
  /** The language's field, as the Studio's `path` parameter opens it: `points[_key=="a"].title.en`. */
  path: string
  /** The localized field as people read it: `points[0].title`. */
  field: string
  locale: LocaleId
  status: Exclude<TranslationStatus, 'current'>
}

/** Every stale and missing translation of the documents, in document order (by id) and field order. */
export function translationProblems(documents: readonly StudioDocument[]): TranslationProblem[] {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return sorted.flatMap((doc) =>
    find(doc).flatMap((place) =>
      translationStates(place.value).flatMap((state) =>
        state.status === 'current'
          ? []
          : [{ documentId: doc._id, documentType: doc._type, path: pathToString([...place.path, state.locale]), field: place.field, locale: state.locale, status: state.status }],
      ),
    ),
  )
}
