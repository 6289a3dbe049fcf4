/**
 * A stale-translation marker (the schema's rule in schemas/lib/validation.ts) as a report
 * entry: the document, the field, the language, what it was translated from and when that
 * was confirmed, and what to do. Stale translations are warnings, fatal only with
 * STRICT_I18N=1; never errors, whatever level Sanity gave the marker.
 */
import { localeById, locales } from '../../../schemas/locales.ts'
import { formatPath, valueAtPath, type SanityPathSegment } from '../../../schemas/lib/paths.ts'
import { translationState, type LocalizedValue } from '../../../schemas/lib/provenance.ts'
import type { ContentIssue } from '../content-error.ts'
import type { SanityDocumentLike } from '../source/index.ts'
import type { DocumentValidationMarker } from './sanity-adapter.ts'

/** A translation that needs an editor: missing, or stale with what it was confirmed against. */
export interface TranslationIssue extends ContentIssue {
  /** The language it is translated from (BCP-47 tag). */
  sourceLocale?: string
  /** When the translation was last confirmed against its source (absent: never). */
  confirmedAt?: string
  /** The document's last change (`_updatedAt`, where the source has it): the source changed before this. */
  documentUpdatedAt?: string
}

/** The entry for a stale-translation marker of `doc`; the rule sits on each language's field, so the path ends with its id. */
export function staleTranslation(marker: DocumentValidationMarker, doc: SanityDocumentLike, base: ContentIssue): TranslationIssue {
  const path = marker.path as SanityPathSegment[]
  const last = path[path.length - 1]
  const locale = locales.find((l) => l.id === last)
  const fieldName = formatPath(path.slice(0, -1), doc)
  const state = locale ? translationState(valueAtPath(doc, path.slice(0, -1)) as LocalizedValue, locale.id) : undefined
  const source = state ? localeById[state.sourceLocale] : undefined
  const updated = typeof doc._updatedAt === 'string' ? doc._updatedAt : undefined
  const hint =
    `Compare the ${locale?.title ?? 'translated'} text of "${fieldName}" in ${doc._type} "${doc._id}" with the ${source?.title ?? 'source'} ` +
    `(the Studio shows what changed), update it if needed, then choose "Mark as up to date" there.`
  return {
    ...base,
    locale: locale?.tag,
    hint,
    ...(source ? { sourceLocale: source.tag } : {}),
    ...(state?.record?.confirmedAt ? { confirmedAt: state.record.confirmedAt } : {}),
    ...(updated ? { documentUpdatedAt: updated } : {}),
  }
}
