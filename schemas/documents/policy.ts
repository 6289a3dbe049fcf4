import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { DocumentTextIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

const pointList = (name: string, title: string, group: string, description: string) =>
  defineField({
    name,
    title,
    type: 'array',
    group,
    description,
    of: [defineArrayMember({ type: 'point' })],
    validation: (rule) => rule.required().min(1).error(label('必填：至少一項。', 'Required: at least one item.')),
  })

/**
 * The policy brief itself: what it is called, who issued it, when, what it says in
 * plain words, and the framework that links existing plans and strategies to the six
 * industries. A singleton on the fixed id `policy`.
 */
export const policy = defineType({
  name: 'policy',
  title: label('政策', 'Policy'),
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    { name: 'brief', title: label('簡報內容', 'The brief'), default: true },
    { name: 'framework', title: label('架構', 'Framework') },
  ],
  fields: [
    { ...requiredLocalizedField('title', label('標題', 'Title'), 'localeString'), group: 'brief' },
    { ...requiredLocalizedField('subtitle', label('副標題', 'Subtitle'), 'localeString'), group: 'brief' },
    { ...requiredLocalizedField('issuer', label('發布機關', 'Issued by'), 'localeString'), group: 'brief' },
    { ...partialDateField('date', label('發布日期', 'Date issued')), group: 'brief' },
    defineField({
      name: 'source',
      title: label('出處', 'Source citation'),
      type: 'reference',
      to: [{ type: 'source' }],
      group: 'brief',
      description: label('簡報本身的出處文件。', 'The source document for the brief itself.'),
      validation: (rule) => rule.required().error(label('必填：簡報的出處。', 'Required: the source the brief is cited as.')),
    }),
    {
      ...requiredLocalizedField(
        'summary',
        label('淺白摘要', 'Plain-language summary'),
        'localeText',
        label('三句簡短、學生也看得懂的話。', 'Three short sentences a student can follow.'),
      ),
      group: 'brief',
    },
    { ...requiredLocalizedField('vision', label('目標', 'Goal'), 'localeText', label('用一句話說明政策的目標。', 'What the policy aims for, in one sentence.')), group: 'brief' },
    pointList(
      'enablingMeasures',
      label('配套措施', 'Enabling measures'),
      'brief',
      label('臺灣品牌、靈活金融、安全的產業環境、數位與雙語人才。', 'Taiwan brand, flexible finance, a secure industrial environment, digital and bilingual talent.'),
    ),
    pointList(
      'foundations',
      label('基礎', 'Foundations'),
      'framework',
      label('產業所依據的既有計畫：5+2 產業創新、AI 與 5G 行動計畫。', 'The existing plans the industries build on: 5+2 industrial innovation, the AI and 5G action plans.'),
    ),
    pointList(
      'strategies',
      label('策略', 'Strategies'),
      'framework',
      label('產業卓越、科技創新、國際合作。', 'Industrial excellence, technology innovation, international cooperation.'),
    ),
    {
      ...requiredLocalizedField(
        'frameworkSummary',
        label('架構文字說明', 'Framework in words'),
        'localeText',
        label('以文字描述架構圖（也作為圖的替代文字）。', 'The framework diagram described in words (also its text alternative).'),
      ),
      group: 'framework',
    },
  ],
  // One document on a fixed id: no list to sort (without this, Sanity offers sorts titled in English).
  orderings: [],
  preview: {
    select: { ...selectLocalized('title'), date: 'date' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return {
        title: bilingualTitle(s, 'title'),
        subtitle: missing.length ? missingNote(missing) : `${label('政策簡報', 'Policy brief')} · ${String(s.date ?? '')}`,
      }
    },
  },
})
