import { defineLocalizedType } from './localized.ts'

/** A plain paragraph (a summary, a definition, a note) in every locale. */
export const localeText = defineLocalizedType('localeText', 'Localized text', 'text')
