import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BookIcon } from '@sanity/icons'
import { requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'
import { noControlCharacters } from '../lib/validation.ts'

/** A term a reader may not know (5+2, BERI, AIoT…), defined in both languages. */
export const glossaryTerm = defineType({
  name: 'glossaryTerm',
  title: 'Glossary term',
  type: 'document',
  icon: BookIcon,
  fields: [
    requiredLocalizedField('term', 'Term', 'localeString'),
    slugField('term.en'),
    requiredLocalizedField('definition', 'Definition', 'localeText', 'Plain language, two sentences at most.'),
    defineField({
      name: 'aliases',
      title: 'Aliases',
      type: 'array',
      description: 'Other names and spellings readers search for, e.g. 五加二, 5+2.',
      of: [defineArrayMember({ type: 'string', validation: (rule) => rule.custom(noControlCharacters) })],
      options: { layout: 'tags' },
    }),
  ],
  orderings: [{ title: 'Term (English)', name: 'termEn', by: [{ field: 'term.en', direction: 'asc' }] }],
  preview: {
    select: selectLocalized('term'),
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'term')
      return { title: bilingualTitle(s, 'term'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : 'Glossary' }
    },
  },
})
