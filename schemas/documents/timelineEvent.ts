import { defineType } from '@sanity/types'
import { CalendarIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/** A dated milestone of the policy, from the 2016 new economic model on. */
export const timelineEvent = defineType({
  name: 'timelineEvent',
  title: label('大事記', 'Timeline event'),
  type: 'document',
  icon: CalendarIcon,
  fields: [
    partialDateField('date', label('日期', 'Date')),
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString'),
    requiredLocalizedField('description', label('說明', 'Description'), 'localeText'),
  ],
  orderings: [{ title: label('日期', 'Date'), name: 'date', by: [{ field: 'date', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? missingNote(missing) : String(s.date ?? '') }
    },
  },
})
