import { defineField, defineType, type ValidationContext } from '@sanity/types'
import { BarChartIcon } from '@sanity/icons'
import { partialDateField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { hasText } from '../lib/text.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label, LABEL_SEPARATOR } from '../lib/label.ts'
import { metricEcho } from '../lib/metric-echo.ts'
import { locales } from '../locales.ts'

/** How a figure relates to its number, as the source words it ("over", "about"). */
export const comparators = [
  { title: label('恰為', 'Exactly'), value: 'exact' },
  { title: label('約', 'About'), value: 'about' },
  { title: label('超過（逾、突破）', 'More than / over'), value: 'over' },
  { title: label('至少', 'At least'), value: 'atLeast' },
] as const

/** What the number measures. Every rendering (text, chart, table, CSV) is derived from it. */
export const units = [
  { title: label('百分比（%）', 'Percent (%)'), value: 'percent' },
  { title: label('名次（1 為第一）', 'Rank (1 = first)'), value: 'rank' },
  { title: label('數量（計數）', 'Count (of something)'), value: 'count' },
  { title: label('天數', 'Days'), value: 'days' },
  { title: label('金額', 'Money'), value: 'currency' },
] as const

/** Currencies the brief uses, as ISO 4217 codes (Intl formats them: NT$, US$). */
export const currencies = [
  { title: label('新臺幣（NT$）', 'New Taiwan dollar (NT$)'), value: 'TWD' },
  { title: label('美元（US$）', 'US dollar (US$)'), value: 'USD' },
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
    return label('必填：請填數字（例如 75，而非「75%」）。', 'Required: the figure as a number (e.g. 75, not "75%").')
  }
  switch (unit) {
    case 'percent':
      return value >= 0 && value <= 100
        ? true
        : label(
            `百分比須介於 0 到 100（目前為 ${value}）。來源寫「超過 100%」時，請填 100 並選「超過」。`,
            `A percent must be between 0 and 100 (got ${value}). If the source says "over 100%", enter 100 and choose "More than".`,
          )
    case 'rank':
      return Number.isInteger(value) && value >= 1 ? true : label(`名次須為 1 以上的整數（目前為 ${value}）。`, `A rank must be a whole number from 1 (got ${value}).`)
    case 'count':
    case 'days':
      return Number.isInteger(value) && value >= 0
        ? true
        : label(`${unit === 'days' ? '天數' : '數量'}須為 0 以上的整數（目前為 ${value}）。`, `A ${unit} must be a whole number of 0 or more (got ${value}).`)
    case 'currency':
      return value > 0
        ? true
        : label(
            `金額須大於 0（目前為 ${value}）；請以元為單位完整填寫，例如 1.7 兆元填 1700000000000。`,
            `An amount of money must be more than 0 (got ${value}); enter it in full units, e.g. 1700000000000 for 1.7 trillion.`,
          )
    default:
      return true
  }
}

