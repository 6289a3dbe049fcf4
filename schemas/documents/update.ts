import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ClockIcon } from '@sanity/icons'
import { requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'
import { updateTargetTypes } from '../update-targets.ts'

/** How much an update matters to readers: major ones are listed on the pages they concern. */
export const significances = [
  { title: label('重大：讀者應該知道（列在相關頁面上）', 'Major: readers should know (listed on the pages it concerns)'), value: 'major' },
  { title: label('次要：更正或用字修改（只列在更新頁與訂閱中）', 'Minor: a correction or wording (updates page and feeds only)'), value: 'minor' },
] as const

/**
 * A change note: what changed on the site, when, and which documents it concerns. The site
 * lists every update on /{lang}/updates/ and in an Atom feed per language; pages list the
 * major ones that concern what they show ("What changed").
 */
export const update = defineType({
  name: 'update',
  title: label('更新紀錄', 'Update'),
  type: 'document',
  icon: ClockIcon,
  fields: [
    defineField({
      name: 'date',
      title: label('日期與時間', 'Date and time'),
      type: 'datetime',
      description: label('更新發布的時間。', 'When the change was published.'),
      validation: (rule) => rule.required().error(label('必填：更新發布的時間。', 'Required: when the change was published.')),
    }),
    requiredLocalizedField(
      'title',
      label('標題', 'Title'),
      'localeString',
      label('簡短的標題，例如「數據更新為 2021 年調查」。', 'A short headline, e.g. "Figures updated to the 2021 survey".'),
    ),
    requiredLocalizedField('note', label('更新說明', 'Change note'), 'localeText', label('用一兩句話說明改了什麼、為什麼改。', 'What changed and why, in a sentence or two.')),
    defineField({
      name: 'documents',
      title: label('相關文件', 'What it concerns'),
      type: 'array',
      description: label(
        '有變動的文件。「網站設定」代表整個網站：每一頁都會列出這類更新。',
        'The documents that changed. Site settings stands for the whole site: every page lists such an update.',
      ),
      of: [defineArrayMember({ type: 'reference', title: label('文件', 'Document'), to: updateTargetTypes.map((type) => ({ type })) })],
      validation: (rule) => [
        rule.required().min(1).error(label('必填：至少一份相關文件。', 'Required: at least one document the change concerns.')),
        rule.unique().error(label('同一文件請勿重複。', 'Each document once only.')),
      ],
    }),
    defineField({
      name: 'significance',
      title: label('重大或次要', 'Major or minor'),
      type: 'string',
      options: { list: [...significances], layout: 'radio' },
      initialValue: 'minor',
      validation: (rule) => rule.required().error(label('必填：重大或次要。', 'Required: major or minor.')),
    }),
  ],
  orderings: [{ title: label('日期（新到舊）', 'Date, newest first'), name: 'dateDesc', by: [{ field: 'date', direction: 'desc' }] }],
  preview: {
    select: { ...selectLocalized('title'), date: 'date', significance: 'significance' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      const when = typeof s.date === 'string' ? s.date.slice(0, 10) : ''
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? missingNote(missing) : [when, s.significance].filter(Boolean).join(' · ') }
    },
  },
})
