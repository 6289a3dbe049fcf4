/** Pure helpers of the reading fixes: headings' line breaks, lists, dates in parentheses, section links, page dates. */
import { describe, expect, it } from 'vitest'
import { keepLatinWithHan } from '../../src/components/typography.ts'
import { sectionLinks } from '../../src/components/section-links.ts'
import { formatList, formatCompact } from '../../schemas/i18n/format.ts'
import { formatDate } from '../../schemas/i18n/calendar.ts'
import { getLocale } from '../../schemas/locales.ts'

const zh = getLocale('zhTW')
const en = getLocale('en')

describe('keepLatinWithHan', () => {
  it('ties a Latin word or number to the Han character after it', () => {
    expect(keepLatinWithHan('IMD 世界數位競爭力')).toEqual([
      { text: 'IMD 世', together: true },
      { text: '界數位競爭力', together: false },
    ])
    expect(keepLatinWithHan('工業 4.0 趨勢').map((p) => p.text)).toEqual(['工業 ', '4.0 趨', '勢'])
  })
  it('leaves text without a Latin-then-Han pair whole', () => {
    expect(keepLatinWithHan('Taiwan ranks first')).toEqual([{ text: 'Taiwan ranks first', together: false }])
    expect(keepLatinWithHan('')).toEqual([{ text: '', together: false }])
  })
})

describe('formatList', () => {
  it('zh-TW: Intl.ListFormat, a space where a joiner meets a Latin word', () => {
    expect(formatList(['智慧製造', 'smart manufacturing'], zh)).toBe('智慧製造和 smart manufacturing')
    expect(formatList(['勇鷹號', '新式高教機'], zh)).toBe('勇鷹號和新式高教機')
    expect(formatList(['a', 'b', 'c'], en)).toBe('a, b, and c')
  })
})

describe('numbers and dates', () => {
  it('compact numbers are grouped: 5,800 億', () => {
    expect(formatCompact(5.8e11, zh)).toBe('5,800 億')
    expect(formatCompact(5e11, zh)).toBe('5,000 億')
    expect(formatCompact(5.8e11, en)).toBe('580 billion')
  })
  it('a date inside parentheses writes both calendars side by side, not nested', () => {
    expect(formatDate('2020-04', zh, 'both', 'parenthetical')).toBe('民國 109 年 4 月，2020 年 4 月')
    expect(formatDate('2020-04', zh, 'both')).toBe('民國 109 年 4 月（2020 年 4 月）')
    expect(formatDate('2020-04', zh, 'roc', 'parenthetical')).toBe('民國 109 年 4 月')
    expect(formatDate('2020-04', en, 'both', 'parenthetical')).toBe('April 2020')
  })
})

describe('sectionLinks', () => {
  const twins = [
    { locale: zh, path: '/zh-tw/policy/' },
    { locale: en, path: '/en/policy/' },
  ]
  it('links a section to the same id on each other language page', () => {
    expect(sectionLinks(twins, zh, 'conclusion')).toEqual([{ href: '/en/policy/#conclusion', locale: en }])
    expect(sectionLinks(twins, en, 'six-industries')).toEqual([{ href: '/zh-tw/policy/#six-industries', locale: zh }])
  })
  it('refuses an id that is not a slug', () => {
    expect(() => sectionLinks(twins, zh, '結論')).toThrow(/not a slug/)
  })
})
