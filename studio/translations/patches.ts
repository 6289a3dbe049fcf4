/**
 * The patches that keep a localized field's provenance (schemas/lib/provenance.ts), relative
 * to the localized object, as the form's patch API takes them:
 * - "Mark as up to date": a fresh record of the source as it is now;
 * - a translation written into an empty field is made from the source as it is now, so it
 *   gets its record then; a translation that is cleared loses it;
 * - changing which language the field was written in first.
 * An edit of an existing translation leaves its record alone (docs/decisions.md says why).
 */
import { set, setIfMissing, unset, type FormPatch } from 'sanity'
import { locales, sourceLocale, type LocaleId } from '../../schemas/locales'
import { fieldSourceLocale, PROVENANCE_FIELD, provenanceRecord, SOURCE_LOCALE_FIELD, type LocalizedValue } from '../../schemas/lib/provenance'
import { hasText } from '../../schemas/lib/text'

const PROVENANCE_TYPE = { _type: 'translationProvenance' }

/** Records that `locale` is a translation of the field's source as it is now. */
export function markUpToDatePatches(value: LocalizedValue | undefined, locale: LocaleId, now: string): FormPatch[] {
  const source = fieldSourceLocale(value)
  return [setIfMissing(PROVENANCE_TYPE, [PROVENANCE_FIELD]), set(provenanceRecord(value?.[source], now), [PROVENANCE_FIELD, locale])]
}

/** The language a patch from one of the object's fields edits (`en` for `['en', {_key}, 'children']`). */
function editedLocale(patch: FormPatch): LocaleId | undefined {
  const first = patch.path[0]
  return locales.find((l) => l.id === first)?.id
}

/**
 * What the patches an editor's typing sends into the object add for provenance: a record for
 * a translation written into an empty field (while the source has text and no record exists),
 * and the removal of the record of a translation the editor cleared.
 */
export function provenancePatchesFor(value: LocalizedValue | undefined, patches: readonly FormPatch[], now: string): FormPatch[] {
  const source = fieldSourceLocale(value)
  const extra: FormPatch[] = []
  for (const locale of new Set(patches.map(editedLocale))) {
    if (!locale || locale === source) continue
    const clears = patches.some((p) => p.type === 'unset' && p.path.length === 1 && p.path[0] === locale)
    const record = value?.provenance?.[locale]
    if (clears && record) extra.push(unset([PROVENANCE_FIELD, locale]))
    else if (!clears && !record && !hasText(value?.[locale]) && hasText(value?.[source])) extra.push(...markUpToDatePatches(value, locale, now))
  }
  return extra
}

/**
 * The field is now written first in `next`: every other language with text becomes a
 * translation of it, as it is now (the editor says so by choosing), and the old records go.
 */
export function sourceLocalePatches(value: LocalizedValue | undefined, next: LocaleId, now: string): FormPatch[] {
  const patches: FormPatch[] = [next === sourceLocale.id ? unset([SOURCE_LOCALE_FIELD]) : set(next, [SOURCE_LOCALE_FIELD]), unset([PROVENANCE_FIELD])]
  const translated = locales.filter((l) => l.id !== next && hasText(value?.[l.id]))
  if (translated.length === 0 || !hasText(value?.[next])) return patches
  const record = provenanceRecord(value?.[next], now)
  return [...patches, set({ ...PROVENANCE_TYPE, ...Object.fromEntries(translated.map((l) => [l.id, record])) }, [PROVENANCE_FIELD])]
}
