/**
 * Recording provenance where a translation has none: the migration of a dataset written
 * before translations kept their provenance (`npm run content:provenance`), and test and
 * benchmark datasets. A translation that has a record keeps it, current or stale: confirming
 * a stale one is an editor's decision ("Mark as up to date" in the Studio), never a script's.
 */
import { schemaTypes } from '../../../schemas/index.ts'
import { localizedFieldFinder } from '../../../schemas/lib/localized-fields.ts'
import { PROVENANCE_FIELD, provenanceRecord, translationStates, type LocalizedValue } from '../../../schemas/lib/provenance.ts'

/** Every localized field of a document, by its type's declarations in schemas/. */
export const localizedFieldsOf = localizedFieldFinder(schemaTypes as Parameters<typeof localizedFieldFinder>[0])

/** What {@link recordMissingProvenance} did. */
export interface RecordResult {
  /** Translations that got a record now. */
  recorded: number
  /** Translations that already had one. */
  kept: number
  /** Documents changed. */
  documents: number
}

/** Gives `field` a record, confirmed at `confirmedAt`, for each translation with text that has none; returns how many. */
export function recordFieldProvenance(field: LocalizedValue, confirmedAt: string): { recorded: number; kept: number } {
  let recorded = 0
  let kept = 0
  for (const state of translationStates(field)) {
    if (state.status === 'missing') continue
    if (state.record) {
      kept++
      continue
    }
    const provenance = (field[PROVENANCE_FIELD] ??= { _type: 'translationProvenance' })
    provenance[state.locale] = provenanceRecord(field[state.sourceLocale], confirmedAt)
    recorded++
  }
  return { recorded, kept }
}

/**
 * Records provenance, in place, for every translation in `documents` that has text and no
 * record (confirmed at `confirmedAt`, one time for the whole run). Idempotent: a second run
 * with any time changes nothing.
 */
export function recordMissingProvenance(documents: readonly Record<string, unknown>[], confirmedAt: string): RecordResult {
  const result: RecordResult = { recorded: 0, kept: 0, documents: 0 }
  for (const document of documents) {
    let changed = false
    for (const place of localizedFieldsOf(document)) {
      const { recorded, kept } = recordFieldProvenance(place.value, confirmedAt)
      result.recorded += recorded
      result.kept += kept
      changed ||= recorded > 0
    }
    if (changed) result.documents++
  }
  return result
}
