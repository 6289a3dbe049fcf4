import { defineField, defineType } from '@sanity/types'
import { TranslateIcon } from '@sanity/icons'
import { locales } from '../locales.ts'

/**
 * The provenance of a localized field's translations: one record per language that is a
 * translation (any language can be, when a field names another source language).
 */
export const translationProvenance = defineType({
  name: 'translationProvenance',
  title: 'Translation provenance',
  type: 'object',
  icon: TranslateIcon,
  readOnly: true,
  fields: locales.map((locale) => defineField({ name: locale.id, title: `${locale.label} translated from`, type: 'translationSource' })),
  preview: {
    select: Object.fromEntries(locales.map((l) => [l.id, `${l.id}.confirmedAt`])),
    prepare: (s: Record<string, unknown>) => ({
      title: 'Translation provenance',
      subtitle: locales.map((l) => `${l.tag} ${s[l.id] ? String(s[l.id]) : '–'}`).join('  '),
    }),
  },
})
