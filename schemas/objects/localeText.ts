import { label } from '../lib/label.ts'
import { defineLocalizedType } from './localized.ts'

/** A plain paragraph (a summary, a definition, a note) in every locale. */
export const localeText = defineLocalizedType('localeText', label('雙語段落', 'Localized text'), 'text')
