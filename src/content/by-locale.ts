/**
 * One value per language: `{ zhTW: make('zhTW'), en: make('en') }`, in the order of
 * schemas/locales.ts. Keyed by locale id (the site's own key, as in localized fields) or,
 * for files read outside the site (open data JSON, download links), by BCP-47 tag
 * (`{ 'zh-TW': …, en: … }`). `make` gets the id and the locale itself.
 *
 * Runs in the build script (Node's own type stripping: imports carry `.ts`) and in Astro.
 */
import { locales, type Locale, type LocaleId } from '../../schemas/locales.ts'

export function byLocale<T>(make: (id: LocaleId, locale: Locale) => T): Record<LocaleId, T>
export function byLocale<T>(make: (id: LocaleId, locale: Locale) => T, key: 'id'): Record<LocaleId, T>
export function byLocale<T>(make: (id: LocaleId, locale: Locale) => T, key: 'tag'): Record<string, T>
export function byLocale<T>(make: (id: LocaleId, locale: Locale) => T, key: 'id' | 'tag' = 'id'): Record<string, T> {
  return Object.fromEntries(locales.map((l) => [l[key], make(l.id, l)]))
}
