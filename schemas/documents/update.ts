import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ClockIcon } from '@sanity/icons'
import { requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'
import { updateTargetTypes } from '../update-targets.ts'


/** How much an update matters to readers: major ones are listed on the pages they concern. */
export const significances = [
  { title: 'Major: readers should know (listed on the pages it concerns) · 重大', value: 'major' },
  { title: 'Minor: a correction or wording (updates page and feeds only) · 次要', value: 'minor' },
] as const

/**
 * A change note: what changed on the site, when, and which documents it concerns. The site
 * lists every update on /{lang}/updates/ and in an Atom feed per language; pages list the
 * major ones that concern what they show ("What changed").
 */
export const update = defineType({
  name: 'update',
  title: 'Update',
  type: 'document',
  icon: ClockIcon,
  fields: [
    defineField({
      name: 'date',
      title: 'Date and time',
      type: 'datetime',
      description: 'When the change was published.',
      validation: (rule) => rule.required().error('Required: when the change was published. 必填：更新時間。'),
    }),
    requiredLocalizedField('title', 'Title', 'localeString', 'A short headline, e.g. "Figures updated to the 2021 survey".'),
    requiredLocalizedField('note', 'Change note', 'localeText', 'What changed and why, in a sentence or two.'),
    defineField({
      name: 'documents',
      title: 'What it concerns',
      type: 'array',
      description: 'The documents that changed. Site settings stands for the whole site: every page lists such an update.',
      of: [defineArrayMember({ type: 'reference', to: updateTargetTypes.map((type) => ({ type })) })],
      validation: (rule) => [
        rule.required().min(1).error('Required: at least one document the change concerns. 必填：至少一份相關文件。'),
        rule.unique().error('Each document once only. 同一文件請勿重複。'),
      ],
    }),
    defineField({
      name: 'significance',
      title: 'Major or minor',
      type: 'string',
      options: { list: [...significances], layout: 'radio' },
      initialValue: 'minor',
      validation: (rule) => rule.required().error('Required: major or minor. 必填：重大或次要。'),
    }),
  ],
  orderings: [{ title: 'Date, newest first', name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] }],
  preview: {
    select: { ...selectLocalized('title'), date: 'date', significance: 'significance' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      const when = typeof s.date === 'string' ? s.date.slice(0, 10) : ''
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : [when, s.significance].filter(Boolean).join(' · ') }
    },
  },
})
