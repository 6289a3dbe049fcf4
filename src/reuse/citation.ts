/**
 * How to cite a figure or a figure group, in the reader's language: plain text (as the site
 * writes it, dates in the page's calendar), APA (7th edition, with the retrieval date left for
 * the reader, dates Gregorian as APA asks) and BibTeX (`@misc`, with `urldate` left for the
 * reader). The date of an APA or BibTeX entry is when the figure's content last changed.
 *
 * BibTeX is written here rather than by a citation library: one entry type with a handful of
 * fields, and the escaping of TeX's special characters below, is all it takes.
 */
import type { SourceView, SiteView } from '../content/views'
import { dateFormat, formatDate, SITE_TIME_ZONE } from '../i18n/calendar'
import { t } from '../i18n/t'

/** What a citation needs of the figure or group. */
export interface Citable {
  /** BibTeX key, unique on the site: e.g. `sixcore:metric:foundry-market-share:en`. */
  key: string
  title: string
  /** The page that shows it, absolute. */
  url: string
  /** When its content last changed (ISO instant). */
  updatedAt?: string
  /** A figure's value as the site writes it, and its as-of date. */
  value?: { text: string; asOf: string }
  sources: SourceView[]
}

export interface Citations {
  plain: string
  apa: string
  bibtex: string
}

/** "Publisher, “Title,” April 2020" in the reader's language and calendar. */
export function sourceCitation(view: SiteView, source: SourceView): string {
  return t(view.locale, 'source.citation', { publisher: source.publisher.value, title: source.title.value, date: formatDate(source.date, view.locale, view.settings.dateCalendar) })
}

/** The date parts of an instant, as the day it was in Taiwan (Gregorian). */
function dayParts(instant: string, tag: string, month: 'long' | 'numeric'): Record<'year' | 'month' | 'day', string> {
  const parts = dateFormat(tag, { year: 'numeric', month, day: 'numeric' }, SITE_TIME_ZONE).formatToParts(new Date(instant))
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { year: get('year'), month: get('month'), day: get('day') }
}

const TEX_SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', $: '\\$', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}' }
/** Text for a BibTeX field: TeX's special characters escaped. */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => TEX_SPECIAL[c]!)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Plain text, APA and BibTeX for `item` in `view`'s language. */
export function citations(view: SiteView, item: Citable): Citations {
  const locale = view.locale
  const site = view.settings.title.value
  const sources = item.sources.map((s) => sourceCitation(view, s))
  const plain = item.value
    ? t(locale, 'cite.plainMetric', { title: item.title, value: item.value.text, date: formatDate(item.value.asOf, locale, view.settings.dateCalendar), site, url: item.url, source: sources.join('; ') })
    : t(locale, 'cite.plainGroup', { title: item.title, site, url: item.url, sources: sources.join('; ') })

  const english = locale.tag === 'en'
  const apaDate = item.updatedAt ? t(locale, 'cite.apaDate', dayParts(item.updatedAt, locale.tag, english ? 'long' : 'numeric')) : t(locale, 'cite.noDate')
  const apa = t(locale, 'cite.apa', { author: view.settings.publisher.value, date: apaDate, title: item.title, site, accessed: t(locale, 'cite.accessed'), url: item.url })

  const numeric = item.updatedAt ? dayParts(item.updatedAt, 'en-US', 'numeric') : undefined
  const note = [item.value ? `${item.value.text}, ${formatDate(item.value.asOf, locale, 'gregorian')}` : '', ...sources].filter(Boolean).join('. ')
  const fields: [string, string][] = [
    ['author', `{${bibtexText(view.settings.publisher.value)}}`],
    ['title', `{${bibtexText(item.title)}}`],
    ['howpublished', bibtexText(site)],
    ...(numeric ? ([['year', numeric.year], ['month', MONTHS[Number(numeric.month) - 1]!]] as [string, string][]) : []),
    ['url', item.url],
    ['urldate', 'YYYY-MM-DD'],
    ['note', bibtexText(note)],
  ]
  const bibtex = `@misc{${item.key},\n${fields.map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`)).join(',\n')}\n}`
  return { plain, apa, bibtex }
}
