import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ChartUpwardIcon } from '@sanity/icons'
import { orderRankField, requiredLocalizedField, slugField } from '../lib/fields.ts'
import { bilingualTitle, missingLocales, selectLocalized } from '../lib/preview.ts'

/**
 * Figures that belong together and are compared in one chart, e.g. the six-trillion
 * investment plan by area. All its figures share one unit (and currency), so one axis fits.
 */
export const metricGroup = defineType({
  name: 'metricGroup',
  title: 'Figure group',
  type: 'document',
  icon: ChartUpwardIcon,
  fields: [
    requiredLocalizedField('title', 'Title', 'localeString'),
    slugField(),
    orderRankField('figure group'),
    requiredLocalizedField('summary', 'What the chart shows', 'localeText', 'One or two sentences: the text summary of the chart.'),
    defineField({
      name: 'metrics',
      title: 'Figures',
      type: 'array',
      description: 'In the order they are compared; all with the same unit.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'metric' }] })],
      validation: (rule) => [
        rule.required().min(2).error('Required: at least two figures to compare. 必填：至少兩項數據。'),
        rule.unique().error('Each figure once only. 同一數據請勿重複。'),
        rule.custom(async (value, context) => {
          const ids = (value ?? []).map((ref) => (ref as { _ref: string })._ref)
          if (ids.length < 2) return true
          const rows = await context
            .getClient({ apiVersion: '2025-02-19' })
            .fetch<{ unit?: string; currency?: string }[]>('*[_id in $ids]{unit, currency}', { ids })
          const kinds = new Set(rows.map((r) => `${r.unit ?? ''}${r.currency ? `:${r.currency}` : ''}`))
          return kinds.size <= 1
            ? true
            : `All figures in a group need the same unit to share a chart (found ${[...kinds].join(', ')}). 同組數據須使用相同單位。`
        }),
      ],
    }),
  ],
  orderings: [{ title: 'Editorial order', name: 'orderRank', by: [{ field: 'orderRank', direction: 'asc' }] }],
  preview: {
    select: { ...selectLocalized('title'), count: 'metrics.length' },
    prepare: (s: Record<string, unknown>) => {
      const missing = missingLocales(s, 'title')
      return { title: bilingualTitle(s, 'title'), subtitle: missing.length ? `⚠ missing ${missing.join(', ')}` : `${String(s.count ?? 0)} figures` }
    },
  },
})