/** One figure the brief states, with its unit, date and source. */
export const metric = defineType({
  name: 'metric',
  title: label('數據', 'Metric'),
  type: 'document',
  icon: BarChartIcon,
  fields: [
    requiredLocalizedField(
      'label',
      label('標籤', 'Label'),
      'localeString',
      label('這項數據衡量什麼，例如「晶圓代工市占率」。', 'What the figure measures, e.g. "Foundry market share".'),
    ),
    slugField('label.en'),
    defineField({
      name: 'value',
      title: label('數值', 'Value'),
      type: 'number',
      description: label('以完整單位填寫：75% 填 75，新臺幣 1.7 兆元填 1700000000000。', 'In full units: 75 for 75%, 1700000000000 for NT$1.7 trillion.'),
      validation: (rule) => rule.custom((value, context) => checkMetricValue(value, unitOf(context))),
    }),
    defineField({
      name: 'comparator',
      title: label('比較詞', 'Comparator'),
      type: 'string',
      initialValue: 'exact',
      options: { list: [...comparators], layout: 'radio', direction: 'horizontal' },
      validation: (rule) =>
        rule.required().error(label('必填：數字與數據的關係（恰為、約、超過、至少）。', 'Required: how the number relates to the figure (exactly, about, more than, at least).')),
    }),
    defineField({
      name: 'unit',
      title: label('單位', 'Unit'),
      type: 'string',
      options: { list: [...units], layout: 'radio' },
      validation: (rule) => rule.required().error(label('必填：單位（百分比、名次、數量、天數或金額）。', 'Required: the unit (percent, rank, count, days or money).')),
    }),
    defineField({
      name: 'currency',
      title: label('幣別', 'Currency'),
      type: 'string',
      options: { list: [...currencies], layout: 'radio', direction: 'horizontal' },
      hidden: ({ document }) => (document as MetricDoc | undefined)?.unit !== 'currency',
      validation: (rule) =>
        rule.custom((value, context) => {
          const unit = unitOf(context)
          if (unit === 'currency' && !value) return label('金額須選擇幣別（新臺幣或美元）。', 'Required for money: the currency (TWD or USD).')
          if (unit !== 'currency' && value) return label('只有金額需要幣別：請清除幣別，或將單位改為「金額」。', 'Only money has a currency: clear it or set the unit to Money.')
          return true
        }),
    }),
    defineField({
      name: 'countNoun',
      title: label('計數對象', 'What is counted'),
      type: 'localeString',
      description: label('用於數量：例如「條產線」、「家廠商」。', 'For counts: e.g. "production lines", "companies".'),
      hidden: ({ document }) => (document as MetricDoc | undefined)?.unit !== 'count',
      validation: (rule) =>
        rule.custom((value, context) =>
          unitOf(context) === 'count' && !(value && Object.values(value).some(hasText))
            ? label('數量須以中英文填寫計數對象。', 'Required for counts: what is counted, in every language.')
            : true,
        ),
    }),
    partialDateField(
      'asOf',
      label('資料時間', 'As of'),
      label('數據所描述的時間，與來源一樣精確：YYYY、YYYY-MM 或 YYYY-MM-DD。', 'The date the figure describes, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.'),
    ),
    defineField({
      name: 'note',
      title: label('附註', 'Note'),
      type: 'localeText',
      description: label('讀者需要的背景，例如「在 75 個新興經濟體中」。', 'Context a reader needs, e.g. "out of 75 emerging economies".'),
    }),
    defineField({
      name: 'source',
      title: label('出處', 'Source'),
      type: 'reference',
      to: [{ type: 'source' }],
      validation: (rule) => rule.required().error(label('必填：每項數據都須註明出處。', 'Required: the source of this figure. Every figure needs one.')),
    }),
    defineField({
      name: 'statedIn',
      title: label('所在章節', 'Stated in section'),
      type: 'reference',
      to: [{ type: 'section' }],
      description: label('簡報中出現這項數據的段落。', 'The part of the brief where the figure appears.'),
    }),
  ],
  orderings: [
    { title: label('標籤（依英文排序）', 'Label (English)'), name: 'labelEn', by: [{ field: 'label.en', direction: 'asc' }] },
    { title: label('資料時間（新到舊）', 'As of, newest first'), name: 'asOfDesc', by: [{ field: 'asOf', direction: 'desc' }] },
  ],
  preview: {
    select: {
      ...selectLocalized('label'),
      ...selectLocalized('countNoun'),
      value: 'value',
      unit: 'unit',
      currency: 'currency',
      comparator: 'comparator',
      asOf: 'asOf',
    },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'label')
      const countNoun = Object.fromEntries(locales.map((l) => [l.id, s[`countNoun_${l.id}`]]))
      // The figure as the site writes it; the raw number only while it cannot be written yet.
      const figure = metricEcho({ ...s, countNoun }) ?? `${String(s.value ?? '?')} ${String(s.unit ?? '')}`
      return {
        title: bilingualTitle(s, 'label'),
        subtitle: missing.length ? missingNote(missing) : [figure, s.asOf].filter(Boolean).join(LABEL_SEPARATOR),
      }
    },
  },
})
