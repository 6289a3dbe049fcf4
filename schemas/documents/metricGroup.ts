import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ChartUpwardIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, missingNote, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/**
 * Figures that belong together and are compared in one chart, e.g. the six-trillion
 * investment plan by area. All its figures share one unit (and currency), so one axis fits.
 */
export const metricGroup = defineType({
  name: 'metricGroup',
  title: label('數據組', 'Figure group'),
  type: 'document',
  icon: ChartUpwardIcon,
  fields: [
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString'),
    slugField(),
    orderRankField(),
    requiredLocalizedField(
      'summary',
      label('圖表重點', 'What the chart shows'),
      'localeText',
      label('一兩句話：圖表的文字摘要。', 'One or two sentences: the text summary of the chart.'),
    ),
    defineField({
      name: 'metrics',
      title: label('數據', 'Figures'),
      type: 'array',
      description: label('依比較順序排列；單位須相同。', 'In the order they are compared; all with the same unit.'),
      of: [defineArrayMember({ type: 'reference', title: label('數據', 'Figure'), to: [{ type: 'metric' }] })],
      validation: (rule) => [
        rule.required().min(2).error(label('必填：至少兩項數據才能比較。', 'Required: at least two figures to compare.')),
        rule.unique().error(label('同一項數據請勿重複。', 'Each figure once only.')),
        rule.custom(async (value, context) => {
          const ids = (value ?? []).map((ref) => (ref as { _ref: string })._ref)
          if (ids.length < 2) return true
          const rows = await context.getClient({ apiVersion: '2025-02-19' }).fetch<{ unit?: string; currency?: string }[]>('*[_id in $ids]{unit, currency}', { ids })
          const kinds = new Set(rows.map((r) => `${r.unit ?? ''}${r.currency ? `:${r.currency}` : ''}`))
          return kinds.size <= 1
            ? true
            : label(
                `同組數據須使用相同單位，才能畫在同一張圖表（目前有 ${[...kinds].join(', ')}）。`,
                `All figures in a group need the same unit to share a chart (found ${[...kinds].join(', ')}).`,
              )
        }),
      ],
    }),
  ],
  orderings: [{ title: label('編輯排序', 'Editorial order'), name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), count: 'metrics.length' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? missingNote(missing) : label(`${String(s.count ?? 0)} 項數據`, `${String(s.count ?? 0)} figures`) }
    },
  },
})
