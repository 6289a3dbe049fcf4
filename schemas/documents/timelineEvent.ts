import { defineType } from '@sanity/types'
import { CalendarIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

/** A dated milestone of the policy, from the 2016 new economic model on. */
export const timelineEvent = defineType({
  name: 'timelineEvent',
  title: 'Timeline event',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    partialDateField('date', 'Date'),
    requiredLocalizedField('title', 'Title', 'localeString'),
    requiredLocalizedField('description', 'Description', 'localeText'),
  ],
  orderings: [{ title: 'Date', name: 'date', by: [{ field: 'date', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : String(s.date ?? '') }
    },
  },
})
