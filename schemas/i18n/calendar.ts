/**
 * Dates as Taiwan writes them. On zh-TW pages a date shows the ROC (民國) year, from Intl's
 * `roc` calendar (`zh-TW-u-ca-roc`), with the Gregorian date beside it when Site settings asks
 * for both (the default): "民國 109 年 5 月 20 日（2020 年 5 月 20 日）". English pages always use
 * the Gregorian calendar. Partial dates stay partial in both calendars ("民國 109 年 4 月").
 *
 * Two kinds of input: a partial ISO date (`2020`, `2020-04`, `2020-05-20`: a source's date, a
 * figure's as-of date) and an instant (`2026-11-27T16:01:39Z`: when a page or an update
 * changed), shown as the day it was in Taiwan (Asia/Taipei), in both languages.
 */
import type { Locale } from '../locales'
import { spaceCjk } from './format.ts'
import { t } from './t.ts'

/** How zh-TW pages write dates (Site settings, `dateCalendar`). */
export type DateCalendar = 'both' | 'roc' | 'gregorian'

/** The time zone instants are dated in: the site is about Taiwan. */
export const SITE_TIME_ZONE = 'Asia/Taipei'

const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' }
const MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long' }
const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' }
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

const formats = new Map<string, Intl.DateTimeFormat>()
/** One `Intl.DateTimeFormat` per language, fields and zone: making one costs far more than using it. */
export function dateFormat(tag: string, options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`
  let df = formats.get(key)
  if (!df) formats.set(key, (df = new Intl.DateTimeFormat(tag, { ...options, timeZone })))
  return df
}

/** Whether a locale's pages write the ROC year: Traditional Chinese for Taiwan. */
function usesRoc(locale: Locale): boolean {
  return locale.tag === 'zh-TW'
}

/** A partial date's first instant (UTC) and the Intl fields of its precision: a year, a month, a day. */
function parsePartialDate(date: string): { instant: Date; fields: Intl.DateTimeFormatOptions } {
  const match = PARTIAL_DATE.exec(date)
  if (!match) throw new Error(`"${date}" is not a partial date. Hint: write YYYY, YYYY-MM or YYYY-MM-DD.`)
  const [, y, m, d] = match
  const instant = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1))
  if (Number.isNaN(instant.getTime()) || (m && instant.getUTCMonth() !== Number(m) - 1) || (d && instant.getUTCDate() !== Number(d))) {
    throw new Error(`"${date}" is not a real date. Hint: check the month and day.`)
  }
  const fields: Intl.DateTimeFormatOptions = d ? DAY : m ? MONTH : YEAR
  return { instant, fields }
}

/** A date's instant, its Intl fields and the zone to read them in. */
function resolve(date: string): { instant: Date; fields: Intl.DateTimeFormatOptions; timeZone: string } {
  if (INSTANT.test(date)) {
    const instant = new Date(date)
    if (Number.isNaN(instant.getTime())) throw new Error(`"${date}" is not a real date and time.`)
    return { instant, fields: DAY, timeZone: SITE_TIME_ZONE }
  }
  // Partial dates name a calendar day, not an instant: read in UTC, where they were made.
  return { ...parsePartialDate(date), timeZone: 'UTC' }
}

/**
 * A date for a page in `locale`, the one date formatter of the site: partial ISO dates at
 * their own precision, instants as the day in Taiwan. `calendar` (Site settings) applies to
 * zh-TW only.
 */
export function formatDate(date: string, l: Locale, calendar: DateCalendar, place: DatePlace = 'text'): string {
  // A page shows a few dates, and a build thousands of pages: format each once. Only
  // results are stored; a bad date throws again next time.
  const key = `${l.tag}|${calendar}|${place}|${date}`
  let text = formatted.get(key)
  if (text === undefined) formatted.set(key, (text = formatUncached(date, l, calendar, place)))
  return text
}
const formatted = new Map<string, string>()

/**
 * Where the date stands: in running text, or already inside parentheses ("75%（…）"), where
 * both calendars are written side by side ("民國 109 年 4 月，2020 年 4 月") so that no
 * parenthesis nests in another.
 */
export type DatePlace = 'text' | 'parenthetical'

function formatUncached(date: string, l: Locale, calendar: DateCalendar, place: DatePlace): string {
  const { instant, fields, timeZone } = resolve(date)
  const gregorian = dateFormat(l.tag, fields, timeZone).format(instant)
  if (!usesRoc(l)) return l.tag.startsWith('zh') ? spaceCjk(gregorian) : gregorian
  const roc = spaceCjk(dateFormat(`${l.tag}-u-ca-roc`, fields, timeZone).format(instant))
  if (calendar === 'roc') return roc
  if (calendar === 'gregorian') return spaceCjk(gregorian)
  return t(l, place === 'parenthetical' ? 'date.bothInParentheses' : 'date.both', { roc, gregorian: spaceCjk(gregorian) })
}

/** The machine-readable form for `<time datetime>`: the date as given, a partial date or an instant. */
export function dateTimeAttribute(date: string): string {
  resolve(date)
  return date
}
