import { defineLocalizedType } from './localized.ts'

/** A short text (a title, a name, a label) in every locale. */
export const localeString = defineLocalizedType('localeString', 'Localized string', 'string')
