import { defineField, defineType } from '@sanity/types'
import { TrendUpwardIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { httpsSourceUrl, noControlCharacters } from '../lib/validation.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/**
 * What happened to the policy after the 2020 brief, from a source someone can read: a speech,
 * a ministry's figures, a report to the Legislative Yuan. The site lists these newest first
 * and names the latest under every page's title, so readers know the brief is not the whole story.
 */
export const policyDevelopment = defineType({
  name: 'policyDevelopment',
  title: label('政策後續發展', 'Policy development'),
  type: 'document',
  icon: TrendUpwardIcon,
  fields: [
    partialDateField(
      'date',
      label('日期', 'Date'),
      label(
        '來源寫的日期，同樣精確：YYYY、YYYY-MM 或 YYYY-MM-DD。不要猜測日子。',
        'The date as the source gives it, no more precise: YYYY, YYYY-MM or YYYY-MM-DD. Never guess a day.',
      ),
    ),
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString', label('用自己的話寫的一句話標題。', 'A one-line title in your own words.')),
    requiredLocalizedField(
      'summary',
      label('摘要', 'Summary'),
      'localeText',
      label('發生了什麼、與六大核心戰略產業有何關係；用自己的話寫。', 'What happened and how it relates to the Six Core Strategic Industries, in your own words.'),
    ),
    defineField({
      name: 'source',
      title: label('來源', 'Source'),
      type: 'object',
      description: label('讀者可以自己讀到的來源：發布單位、標題與 https 網址。', 'A source readers can read for themselves: publisher, title and https address.'),
      validation: (rule) => rule.required().error(label('必填：每項發展都要有來源。', 'Required: every development needs a source.')),
      fields: [
        requiredLocalizedField('publisher', label('發布單位', 'Publisher'), 'localeString', label('例如「聯合新聞網」。', 'e.g. United Daily News (udn.com).')),
        defineField({
          name: 'title',
          title: label('標題（原文）', 'Title (as published)'),
          type: 'string',
          description: label('照來源原文填寫；讀不到標題時留空，不要自己編。', 'As the source writes it; leave it empty when the title cannot be read, never make one up.'),
          validation: (rule) => rule.custom(noControlCharacters),
        }),
        defineField({
          name: 'url',
          title: label('網址', 'URL'),
          type: 'url',
          description: label('來源網頁的完整網址，必須以 https:// 開頭。', 'The full address of the source page; it must start with https://.'),
          validation: (rule) => rule.custom(httpsSourceUrl),
        }),
      ],
    }),
  ],
  orderings: [{ title: label('日期（新到舊）', 'Date, newest first'), name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] }],
  preview: {
    select: { ...selectLocalized('title'), date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? missingNote(missing) : String(s.date ?? '') }
    },
  },
})
