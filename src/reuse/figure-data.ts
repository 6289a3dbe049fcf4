/**
 * One figure's or figure group's data files. CSV per language: UTF-8 with a byte-order mark,
 * RFC 4180 (src/pages/data/_csv.ts), a header row in the reader's language, then a row of
 * machine-readable column names (the same in every language), then one row per figure. JSON
 * in both languages: the figure's record from the open data (value, comparator, unit,
 * currency, as-of date, source, permalinks, files) plus its scale, the reuse terms and its
 * citations.
 */
import { defaultLocale, locales, type Locale } from '../../schemas/locales'
import { getSiteView } from '../content/load'
import type { SiteView } from '../content/views'
import { t, type StringKey } from '../i18n/t'
import { toCsv } from '../pages/data/_csv'
import { openData, plain, type OpenGroup, type OpenMetric } from '../pages/data/_metrics'
import { figureCitations, type Figure } from './figures'

/** Machine-readable column names and the UI string of each column's heading, in order. */
const COLUMNS: [string, StringKey][] = [
  ['slug', 'csv.slug'],
  ['label', 'csv.label'],
  ['value', 'csv.value'],
  ['comparator', 'csv.comparator'],
  ['unit', 'csv.unit'],
  ['currency', 'csv.currency'],
  ['count_noun', 'csv.countNoun'],
  ['as_of', 'csv.asOf'],
  ['value_text', 'csv.valueText'],
  ['source', 'csv.source'],
  ['source_date', 'csv.sourceDate'],
  ['source_url', 'csv.sourceUrl'],
  ['licence', 'csv.licence'],
  ['page', 'csv.page'],
]

/** The machine-readable column names (the CSV's second row). */
export const FIGURE_CSV_COLUMNS = COLUMNS.map(([name]) => name)

type Records = { bySlug: Map<string, OpenMetric>; groups: OpenGroup[] }
const recordsByView = new WeakMap<SiteView, { site: string; records: Promise<Records> }>()
/**
 * The open data records with the figures by slug, made once per content: a build has one set
 * of views, the preview server one per request, so a published edit is in the next file it serves.
 */
async function records(site: URL | string): Promise<Records> {
  const view = await getSiteView(defaultLocale.id)
  let entry = recordsByView.get(view)
  if (!entry || entry.site !== String(site)) {
    const records = openData(new URL(String(site))).then(({ metrics, groups }) => ({ bySlug: new Map(metrics.map((m) => [m.slug, m])), groups }))
    recordsByView.set(view, (entry = { site: String(site), records }))
  }
  return entry.records
}

function row(m: OpenMetric, locale: Locale, licence: string): string[] {
  const tag = locale.tag
  return [m.slug, m.label[tag] ?? '', plain(m.value), m.comparator, m.unit, m.currency ?? '', m.countNoun?.[tag] ?? '', m.asOf, m.text[tag] ?? '', m.source.citation[tag] ?? '', m.source.date, m.source.url ?? '', licence, m.pages[tag] ?? '']
}

const byTag = (make: (view: SiteView) => unknown, views: SiteView[]) => Object.fromEntries(views.map((v) => [v.locale.tag, make(v)]))

/** The figures a figure file holds: one, or the group's in its order. */
async function figuresOf(figure: Figure, site: URL | string): Promise<{ metrics: OpenMetric[]; group?: OpenGroup }> {
  const { bySlug, groups } = await records(site)
  if (figure.what === 'metric') return { metrics: [bySlug.get(figure.item.slug)!] }
  const group = groups.find((g) => g.slug === figure.item.slug)!
  return { group, metrics: group.metrics.map((slug) => bySlug.get(slug)!) }
}

/** The CSV of a figure or group in `locale`. */
export async function figureCsv(figure: Figure, locale: Locale, site: URL | string): Promise<string> {
  const view = await getSiteView(locale.id)
  const { metrics } = await figuresOf(figure, site)
  const licence = view.settings.licence?.value ?? ''
  return toCsv(
    COLUMNS.map(([, key]) => t(locale, key)),
    [FIGURE_CSV_COLUMNS, ...metrics.map((m) => row(m, locale, licence))],
    { bom: true },
  )
}

/** The JSON of a figure or group, both languages. */
export async function figureJson(figure: Figure, site: URL | string): Promise<string> {
  const views = await Promise.all(locales.map((l) => getSiteView(l.id)))
  const first = views[0]!
  const { metrics, group } = await figuresOf(figure, site)
  const inView = (view: SiteView): Figure =>
    figure.what === 'metric'
      ? { what: 'metric', item: view.metrics.find((m) => m.slug === figure.item.slug)! }
      : { what: 'group', item: view.metricGroups.find((g) => g.slug === figure.item.slug)! }
  const common = {
    languages: locales.map((l) => l.tag),
    // Values are in full units: the quantity is value × scale, in the unit (percent points, days, a rank, a count, money in the currency).
    scale: 1,
    licence: first.settings.licence ? { ...byTag((v) => v.settings.licence?.value ?? null, views), url: first.settings.licenceUrl ?? null } : null,
    permalink: group ? group.pages : metrics[0]!.pages,
    citation: byTag((v) => figureCitations(v, inView(v), site), views),
  }
  const body = figure.what === 'metric' ? { ...metrics[0]!, ...common } : { ...group!, ...common, figures: metrics }
  return `${JSON.stringify(body, null, 2)}\n`
}
