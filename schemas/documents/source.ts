import { defineField, defineType } from '@sanity/types'
import { LinkIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { allowedUrlSchemes, noControlCharacters, URL_SCHEME_MESSAGE } from '../lib/validation.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

/** Where a figure or text comes from: a report, a survey, a speech. */
export const source = defineType({
  name: 'source',
  title: 'Source',
  type: 'document',
  icon: LinkIcon,
  fields: [
    requiredLocalizedField('publisher', 'Publisher', 'localeString', 'e.g. 經濟部產業技術知識服務計畫 (ITIS) / MOEA Industry & Technology Intelligence Services (ITIS).'),
    defineField({ name: 'abbreviation', title: 'Abbreviation', type: 'string', description: 'e.g. ITIS, IMD, WEF, BERI.', validation: (rule) => rule.custom(noControlCharacters) }),
    requiredLocalizedField('title', 'Title', 'localeString', 'The report or document, as its publisher names it.'),
    partialDateField('date', 'Date', 'When it was published: YYYY, YYYY-MM or YYYY-MM-DD.'),
    defineField({
      name: 'url',
      title: 'URL',
      type: 'url',
      description: 'Where one exists; http(s) only.',
      validation: (rule) => rule.uri({ scheme: [...allowedUrlSchemes] }).error(URL_SCHEME_MESSAGE),
    }),
  ],
  preview: {
    select: { ...selectLocalized('title'), abbreviation: 'abbreviation', date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return {
        title: bilingualTitle(s, 'title'),
        subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : [s.abbreviation, s.date].filter(Boolean).join(' · '),
      }
    },
  },
})
