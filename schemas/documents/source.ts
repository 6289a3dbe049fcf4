import { defineField, defineType } from '@sanity/types'
import { LinkIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { allowedUrlSchemes, noControlCharacters, URL_SCHEME_MESSAGE } from '../lib/validation.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/** Where a figure or text comes from: a report, a survey, a speech. */
export const source = defineType({
  name: 'source',
  title: label('出處', 'Source'),
  type: 'document',
  icon: LinkIcon,
  fields: [
    requiredLocalizedField(
      'publisher',
      label('發布單位', 'Publisher'),
      'localeString',
      label('例如「經濟部產業技術知識服務計畫（ITIS）」。', 'e.g. MOEA Industry & Technology Intelligence Services (ITIS).'),
    ),
    defineField({
      name: 'abbreviation',
      title: label('縮寫', 'Abbreviation'),
      type: 'string',
      description: label('例如 ITIS、IMD、WEF、BERI。', 'e.g. ITIS, IMD, WEF, BERI.'),
      validation: (rule) => rule.custom(noControlCharacters),
    }),
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString', label('報告或文件名稱，以發布單位的寫法為準。', 'The report or document, as its publisher names it.')),
    partialDateField('date', label('日期', 'Date'), label('發布時間：YYYY、YYYY-MM 或 YYYY-MM-DD。', 'When it was published: YYYY, YYYY-MM or YYYY-MM-DD.')),
    defineField({
      name: 'url',
      title: label('網址', 'URL'),
      type: 'url',
      description: label('如有網址再填；僅限 http(s)。', 'Where one exists; http(s) only.'),
      validation: (rule) => rule.uri({ scheme: [...allowedUrlSchemes] }).error(URL_SCHEME_MESSAGE),
    }),
  ],
  orderings: [
    { title: label('標題（依英文排序）', 'Title (English)'), name: 'titleEn', by: [{ field: 'title.en', direction: 'asc' }] },
    { title: label('日期（新到舊）', 'Date, newest first'), name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] },
  ],
  preview: {
    select: { ...selectLocalized('title'), abbreviation: 'abbreviation', date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return {
        title: bilingualTitle(s, 'title'),
        subtitle: missing.length ? missingNote(missing) : [s.abbreviation, s.date].filter(Boolean).join(' · '),
      }
    },
  },
})
