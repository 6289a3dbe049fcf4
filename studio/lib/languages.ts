import type { FilterFieldFunction, Language } from '@sanity/language-filter'
import { locales } from '../../schemas/locales'
import { localeString } from '../../schemas/objects/localeString'
import { localeText } from '../../schemas/objects/localeText'
import { localePortableText } from '../../schemas/objects/localePortableText'
import { documentTypes } from '../../schemas'

/**
 * The language filter's configuration, from schemas/locales.ts (the one list of locales):
 * one entry per locale, keyed by the field name inside localized objects (`zhTW`, `en`).
 */
export const supportedLanguages: Language[] = locales.map((locale) => ({ id: locale.id, title: `${locale.label} (${locale.tag})` }))

/** The localized object types whose per-language fields the filter shows or hides. */
export const localizedTypeNames: ReadonlySet<string> = new Set([localeString.name, localeText.name, localePortableText.name])

/** Document types with the "Filter languages" button: all of them (each has localized fields). */
export const languageFilterDocumentTypes: string[] = [...documentTypes]

type SchemaTypeLike = { name?: string; type?: SchemaTypeLike }

/** Whether a schema type is (or extends) one of the localized object types. */
export function isLocalizedType(type: SchemaTypeLike | undefined): boolean {
  for (let current = type, depth = 0; current && depth < 10; current = current.type, depth++) {
    if (current.name && localizedTypeNames.has(current.name)) return true
  }
  return false
}

/**
 * Which fields to show: every field outside localized objects; inside one, the fields of the
 * selected languages. Unknown members (not a locale field) are always shown.
 */
export const filterField: FilterFieldFunction = (enclosingType, member, selectedLanguageIds) => {
  if (!isLocalizedType(enclosingType as SchemaTypeLike)) return true
  const name = 'name' in member ? member.name : undefined
  if (!name || !locales.some((l) => l.id === name)) return true
  return selectedLanguageIds.includes(name)
}
