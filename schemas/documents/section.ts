import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BlockContentIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

/** One part of the brief (background, trends, advantages, investment climate, conclusion), in the brief's order. */
export const section = defineType({
  name: 'section',
  title: 'Section',
  type: 'document',
  icon: BlockContentIcon,
  fields: [
    requiredLocalizedField('title', 'Title', 'localeString'),
    slugField(),
    orderRankField('section'),
    requiredLocalizedField('summary', 'Plain-language summary', 'localeText', 'Two or three sentences, no jargon.'),
    requiredLocalizedField('body', 'Explanation', 'localePortableText'),
    defineField({
      name: 'points',
      title: 'Points',
      type: 'array',
      description: 'The section\'s points in the brief\'s order (e.g. the four trends).',
      of: [defineArrayMember({ type: 'point' })],
    }),
  ],
  orderings: [{ title: 'Editorial order', name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), slug: 'slug.current' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : `/${String(s.slug ?? '')}` }
    },
  },
})
