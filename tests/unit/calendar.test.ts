/**
 * Dates as Taiwan writes them: the ROC calendar on zh-TW pages (Intl's `roc` calendar), the
 * Gregorian date beside it when Site settings says both, Gregorian only on English pages;
 * full and partial dates in both calendars, and instants as the day in Taiwan. Every
 * expected text is written out here.
 */
import { describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import type { Localized } from '../../src/content/localize'
import { dateTimeAttribute, formatDate } from '../../schemas/i18n/calendar'
import { staleNotice } from '../../src/components/translation-notice'

const EN = getLocale('en')
const ZH = getLocale('zhTW')

describe('zh-TW in the ROC calendar, the Gregorian calendar and both', () => {
  const cases: [string, string, string, string][] = [
    // date, roc, gregorian, both
    ['2020-05-20', '民國 109 年 5 月 20 日', '2020 年 5 月 20 日', '民國 109 年 5 月 20 日（2020 年 5 月 20 日）'],
    ['2020-04', '民國 109 年 4 月', '2020 年 4 月', '民國 109 年 4 月（2020 年 4 月）'],
    ['2020', '民國 109 年', '2020 年', '民國 109 年（2020 年）'],
    ['1912-01-01', '民國 1 年 1 月 1 日', '1912 年 1 月 1 日', '民國 1 年 1 月 1 日（1912 年 1 月 1 日）'],
  ]
  for (const [date, roc, gregorian, both] of cases) {
    it(`${date}`, () => {
      expect(formatDate(date, ZH, 'roc')).toBe(roc)
      expect(formatDate(date, ZH, 'gregorian')).toBe(gregorian)
      expect(formatDate(date, ZH, 'both')).toBe(both)
    })
  }

  it('before 1912 the ROC calendar counts back (民國前)', () => {
    expect(formatDate('1911', ZH, 'roc')).toBe('民國前 1 年')
  })
})

describe('English is always Gregorian', () => {
  for (const calendar of ['roc', 'gregorian', 'both'] as const) {
    it(`with the setting "${calendar}"`, () => {
      expect(formatDate('2020-05-20', EN, calendar)).toBe('May 20, 2020')
      expect(formatDate('2020-04', EN, calendar)).toBe('April 2020')
      expect(formatDate('2020', EN, calendar)).toBe('2020')
      expect(formatDate('2020-01-01', EN, calendar)).toBe('January 1, 2020')
    })
  }
})

describe('instants (a page or an update changed) are the day in Taiwan', () => {
  it('16:01 UTC on 27 November is already 28 November in Taipei', () => {
    expect(formatDate('2026-11-27T16:01:39Z', ZH, 'both')).toBe('民國 115 年 11 月 28 日（2026 年 11 月 28 日）')
    expect(formatDate('2026-11-27T16:01:39Z', ZH, 'roc')).toBe('民國 115 年 11 月 28 日')
    expect(formatDate('2026-11-27T16:01:39Z', EN, 'both')).toBe('November 28, 2026')
    expect(formatDate('2026-11-27T15:59:59.500Z', EN, 'roc')).toBe('November 27, 2026')
  })
})

describe("a stale translation's notice dates its confirmation in the page's calendar", () => {
  // Confirmed at 19:03 UTC on 2 December: 3 December in Taiwan.
  const title: Localized<string> = {
    value: '臺灣五大優勢',
    locale: 'zhTW',
    lang: 'zh-Hant-TW',
    fallback: false,
    stale: { sourceLocale: 'en', confirmedAt: '2026-12-02T19:03:06.348Z' },
  }
  const notice = (calendar: 'roc' | 'gregorian' | 'both') => staleNotice(title, getLocale('zhTW'), calendar)

  it('in the ROC calendar on zh-TW pages when Site settings says so', () => {
    expect(notice('roc')).toBe('這段中文譯自較早版本的英文原文；英文原文在民國 115 年 12 月 3 日之後已有修改。')
  })
  it('Gregorian or both, as the setting says', () => {
    expect(notice('gregorian')).toBe('這段中文譯自較早版本的英文原文；英文原文在2026 年 12 月 3 日之後已有修改。')
    expect(notice('both')).toBe('這段中文譯自較早版本的英文原文；英文原文在民國 115 年 12 月 3 日（2026 年 12 月 3 日）之後已有修改。')
  })
  it('always Gregorian in English', () => {
    const english: Localized<string> = {
      ...title,
      value: "Taiwan's five strengths",
      locale: 'en',
      lang: 'en',
      stale: { sourceLocale: 'zhTW', confirmedAt: '2026-12-02T19:03:06.348Z' },
    }
    expect(staleNotice(english, getLocale('en'), 'roc')).toBe(
      'This English text was translated from an earlier version of the Chinese original, which has changed since December 3, 2026.',
    )
  })
})

describe('bad dates and the datetime attribute', () => {
  it('refuses what is not a date, naming it', () => {
    expect(() => formatDate('2020/04', EN, 'both')).toThrow(/not a partial date/)
    expect(() => formatDate('2020-13', ZH, 'roc')).toThrow(/"2020-13"/)
    expect(() => formatDate('2020-02-30', EN, 'both')).toThrow(/not a real date/)
    expect(() => formatDate('yesterday', EN, 'both')).toThrow(/"yesterday"/)
  })

  it('<time datetime> carries the ISO date as given', () => {
    expect(dateTimeAttribute('2020-04')).toBe('2020-04')
    expect(dateTimeAttribute('2026-11-27T16:01:39Z')).toBe('2026-11-27T16:01:39Z')
    expect(() => dateTimeAttribute('20-04')).toThrow()
  })
})
