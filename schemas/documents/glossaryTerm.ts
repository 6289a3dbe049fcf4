import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { BookIcon } from '@sanity/icons'
import { requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'
import { noControlCharacters } from '../lib/validation.ts'
import { alsoKnownAsRule } from '../lib/aliases.ts'

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
      name: 'alsoKnownAs',
      title: label('又稱', 'Also known as'),
      type: 'array',
      description: label(
        '頁面上「又稱」列出的其他正式名稱，例如「五加二」。只列真正同義的名稱；寫法差異（5＋2、五+二）與相關詞請放在「搜尋關鍵字」。中文頁只顯示含中文的名稱，英文頁只顯示不含中文的名稱。',
        'Other proper names shown under "Also known as", e.g. 五加二. Only true equivalents; spelling variants (5＋2, 五+二) and related words go in "Search keywords". Chinese pages show the names with Chinese characters, English pages the others.',
      ),
      of: [defineArrayMember({ type: 'string', title: label('名稱', 'Name'), validation: (rule) => rule.custom(noControlCharacters) })],
      options: { layout: 'tags' },
      validation: (rule) => rule.custom(alsoKnownAsRule),
    }),
    // The field keeps its old name: the dataset's aliases were search words all along.
    defineField({
      name: 'aliases',
      title: label('搜尋關鍵字', 'Search keywords'),
      type: 'array',
      description: label(
        '讀者可能搜尋的其他寫法與相關詞，例如「5＋2」、「五+二」。不顯示在頁面上，只供站內搜尋。',
        'Other spellings and related words readers search for, e.g. 5＋2, 五+二. Not shown on the page; used by the site search only.',
      ),
      of: [defineArrayMember({ type: 'string', title: label('關鍵字', 'Keyword'), validation: (rule) => rule.custom(noControlCharacters) })],
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
