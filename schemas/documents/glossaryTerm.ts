import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BookIcon } from '@sanity/icons'
import { requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'
import { noControlCharacters } from '../lib/validation.ts'

/** A term a reader may not know (5+2, BERI, AIoT…), defined in both languages. */
export const glossaryTerm = defineType({
  name: 'glossaryTerm',
  title: label('名詞解釋', 'Glossary term'),
  type: 'document',
  icon: BookIcon,
  fields: [
    requiredLocalizedField('term', label('名詞', 'Term'), 'localeString'),
    slugField('term.en'),
    requiredLocalizedField('definition', label('定義', 'Definition'), 'localeText', label('用淺白的話，最多兩句。', 'Plain language, two sentences at most.')),
    defineField({
      name: 'aliases',
      title: label('別名', 'Aliases'),
      type: 'array',
      description: label('讀者可能搜尋的其他名稱與寫法，例如「五加二」、「5+2」。', 'Other names and spellings readers search for, e.g. 五加二, 5+2.'),
      of: [defineArrayMember({ type: 'string', title: label('別名', 'Alias'), validation: (rule) => rule.custom(noControlCharacters) })],
      options: { layout: 'tags' },
    }),
  ],
  orderings: [{ title: label('名詞（依英文排序）', 'Term (English)'), name: 'termEn', by: [{ field: 'term.en', direction: 'asc' }] }],
  preview: {
    select: selectLocalized('term'),
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'term')
      return { title: bilingualTitle(s, 'term'), subtitle: missing.length ? missingNote(missing) : label('名詞解釋', 'Glossary') }
    },
  },
})
