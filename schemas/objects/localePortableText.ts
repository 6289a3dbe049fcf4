import { label } from '../lib/label.ts'
import { defineLocalizedType } from './localized.ts'

/** Rich text (Portable Text) in every locale. */
export const localePortableText = defineLocalizedType('localePortableText', label('雙語格式文字', 'Localized rich text'), 'portableText')
