import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { DocumentTextIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

const pointList = (name: string, title: string, group: string, description: string) =>
  defineField({
    name,
    title,
    type: 'array',
    group,
    description,
    of: [defineArrayMember({ type: 'point' })],
    validation: (rule) => rule.required().min(1).error(`Required: at least one item in "${title}". 必填：至少一項。`),
  })

/**
 * The policy brief itself: what it is called, who issued it, when, what it says in
 * plain words, and the framework that links existing plans and strategies to the six
 * industries. A singleton on the fixed id `policy`.
 */
export const policy = defineType({
  name: 'policy',
  title: 'Policy',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    { name: 'brief', title: 'The brief', default: true },
    { name: 'framework', title: 'Framework' },
  ],
  fields: [
    { ...requiredLocalizedField('title', 'Title', 'localeString'), group: 'brief' },
    { ...requiredLocalizedField('subtitle', 'Subtitle', 'localeString'), group: 'brief' },
    { ...requiredLocalizedField('issuer', 'Issued by', 'localeString'), group: 'brief' },
    { ...partialDateField('date', 'Date issued'), group: 'brief' },
    defineField({
      name: 'source',
      title: 'Source citation',
      type: 'reference',
      to: [{ type: 'source' }],
      group: 'brief',
      description: 'The source document for the brief itself.',
      validation: (rule) => rule.required().error('Required: the source the brief is cited as. 必填：出處。'),
    }),
    { ...requiredLocalizedField('summary', 'Plain-language summary', 'localeText', 'Three short sentences a student can follow.'), group: 'brief' },
    { ...requiredLocalizedField('vision', 'Goal', 'localeText', 'What the policy aims for, in one sentence.'), group: 'brief' },
    pointList('enablingMeasures', 'Enabling measures', 'brief', 'Taiwan brand, flexible finance, a secure industrial environment, digital and bilingual talent.'),
    pointList('foundations', 'Foundations', 'framework', 'The existing plans the industries build on: 5+2 industrial innovation, the AI and 5G action plans.'),
    pointList('strategies', 'Strategies', 'framework', 'Industrial excellence, technology innovation, international cooperation.'),
    {
      ...requiredLocalizedField('frameworkSummary', 'Framework in words', 'localeText', 'The framework diagram described in words (also its text alternative).'),
      group: 'framework',
    },
  ],
  preview: {
    select: { ...selectLocalized('title'), date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return {
        title: bilingualTitle(s, 'title'),
        subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : `Policy brief · ${String(s.date ?? '')}`,
      }
    },
  },
})
