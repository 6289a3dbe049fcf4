/**
 * The figure echoed under the metric value and in the metric list: the site's own formatter
 * (schemas/i18n/format.ts) in every language, Chinese first, so the Studio shows exactly what
 * the pages will say.
 */
import { describe, expect, it } from 'vitest'
import { localeById } from '../../schemas/locales'
import { metricEcho } from '../../schemas/lib/metric-echo'
import { formatMetricValue } from '../../schemas/i18n/format'
import { schemaTypes } from '../../schemas'

type Preview = { select: Record<string, string>; prepare: (s: Record<string, unknown>) => { title?: unknown; subtitle?: unknown } }
const metricPreview = (schemaTypes.find((t) => t.name === 'metric') as unknown as { preview: Preview }).preview

describe('metricEcho', () => {
  it('writes 1.7e12 TWD as the site does: 新臺幣 1.7 兆元 · NT$1.7 trillion', () => {
    const figure = { value: 1_700_000_000_000, unit: 'currency', currency: 'TWD', comparator: 'exact' } as const
    expect(metricEcho(figure)).toBe('新臺幣 1.7 兆元 · NT$1.7 trillion')
    expect(metricEcho(figure)).toBe(`${formatMetricValue(figure, localeById.zhTW)} · ${formatMetricValue(figure, localeById.en)}`)
  })

  it('follows the comparator, the currency, the unit and the counted noun of each language', () => {
    expect(metricEcho({ value: 2_123_000_000, unit: 'currency', currency: 'USD', comparator: 'about' })).toBe('約 21.23 億美元 · about US$2.123 billion')
    expect(metricEcho({ value: 80.2, unit: 'percent', comparator: 'over' })).toBe('超過 80.2% · more than 80.2%')
    expect(metricEcho({ value: 3, unit: 'rank', comparator: 'exact' })).toBe('第 3 名 · No. 3')
    expect(metricEcho({ value: 12, unit: 'count', comparator: 'exact', countNoun: { zhTW: '條產線', en: 'production lines' } })).toBe('12 條產線 · 12 production lines')
    expect(metricEcho({ value: 90, unit: 'days', comparator: 'atLeast' })).toBe('至少 90 天 · at least 90 days')
  })

  it('reads an unset comparator as "exact", its initial value', () => {
    expect(metricEcho({ value: 1_700_000_000_000, unit: 'currency', currency: 'TWD' })).toBe('新臺幣 1.7 兆元 · NT$1.7 trillion')
  })

  it('says nothing while the figure cannot be written: no number, no unit, money without a currency', () => {
    expect(metricEcho({ unit: 'percent' })).toBeUndefined()
    expect(metricEcho({ value: '75', unit: 'percent' })).toBeUndefined()
    expect(metricEcho({ value: Number.NaN, unit: 'percent' })).toBeUndefined()
    expect(metricEcho({ value: 75 })).toBeUndefined()
    expect(metricEcho({ value: 75, unit: 'litres' })).toBeUndefined()
    expect(metricEcho({ value: 1_000_000, unit: 'currency' })).toBeUndefined()
    expect(metricEcho({ value: 1_000_000, unit: 'currency', currency: 'EUR' })).toBeUndefined()
  })
})

describe('the metric list preview', () => {
  const selection = (extra: Record<string, unknown>) => ({ label_zhTW: '投資金額', label_en: 'Investment', asOf: '2021', ...extra })

  it('selects what the echo needs', () => {
    expect(metricPreview.select).toMatchObject({
      value: 'value',
      unit: 'unit',
      currency: 'currency',
      comparator: 'comparator',
      countNoun_zhTW: 'countNoun.zhTW',
      countNoun_en: 'countNoun.en',
    })
  })

  it('shows the figure as the site writes it, not the raw number', () => {
    const prepared = metricPreview.prepare(selection({ value: 1_700_000_000_000, unit: 'currency', currency: 'TWD', comparator: 'over' }))
    expect(prepared).toEqual({ title: '投資金額 · Investment', subtitle: '超過新臺幣 1.7 兆元 · more than NT$1.7 trillion · 2021' })
    const counted = metricPreview.prepare(selection({ value: 5, unit: 'count', countNoun_zhTW: '家廠商', countNoun_en: 'companies' }))
    expect(counted.subtitle).toBe('5 家廠商 · 5 companies · 2021')
  })

  it('falls back to the raw number while the figure is incomplete', () => {
    expect(metricPreview.prepare(selection({ value: 1_000_000, unit: 'currency' })).subtitle).toBe('1000000 currency · 2021')
  })
})
