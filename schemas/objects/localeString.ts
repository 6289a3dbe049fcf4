import { label } from '../lib/label.ts'
import { defineLocalizedType } from './localized.ts'

/** A short text (a title, a name, a label) in every locale. */
export const localeString = defineLocalizedType('localeString', label('雙語短文字', 'Localized string'), 'string')
