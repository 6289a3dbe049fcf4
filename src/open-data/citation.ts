/**
 * How to cite a figure or a figure group, in the reader's language: plain text (as the site
 * writes it, dates in the page's calendar, with the licence), APA (7th edition, dates
 * Gregorian as APA asks) and BibTeX (`@misc`). The date of an APA or BibTeX entry is when the
 * figure's content last changed. Nothing is left for the reader to fill in: APA 7 asks for a
 * retrieval date only for content designed to change without an archive, and a dated entry
 * names the version cited (docs/open-data.md says more); BibTeX's `urldate` is optional and
 * left out. Neither style has a licence element, so only the plain text carries it.
 *
 * BibTeX is written here rather than by a citation library: one entry type with a handful of
 * fields, and the escaping of TeX's special characters below, is all it takes.
 */
import type { SourceView, SiteView } from '../content/views.ts'
import { dateFormat, formatDate, SITE_TIME_ZONE } from '../../schemas/i18n/calendar.ts'
import { formatMetricValue } from '../../schemas/i18n/format.ts'
import { t } from '../../schemas/i18n/t.ts'
import { figureMetrics, figurePage, licenceText, uniqueSources, type Figure } from './figure.ts'

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

/** "Publisher, “Title,” April 2020" in the reader's language and calendar (the one citation of a source, on pages and in the files). */
export function sourceCitation(view: SiteView, source: SourceView): string {
  return t(view.locale, 'source.citation', { publisher: source.publisher.value, title: source.title.value, date: formatDate(source.date, view.locale, view.settings.dateCalendar) })
}

/** The date parts of an instant, as the day it was in Taiwan (Gregorian). */
function dayParts(instant: string, tag: string, month: 'long' | 'numeric'): Record<'year' | 'month' | 'day', string> {
  const parts = dateFormat(tag, { year: 'numeric', month, day: 'numeric' }, SITE_TIME_ZONE).formatToParts(new Date(instant))
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { year: get('year'), month: get('month'), day: get('day') }
}

// BibTeX counts every brace, escaped or not: `\}` would still close the field early. Braces
// are written as TeX's text commands, whose own `{}` are balanced. An `@` is legal inside a
// field, but several tools that read .bib files take it for the start of an entry: it is
// written as its character code.
const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
  '@': '{\\char64}',
}
/** Text for a BibTeX field: TeX's special characters escaped, its braces always balanced. */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}%&$#_^~@]/g, (c) => TEX_SPECIAL[c]!)
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Plain text, APA and BibTeX for `item` in `view`'s language. */
export function citations(view: SiteView, item: Citable): Citations {
  const locale = view.locale
  const site = view.settings.title.value
  const sources = item.sources.map((s) => sourceCitation(view, s))
  const plain = item.value
    ? t(locale, 'cite.plainMetric', {
        title: item.title,
        value: item.value.text,
        date: formatDate(item.value.asOf, locale, view.settings.dateCalendar),
        site,
        url: item.url,
        source: sources.join('; '),
        licence: licenceText(view),
      })
    : t(locale, 'cite.plainGroup', { title: item.title, site, url: item.url, sources: sources.join('; '), licence: licenceText(view) })

  const english = locale.tag === 'en'
  const apaDate = item.updatedAt ? t(locale, 'cite.apaDate', dayParts(item.updatedAt, locale.tag, english ? 'long' : 'numeric')) : t(locale, 'cite.noDate')
  const apa = t(locale, 'cite.apa', { author: view.settings.publisher.value, date: apaDate, title: item.title, site, url: item.url })

  const numeric = item.updatedAt ? dayParts(item.updatedAt, 'en-US', 'numeric') : undefined
  const note = [item.value ? `${item.value.text}, ${formatDate(item.value.asOf, locale, 'gregorian')}` : '', ...sources].filter(Boolean).join('. ')
  const fields: [string, string][] = [
    ['author', `{${bibtexText(view.settings.publisher.value)}}`],
    ['title', `{${bibtexText(item.title)}}`],
    ['howpublished', bibtexText(site)],
    ...(numeric
      ? ([
          ['year', numeric.year],
          ['month', MONTHS[Number(numeric.month) - 1]!],
        ] as [string, string][])
      : []),
    ['url', item.url],
    ['note', bibtexText(note)],
  ]
  const bibtex = `@misc{${item.key},\n${fields.map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`)).join(',\n')}\n}`
  return { plain, apa, bibtex }
}

/** When its content last changed: the newest `_updatedAt` of it, its figures and their sources. */
export function figureUpdatedAt(view: SiteView, figure: Figure): string | undefined {
  const ids = [figure.item.id, ...figureMetrics(figure).flatMap((m) => [m.id, m.source.id])]
  return ids
    .map((id) => view.changedAt[id])
    .filter((d): d is string => typeof d === 'string')
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1)
}

/** Plain text, APA and BibTeX of a figure or group in `view`'s language. */
export function figureCitations(view: SiteView, figure: Figure, site: URL | string): Citations {
  const url = new URL(figurePage(view, figure), site).toString()
  const base = { key: `sixcore:${figure.what}:${figure.item.slug}:${view.locale.segment}`, url, updatedAt: figureUpdatedAt(view, figure) }
  const citable: Citable =
    figure.what === 'metric'
      ? { ...base, title: figure.item.label.value, value: { text: formatMetricValue(figure.item, view.locale), asOf: figure.item.asOf }, sources: [figure.item.source] }
      : { ...base, title: figure.item.title.value, sources: uniqueSources(figure.item.metrics) }
  return citations(view, citable)
}
