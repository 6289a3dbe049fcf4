/**
 * The status of every translation in a set of documents, for `npm run content:translations`:
 * one row per language of a localized field that is a translation (current or stale) or
 * missing, in document order, then field order, then the order of schemas/locales.ts.
 */
import { localeById } from '../../../schemas/locales.ts'
import { confirmationDate, translationStates, type TranslationStatus } from '../../../schemas/lib/provenance.ts'
import type { SanityDocumentLike } from '../source/index.ts'
import { localizedFieldsOf } from './record.ts'

/** One translation and its status. */
export interface TranslationRow {
  documentId: string
  documentType: string
  /** The localized field, e.g. `points[1].title`. */
  path: string
  /** The language (BCP-47 tag). */
  locale: string
  status: TranslationStatus
  /** The language it is translated from (BCP-47 tag). */
  sourceLocale: string
  /** When it was last confirmed against its source (absent: never, or missing). */
  confirmedAt?: string
}

/** The rows of every document's translations, documents sorted by id. */
export function translationRows(documents: readonly SanityDocumentLike[]): TranslationRow[] {
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return sorted.flatMap((doc) =>
    localizedFieldsOf(doc).flatMap((place) =>
      translationStates(place.value).map((state) => ({
        documentId: doc._id,
        documentType: doc._type,
        path: place.field,
        locale: localeById[state.locale].tag,
        status: state.status,
        sourceLocale: localeById[state.sourceLocale].tag,
        ...(state.record?.confirmedAt ? { confirmedAt: state.record.confirmedAt } : {}),
      })),
    ),
  )
}

/** How many rows have each status. */
export function countStatuses(rows: readonly TranslationRow[]): Record<TranslationStatus, number> {
  const counts: Record<TranslationStatus, number> = { current: 0, stale: 0, missing: 0 }
  for (const row of rows) counts[row.status]++
  return counts
}

/** The rows as aligned text columns: document, field, language, status (and what a stale one was confirmed against). */
export function formatRows(rows: readonly TranslationRow[]): string[] {
  const width = (pick: (row: TranslationRow) => string) => Math.max(0, ...rows.map((row) => pick(row).length))
  const idWidth = width((r) => r.documentId)
  const pathWidth = width((r) => r.path)
  const localeWidth = width((r) => r.locale)
  return rows.map((row) => {
    const detail =
      row.status === 'stale'
        ? row.confirmedAt
          ? `  (${row.sourceLocale} changed since ${confirmationDate(row.confirmedAt)})`
          : `  (never confirmed against ${row.sourceLocale})`
        : ''
    return `${row.documentId.padEnd(idWidth)}  ${row.path.padEnd(pathWidth)}  ${row.locale.padEnd(localeWidth)}  ${row.status}${detail}`
  })
}
