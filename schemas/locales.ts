/**
 * The one list of locales. Schemas, Studio, routes, UI strings and tests all read it:
 * adding a language is a change to this array (plus its UI strings file).
 *
 * - `id` is the field key inside localized objects (Sanity field names cannot hold a hyphen).
 * - `tag` is the BCP-47 tag used for Intl and `hreflang`.
 * - `htmlLang` goes into `<html lang>`; Pagefind segments Chinese only when it starts with `zh`.
 * - `segment` is the lowercase URL segment (`/zh-tw/...`).
 * - `label` is the language's name in its own language, for the language switch; `title` its
 *   name in English and `zhTitle` in Chinese, for the Studio's bilingual labels and messages.
 * - `diffUnit`: how the Studio shows what changed in a text of this language: character by
 *   character for Chinese (no spaces between words), word by word for English.
 */
export const locales = [
  { id: 'zhTW', tag: 'zh-TW', htmlLang: 'zh-Hant-TW', segment: 'zh-tw', label: '繁體中文', title: 'Traditional Chinese', zhTitle: '繁體中文', diffUnit: 'character' },
  { id: 'en', tag: 'en', htmlLang: 'en', segment: 'en', label: 'English', title: 'English', zhTitle: '英文', diffUnit: 'word' },
] as const

/** A locale as declared in {@link locales}. */
export type Locale = (typeof locales)[number]
/** A locale's field key inside localized objects, e.g. `zhTW`. */
export type LocaleId = Locale['id']
/** A locale's URL segment, e.g. `zh-tw`. */
export type LocaleSegment = Locale['segment']

/** The language of the brief; the first language a missing field falls back to. */
export const defaultLocale: Locale = locales[0]

/**
 * The language every localized field is written in first and translated from, unless the
 * field says otherwise (its `sourceLocale`, set in the Studio for text first written in
 * another language). Translations record which version of the source they were made from.
 */
export const sourceLocale: Locale = locales[0]

/** Every locale id, in declaration order. */
export const localeIds: LocaleId[] = locales.map((l) => l.id)

/**
 * The locale of an id that is already typed as one (a `Localized` value's language, a
 * translation state's): a plain lookup that cannot miss.
 */
export const localeById: Readonly<Record<LocaleId, Locale>> = Object.fromEntries(locales.map((l) => [l.id, l])) as Record<LocaleId, Locale>

/**
 * Look a locale up by its id, tag or URL segment; throws with the known values when none
 * matches. For the edges only, where a locale arrives as an untyped string (a CLI argument, a
 * document's data): below them, functions take the resolved `Locale`.
 */
export function getLocale(key: string): Locale {
  const found = locales.find((l) => l.id === key || l.tag === key || l.segment === key)
  if (!found) {
    throw new Error(
      `Unknown locale "${key}". Known locales: ${locales.map((l) => `${l.id} (${l.segment})`).join(', ')}. ` + 'Hint: locales are declared once in schemas/locales.ts.',
    )
  }
  return found
}

/**
 * The order in which to look for a value when the reader's language lacks one:
 * the reader's own language first, then the others in declaration order.
 */
export function fallbackOrder(id: LocaleId): LocaleId[] {
  return [id, ...localeIds.filter((other) => other !== id)]
}
