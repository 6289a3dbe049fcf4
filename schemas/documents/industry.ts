import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { RocketIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

const localeTextList = (name: string, title: string, description: string) =>
  defineField({
    name,
    title,
    type: 'array',
    description,
    of: [defineArrayMember({ type: 'localeText' })],
    validation: (rule) => rule.required().min(1).error(`Required: at least one item in "${title}". 必填：至少一項。`),
  })

/** One of the six core strategic industries, in the brief's order. */
export const industry = defineType({
  name: 'industry',
  title: 'Industry',
  type: 'document',
  icon: RocketIcon,
  fields: [
    requiredLocalizedField('name', 'Name', 'localeString', 'The official name, e.g. 資安卓越產業.'),
    requiredLocalizedField('shortName', 'Short name', 'localeString', 'For navigation and charts, e.g. 資安 / Cybersecurity.'),
    slugField('name.en'),
    orderRankField('industry'),
    requiredLocalizedField('summary', 'One-line summary', 'localeText'),
    requiredLocalizedField('goal', 'Goal', 'localeText', 'What the industry is meant to become, in one sentence.'),
    requiredLocalizedField('body', 'Explanation', 'localePortableText', 'Plain language: why it matters, what changes.'),
    localeTextList('directions', 'Development directions', 'Where the industry is headed, as the brief lists it.'),
    localeTextList('initiatives', 'Key initiatives', 'Concrete steps named in the brief.'),
    defineField({
      name: 'metrics',
      title: 'Related figures',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'metric' }] })],
      validation: (rule) => rule.unique().error('Each figure once only. 同一數據請勿重複。'),
    }),
    defineField({
      name: 'sections',
      title: 'Related sections',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'section' }] })],
      validation: (rule) => rule.unique().error('Each section once only. 同一章節請勿重複。'),
    }),
  ],
  orderings: [{ title: 'Editorial order', name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('name'), slug: 'slug.current' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'name')
      return { title: bilingualTitle(s, 'name'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : `/industries/${String(s.slug ?? '')}/` }
    },
  },
})
