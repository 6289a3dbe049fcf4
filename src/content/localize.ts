import { fallbackOrder, localeById, type LocaleId } from '../../schemas/locales.ts'
import { changedSourceBlocks, translationStates, type LocalizedValue, type TranslationState } from '../../schemas/lib/provenance.ts'
import { ContentError } from './content-error.ts'

/**
 * A value in the reader's language, or in another language when the reader's is missing.
 * `fallback` is true in the second case: the page marks such text with its own `lang`
 * and a visible notice, and keeps it out of that language's search index.
 */
export interface Localized<T> {
  value: T
  /** The locale the value is actually written in. */
  locale: LocaleId
  /** BCP-47 tag of that locale, for a `lang` attribute. */
  lang: string
  /** True when the value comes from another language than the one asked for. */
  fallback: boolean
  /** Set when the value is a translation whose source changed since it was confirmed (or never was). */
  stale?: StaleTranslation
  /**
   * An id for the text on every language's page while one of its translations is stale, so a
   * stale translation's notice can link to the same place in the other language.
   */
  anchor?: string
}

/** What the page says about a stale translation. */
export interface StaleTranslation {
  /** The language it was translated from. */
  sourceLocale: LocaleId
  /** When it was last confirmed against its source (absent: never). */
  confirmedAt?: string
  /** Portable Text: the keys of the source blocks that changed since (or are new). */
  changedBlocks?: string[]
}

/** Where a localized value is: its document and field, e.g. `points[1].title`. */
export interface LocalizedPlace {
  documentId: string
  documentType?: string
  field: string
}

function present(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null
}

// Every locale's view reads the same field objects of the loaded content: their states are
// computed (hashed) once, not once per locale.
const statesOf = new WeakMap<object, TranslationState[]>()
function cachedStates(field: LocalizedValue): TranslationState[] {
  let states = statesOf.get(field)
  if (!states) statesOf.set(field, (states = translationStates(field)))
  return states
}

/** An HTML id for a field: `tr-industry-cybersecurity-directions-0`. */
export function translationAnchor(place: LocalizedPlace): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  return `tr-${slug(place.documentId)}-${slug(place.field)}`
}

/** The stale mark and anchor of a value, from the translation states of its field. */
function withTranslationMarks<T>(result: Localized<T>, field: LocalizedValue, place: LocalizedPlace): Localized<T> {
  const states = cachedStates(field)
  if (!states.some((s) => s.status === 'stale')) return result
  const own = result.fallback ? undefined : states.find((s) => s.locale === result.locale && s.status === 'stale')
  if (!own) return { ...result, anchor: translationAnchor(place) }
  const blocks = Array.isArray(result.value) ? { changedBlocks: [...changedSourceBlocks(field[own.sourceLocale], own.record)] } : {}
  const confirmed = own.record?.confirmedAt ? { confirmedAt: own.record.confirmedAt } : {}
  return { ...result, anchor: translationAnchor(place), stale: { sourceLocale: own.sourceLocale, ...confirmed, ...blocks } }
}

/**
 * Resolves a localized field (`{zhTW, en}`) for a locale, falling back in the order of
 * `schemas/locales.ts`. Returns undefined only when no language has a value. With `place`,
 * a stale translation is marked (`stale`) and every language's value gets an `anchor`.
 */
export function localize<T>(field: Partial<Record<LocaleId, T | null>> | null | undefined, locale: LocaleId, place?: LocalizedPlace): Localized<T> | undefined {
  if (!field) return undefined
  for (const id of fallbackOrder(locale)) {
    const value = field[id]
    if (!present(value)) continue
    const result: Localized<T> = { value: value as T, locale: id, lang: localeById[id].tag, fallback: id !== locale }
    return place ? withTranslationMarks(result, field as LocalizedValue, place) : result
  }
  return undefined
}

/** Like {@link localize}, for fields the schema requires: an empty field is a content error that names the document. */
export function localizeRequired<T>(
  field: Partial<Record<LocaleId, T | null>> | null | undefined,
  locale: LocaleId,
  where: { documentId: string; documentType?: string; field: string },
): Localized<T> {
  const result = localize(field, locale, where)
  if (!result) {
    throw new ContentError({
      ...where,
      code: 'field.empty',
      message: 'This required field has no text in any language.',
      hint: 'Fill it in, in both languages, in the Studio or in content/dataset.ndjson.',
    })
  }
  return result
}
