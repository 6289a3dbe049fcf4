import { describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import { formatComparator, formatCompact, formatMetricValue, formatNumber, formatPlainNumber, spaceCjk, type FormattableMetric } from '../../schemas/i18n/format'

const EN = getLocale('en')
const ZH = getLocale('zhTW')

const m = (over: Partial<FormattableMetric>): FormattableMetric => ({ value: 0, comparator: 'exact', unit: 'percent', ...over })

const cases: [string, FormattableMetric, string, string][] = [
  ['six-trillion part (TWD, trillion)', m({ value: 1.7e12, unit: 'currency', currency: 'TWD' }), 'NT$1.7 trillion', '新臺幣 1.7 兆元'],
  ['Micron investment (USD, 2.123 billion)', m({ value: 2_123_000_000, unit: 'currency', currency: 'USD' }), 'US$2.123 billion', '21.23 億美元'],
  ['foundry share', m({ value: 75 }), '75%', '75%'],
  ['wireless internet rate', m({ value: 80.2 }), '80.2%', '80.2%'],
  ['rank', m({ value: 3, unit: 'rank' }), 'No. 3', '第 3 名'],
  ['days', m({ value: 40, unit: 'days' }), '40 days', '40 天'],
  ['over a trillion NT$', m({ value: 1e12, unit: 'currency', currency: 'TWD', comparator: 'over' }), 'more than NT$1 trillion', '超過新臺幣 1 兆元'],
  ['about 1.8 billion US$', m({ value: 1.8e9, unit: 'currency', currency: 'USD', comparator: 'about' }), 'about US$1.8 billion', '約 18 億美元'],
  ['over 80%', m({ value: 80, comparator: 'over' }), 'more than 80%', '超過 80%'],
  ['580 billion NT$', m({ value: 5.8e11, unit: 'currency', currency: 'TWD', comparator: 'over' }), 'more than NT$580 billion', '超過新臺幣 5,800 億元'],
  ['over 40 billion US$', m({ value: 4e10, unit: 'currency', currency: 'USD', comparator: 'over' }), 'more than US$40 billion', '超過 400 億美元'],
  ['at least, count without a noun', m({ value: 85, unit: 'count', comparator: 'atLeast' }), 'at least 85', '至少 85'],
]

describe('formatMetricValue', () => {
  for (const [name, metric, en, zh] of cases) {
    it(`${name}: en`, () => expect(formatMetricValue(metric, EN)).toBe(en))
    it(`${name}: zh-TW`, () => expect(formatMetricValue(metric, ZH)).toBe(zh))
  }

  it('counts use the content noun in each language', () => {
    const base = m({ value: 92, unit: 'count' })
    expect(formatMetricValue({ ...base, countNoun: { value: 'production lines' } }, EN)).toBe('92 production lines')
    expect(formatMetricValue({ ...base, countNoun: { value: '條產線' } }, ZH)).toBe('92 條產線')
    expect(formatMetricValue({ ...base, comparator: 'over', countNoun: '家廠商' }, ZH)).toBe('超過 92 家廠商')
    expect(formatMetricValue({ ...base, comparator: 'over', countNoun: 'companies' }, EN)).toBe('more than 92 companies')
  })

  it('short style for chart labels', () => {
    expect(formatMetricValue(m({ value: 80, comparator: 'over' }), EN, { style: 'short' })).toBe('> 80%')
    expect(formatMetricValue(m({ value: 80, comparator: 'over' }), ZH, { style: 'short' })).toBe('> 80%')
    expect(formatMetricValue(m({ value: 1.7e12, unit: 'currency', currency: 'TWD' }), EN, { style: 'short' })).toBe('NT$1.7T')
    expect(formatMetricValue(m({ value: 1.7e12, unit: 'currency', currency: 'TWD' }), ZH, { style: 'short' })).toBe('新臺幣 1.7 兆元')
  })

  it('can leave the comparator out', () => {
    expect(formatMetricValue(m({ value: 1e12, unit: 'currency', currency: 'TWD', comparator: 'over' }), EN, { comparator: false })).toBe('NT$1 trillion')
    expect(formatComparator('over', EN)).toBe('more than')
    expect(formatComparator('about', ZH)).toBe('約')
    expect(formatComparator('exact', EN)).toBe('')
  })

  it('never rounds a figure away', () => {
    expect(formatMetricValue(m({ value: 1_234_567_000_000, unit: 'currency', currency: 'TWD' }), EN)).toBe('NT$1.234567 trillion')
  })

  it('fails loudly on bad input', () => {
    expect(() => formatMetricValue(m({ value: Number.NaN }), EN)).toThrow(/finite/)
    expect(() => formatMetricValue(m({ value: 5, unit: 'currency' }), EN)).toThrow(/currency/)
  })
})

describe('plain and table numbers', () => {
  it('plain numbers for CSV and JSON: no grouping, no exponent', () => {
    expect(formatPlainNumber(1.7e12)).toBe('1700000000000')
    expect(formatPlainNumber(80.2)).toBe('80.2')
    expect(formatPlainNumber(2_123_000_000)).toBe('2123000000')
    expect(formatPlainNumber(1e21)).toBe('1000000000000000000000')
  })
  it('table numbers use the locale grouping', () => {
    expect(formatNumber(1234567.5, EN)).toBe('1,234,567.5')
    expect(formatNumber(1234567.5, ZH)).toBe('1,234,567.5')
  })
  it('compact numbers', () => {
    expect(formatCompact(2.6e12, EN)).toBe('2.6 trillion')
    expect(formatCompact(2.6e12, ZH)).toBe('2.6 兆')
  })
  it('CJK spacing', () => {
    expect(spaceCjk('2020年4月')).toBe('2020 年 4 月')
    expect(spaceCjk('超過新臺幣1兆元')).toBe('超過新臺幣 1 兆元')
    expect(spaceCjk('April 2020')).toBe('April 2020')
  })
})

describe('formatting each value once per build', () => {
  // The texts are remembered by everything they depend on: a changed figure (the same
  // object edited, as a live preview could) must give its new text, never the old one.
  it('gives the new text when any field of the same figure changes', () => {
    const figure = m({ value: 1.7e12, unit: 'currency', currency: 'TWD', comparator: 'over' })
    expect(formatMetricValue(figure, EN)).toBe('more than NT$1.7 trillion')
    figure.value = 2e12
    expect(formatMetricValue(figure, EN)).toBe('more than NT$2 trillion')
    figure.currency = 'USD'
    expect(formatMetricValue(figure, EN)).toBe('more than US$2 trillion')
    figure.comparator = 'about'
    expect(formatMetricValue(figure, EN)).toBe('about US$2 trillion')
    expect(formatMetricValue(figure, EN, { comparator: false })).toBe('US$2 trillion')
    expect(formatMetricValue(figure, EN, { style: 'short' })).not.toBe(formatMetricValue(figure, EN))
    // The same figure in Chinese is its own entry, and follows the edits as well.
    expect(formatMetricValue(figure, ZH)).toBe('約 2 兆美元')
    figure.value = 1.8e9
    expect(formatMetricValue(figure, ZH)).toBe('約 18 億美元')
    expect(formatMetricValue(figure, EN)).toBe('about US$1.8 billion')
    const lines = m({ value: 5, unit: 'count', countNoun: 'production lines' })
    expect(formatMetricValue(lines, EN)).toBe('5 production lines')
    lines.countNoun = 'factories'
    expect(formatMetricValue(lines, EN)).toBe('5 factories')
    const zhLines = m({ value: 5, unit: 'count', countNoun: '條產線' })
    expect(formatMetricValue(zhLines, ZH)).toBe('5 條產線')
    zhLines.countNoun = '座工廠'
    expect(formatMetricValue(zhLines, ZH)).toBe('5 座工廠')
  })

  it('throws again for a bad value, and never answers a string like its number', () => {
    expect(formatMetricValue(m({ value: 75 }), EN)).toBe('75%')
    expect(() => formatMetricValue(m({ value: '75' as unknown as number }), EN)).toThrow(/finite number/)
    expect(() => formatMetricValue(m({ value: 5, unit: 'currency' }), EN)).toThrow(/no currency/)
    expect(() => formatMetricValue(m({ value: 5, unit: 'currency' }), EN)).toThrow(/no currency/)
  })

  it('keeps -0 apart from 0', () => {
    expect(formatPlainNumber(0)).toBe('0')
    expect(formatPlainNumber(-0)).toBe('-0')
    expect(formatPlainNumber(0)).toBe('0')
  })
})
