import { defineLocalizedType } from './localized.ts'

/** Rich text (Portable Text) in every locale. */
export const localePortableText = defineLocalizedType('localePortableText', 'Localized rich text', 'portableText')
