import { fallbackOrder, getLocale, type LocaleId } from '../../schemas/locales.ts'
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
}

function present(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null
}

/**
 * Resolves a localized field (`{zhTW, en}`) for a locale, falling back in the order of
 * `schemas/locales.ts`. Returns undefined only when no language has a value.
 */
export function localize<T>(field: Partial<Record<LocaleId, T | null>> | null | undefined, locale: LocaleId): Localized<T> | undefined {
  if (!field) return undefined
  for (const id of fallbackOrder(locale)) {
    const value = field[id]
    if (present(value)) return { value: value as T, locale: id, lang: getLocale(id).tag, fallback: id !== locale }
  }
  return undefined
}

/** Like {@link localize}, for fields the schema requires: an empty field is a content error that names the document. */
export function localizeRequired<T>(
  field: Partial<Record<LocaleId, T | null>> | null | undefined,
  locale: LocaleId,
  where: { documentId: string; documentType?: string; field: string },
): Localized<T> {
  const result = localize(field, locale)
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
