import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { RocketIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

const localeTextList = (name: string, title: string, description: string) =>
  defineField({
    name,
    title,
    type: 'array',
    description,
    of: [defineArrayMember({ type: 'localeText' })],
    validation: (rule) => rule.required().min(1).error(label('必填：至少一項。', 'Required: at least one item.')),
  })

/** One of the six core strategic industries, in the brief's order. */
export const industry = defineType({
  name: 'industry',
  title: label('產業', 'Industry'),
  type: 'document',
  icon: RocketIcon,
  fields: [
    requiredLocalizedField('name', label('名稱', 'Name'), 'localeString', label('正式名稱，例如「資安卓越產業」。', 'The official name, e.g. Cybersecurity Excellence Industry.')),
    requiredLocalizedField('shortName', label('簡稱', 'Short name'), 'localeString', label('用於導覽與圖表，例如「資安」。', 'For navigation and charts, e.g. Cybersecurity.')),
    slugField('name.en'),
    orderRankField(),
    requiredLocalizedField('summary', label('一句話摘要', 'One-line summary'), 'localeText'),
    requiredLocalizedField('goal', label('目標', 'Goal'), 'localeText', label('用一句話說明這項產業要發展成什麼樣子。', 'What the industry is meant to become, in one sentence.')),
    requiredLocalizedField(
      'body',
      label('說明', 'Explanation'),
      'localePortableText',
      label('用淺白的話說明：為什麼重要、會帶來什麼改變。', 'Plain language: why it matters, what changes.'),
    ),
    localeTextList('directions', label('發展方向', 'Development directions'), label('依簡報所列，這項產業的發展方向。', 'Where the industry is headed, as the brief lists it.')),
    localeTextList('initiatives', label('重點措施', 'Key initiatives'), label('簡報中具體列出的做法。', 'Concrete steps named in the brief.')),
    defineField({
      name: 'metrics',
      title: label('相關數據', 'Related figures'),
      type: 'array',
      of: [defineArrayMember({ type: 'reference', title: label('數據', 'Figure'), to: [{ type: 'metric' }] })],
      validation: (rule) => rule.unique().error(label('同一項數據請勿重複。', 'Each figure once only.')),
    }),
    defineField({
      name: 'sections',
      title: label('相關章節', 'Related sections'),
      type: 'array',
      of: [defineArrayMember({ type: 'reference', title: label('章節', 'Section'), to: [{ type: 'section' }] })],
      validation: (rule) => rule.unique().error(label('同一章節請勿重複。', 'Each section once only.')),
    }),
  ],
  orderings: [{ title: label('編輯排序', 'Editorial order'), name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('name'), slug: 'slug.current' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'name')
      return { title: bilingualTitle(s, 'name'), subtitle: missing.length ? missingNote(missing) : `/industries/${String(s.slug ?? '')}/` }
    },
  },
})
