import { defineField, defineType, type ValidationContext } from '@sanity/types'
import { BarChartIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { hasText } from '../lib/text.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

/** How a figure relates to its number, as the source words it ("over", "about"). */
export const comparators = [
  { title: 'Exactly', value: 'exact' },
  { title: 'About (約)', value: 'about' },
  { title: 'More than / over (超過、逾、突破)', value: 'over' },
  { title: 'At least', value: 'atLeast' },
] as const

/** What the number measures. Every rendering (text, chart, table, CSV) is derived from it. */
export const units = [
  { title: 'Percent (%)', value: 'percent' },
  { title: 'Rank (1 = first)', value: 'rank' },
  { title: 'Count (of something)', value: 'count' },
  { title: 'Days', value: 'days' },
  { title: 'Money', value: 'currency' },
] as const

/** Currencies the brief uses, as ISO 4217 codes (Intl formats them: NT$, US$). */
export const currencies = [
  { title: 'New Taiwan dollar (NT$ / 新臺幣)', value: 'TWD' },
  { title: 'US dollar (US$ / 美元)', value: 'USD' },
] as const

type MetricDoc = { unit?: string; currency?: string; countNoun?: Record<string, unknown> }

const unitOf = (context: ValidationContext) => (context.document as MetricDoc | undefined)?.unit

/**
 * Range rules per unit, so a typo cannot publish: a percent is 0-100 (a source that says
 * "over 100%" is entered as 100 with the comparator "more than"), a rank is a whole number
 * from 1, counts and days are whole numbers, money is positive.
 */
export function checkMetricValue(value: unknown, unit: string | undefined): true | string {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return 'Required: the figure as a number (e.g. 75, not "75%"). 必填：請填數字。'
  }
  switch (unit) {
    case 'percent':
      return value >= 0 && value <= 100
        ? true
        : `A percent must be between 0 and 100 (got ${value}). If the source says "over 100%", enter 100 and choose "More than". 百分比須介於 0 到 100。`
    case 'rank':
      return Number.isInteger(value) && value >= 1 ? true : `A rank must be a whole number from 1 (got ${value}). 排名須為 1 以上的整數。`
    case 'count':
    case 'days':
      return Number.isInteger(value) && value >= 0 ? true : `A ${unit} must be a whole number of 0 or more (got ${value}). 須為 0 以上的整數。`
    case 'currency':
      return value > 0 ? true : `An amount of money must be more than 0 (got ${value}); enter it in full units, e.g. 1700000000000 for 1.7 trillion. 金額須大於 0。`
    default:
      return true
  }
}

/** One figure the brief states, with its unit, date and source. */
export const metric = defineType({
  name: 'metric',
  title: 'Metric',
  type: 'document',
  icon: BarChartIcon,
  fields: [
    requiredLocalizedField('label', 'Label', 'localeString', 'What the figure measures, e.g. "Foundry market share" / 晶圓代工市占率.'),
    slugField('label.en'),
    defineField({
      name: 'value',
      title: 'Value',
      type: 'number',
      description: 'In full units: 75 for 75%, 1700000000000 for NT$1.7 trillion.',
      validation: (rule) => rule.custom((value, context) => checkMetricValue(value, unitOf(context))),
    }),
    defineField({
      name: 'comparator',
      title: 'Comparator',
      type: 'string',
      initialValue: 'exact',
      options: { list: [...comparators], layout: 'radio', direction: 'horizontal' },
      validation: (rule) => rule.required().error('Required: how the number relates to the figure (exactly, about, more than). 必填。'),
    }),
    defineField({
      name: 'unit',
      title: 'Unit',
      type: 'string',
      options: { list: [...units], layout: 'radio' },
      validation: (rule) => rule.required().error('Required: the unit (percent, rank, count, days or money). 必填：單位。'),
    }),
    defineField({
      name: 'currency',
      title: 'Currency',
      type: 'string',
      options: { list: [...currencies], layout: 'radio', direction: 'horizontal' },
      hidden: ({ document }) => (document as MetricDoc | undefined)?.unit !== 'currency',
      validation: (rule) =>
        rule.custom((value, context) => {
          const unit = unitOf(context)
          if (unit === 'currency' && !value) return 'Required for money: the currency (TWD or USD). 金額須選擇幣別。'
          if (unit !== 'currency' && value) return 'Only money has a currency: clear it or set the unit to Money. 非金額不需幣別。'
          return true
        }),
    }),
    defineField({
      name: 'countNoun',
      title: 'What is counted',
      type: 'localeString',
      description: 'For counts: e.g. "production lines" / "條產線", "companies" / "家廠商".',
      hidden: ({ document }) => (document as MetricDoc | undefined)?.unit !== 'count',
      validation: (rule) =>
        rule.custom((value, context) =>
          unitOf(context) === 'count' && !(value && Object.values(value).some(hasText))
            ? 'Required for counts: what is counted, in every language. 計數須填寫計數對象。'
            : true,
        ),
    }),
    partialDateField('asOf', 'As of', 'The date the figure describes, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.'),
    defineField({ name: 'note', title: 'Note', type: 'localeText', description: 'Context a reader needs, e.g. "out of 75 emerging economies".' }),
    defineField({
      name: 'source',
      title: 'Source',
      type: 'reference',
      to: [{ type: 'source' }],
      validation: (rule) => rule.required().error('Required: the source of this figure. Every figure needs one. 必填：每項數據都須註明出處。'),
    }),
    defineField({
      name: 'statedIn',
      title: 'Stated in section',
      type: 'reference',
      to: [{ type: 'section' }],
      description: 'The part of the brief where the figure appears.',
    }),
  ],
  preview: {
    select: { ...selectLocalized('label'), value: 'value', unit: 'unit', currency: 'currency', asOf: 'asOf' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'label')
      const unit = s.unit === 'currency' ? String(s.currency ?? '') : s.unit === 'percent' ? '%' : String(s.unit ?? '')
      return {
        title: bilingualTitle(s, 'label'),
        subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : `${String(s.value)} ${unit} · ${String(s.asOf ?? '')}`,
      }
    },
  },
})
