import { defineField, defineType } from '@sanity/types'
import { TranslateIcon } from '@sanity/icons'
import { locales } from '../locales.ts'
import { label } from '../lib/label.ts'

/**
 * The provenance of a localized field's translations: one record per language that is a
 * translation (any language can be, when a field names another source language).
 */
export const translationProvenance = defineType({
  name: 'translationProvenance',
  title: label('譯文來源紀錄', 'Translation provenance'),
  type: 'object',
  icon: TranslateIcon,
  readOnly: true,
  fields: locales.map((locale) => defineField({ name: locale.id, title: label(`${locale.zhTitle}譯文的原文`, `${locale.title} translated from`), type: 'translationSource' })),
  preview: {
    select: Object.fromEntries(locales.map((l) => [l.id, `${l.id}.confirmedAt`])),
    prepare: (s: Record<string, unknown>) => ({
      title: label('譯文來源紀錄', 'Translation provenance'),
      subtitle: locales.map((l) => `${l.tag} ${s[l.id] ? String(s[l.id]) : '–'}`).join('  '),
    }),
  },
})
