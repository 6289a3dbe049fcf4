import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BlockContentIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/** One part of the brief (background, trends, advantages, investment climate, conclusion), in the brief's order. */
export const section = defineType({
  name: 'section',
  title: label('章節', 'Section'),
  type: 'document',
  icon: BlockContentIcon,
  fields: [
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString'),
    slugField(),
    orderRankField(),
    requiredLocalizedField('summary', label('淺白摘要', 'Plain-language summary'), 'localeText', label('兩三句話，不用術語。', 'Two or three sentences, no jargon.')),
    requiredLocalizedField('body', label('說明', 'Explanation'), 'localePortableText'),
    defineField({
      name: 'points',
      title: label('要點', 'Points'),
      type: 'array',
      description: label('依簡報順序排列的本章要點（例如四大趨勢）。', "The section's points in the brief's order (e.g. the four trends)."),
      of: [defineArrayMember({ type: 'point' })],
    }),
  ],
  orderings: [{ title: label('編輯排序', 'Editorial order'), name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), slug: 'slug.current' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? missingNote(missing) : `/${String(s.slug ?? '')}` }
    },
  },
})
