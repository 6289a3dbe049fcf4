/**
 * The open data model: every figure and figure group in every language, one record each,
 * sorted by slug (code-point order, locale-independent); localized fields keyed by BCP-47 tag.
 * A translation that is missing is left empty (null), not filled from the other language.
 */
import { locales } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { Localized } from '../content/localize.ts'
import type { MetricGroupView, MetricView, SiteView, SiteViews } from '../content/views.ts'
import { formatMetricValue } from '../../schemas/i18n/format.ts'
import { byLocale } from '../content/by-locale.ts'
import { indexOf } from '../content/view-index.ts'
import { sourceCitation } from './citation.ts'
import { figureFiles, type FigureFiles } from './figure.ts'

type ByTag<T> = Record<string, T>

export interface OpenSource {
  id: string
  publisher: ByTag<string | null>
  abbreviation: string | null
  title: ByTag<string | null>
  date: string
  url: string | null
  /** The citation as the site prints it, per language: "Publisher, “Title,” April 2020". */
  citation: ByTag<string>
}

export interface OpenMetric {
  slug: string
  label: ByTag<string | null>
  value: number
  comparator: MetricView['comparator']
  unit: MetricView['unit']
  currency: 'TWD' | 'USD' | null
  countNoun: ByTag<string | null> | null
  asOf: string
  note: ByTag<string | null> | null
  /** The value as the site writes it: "more than NT$1 trillion" / "超過新臺幣 1 兆元". */
  text: ByTag<string>
  source: OpenSource
  statedIn: string | null
  industries: string[]
  groups: string[]
  pages: ByTag<string>
  /** This figure's own files: JSON, and CSV and SVG per language. */
  files: FigureFiles
}

export interface OpenGroup {
  slug: string
  title: ByTag<string | null>
  summary: ByTag<string | null>
  metrics: string[]
  pages: ByTag<string>
  /** This group's own files: JSON, and CSV and SVG per language. */
  files: FigureFiles
}

/**
 * The open data of a set of views: each figure's and group's record by slug, made on first
 * use and kept (a group's file and the site-wide files reuse the figures' records), and the
 * figures' and groups' slugs in the files' order.
 */
export interface OpenDataModel {
  /** The first locale's view, where what every language shares is read; `inView` finds a figure in any locale's view. */
  first: SiteView
  metricSlugs: string[]
  groupSlugs: string[]
  metric(slug: string): OpenMetric | undefined
  group(slug: string): OpenGroup | undefined
  /** One value per language, keyed by BCP-47 tag, from each language's view. */
  perView<T>(fn: (view: SiteView) => T): ByTag<T>
  inView(view: SiteView, what: 'metric', slug: string): MetricView | undefined
  inView(view: SiteView, what: 'group', slug: string): MetricGroupView | undefined
}

const own = <T>(value: Localized<T> | undefined): T | null => (value && !value.fallback ? value.value : null)
/** Code-point order: the same on every machine, whatever its locale. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const memo = <T>(make: (slug: string) => T | undefined) => {
  const made = new Map<string, T | undefined>()
  return (slug: string) => (made.has(slug) ? made.get(slug) : made.set(slug, make(slug)).get(slug))
}

export function openDataModel(siteViews: SiteViews, site: URL): OpenDataModel {
  const first = siteViews[locales[0].id]
  // Each record looks its figure and group up in every language by slug (the view's index),
  // not by a scan of the list per record, which grows with the square of the content.
  const inView = (view: SiteView, what: 'metric' | 'group', slug: string) => (what === 'metric' ? indexOf(view).metrics : indexOf(view).groups).get(slug)
  const records: Lookup = {
    site,
    first,
    perView: (fn) => byLocale((id) => fn(siteViews[id]), 'tag'),
    metricIn: (v, slug) => indexOf(v).metrics.get(slug)!,
    groupIn: (v, slug) => indexOf(v).groups.get(slug)!,
  }
  return {
    first,
    metricSlugs: first.metrics.map((m) => m.slug).sort(byCodePoint),
    groupSlugs: first.metricGroups.map((g) => g.slug).sort(byCodePoint),
    perView: records.perView,
    metric: memo((slug) => (indexOf(first).metrics.has(slug) ? metricRecord(records, slug) : undefined)),
    group: memo((slug) => (indexOf(first).groups.has(slug) ? groupRecord(records, slug) : undefined)),
    inView: inView as OpenDataModel['inView'],
  }
}

interface Lookup {
  site: URL
  /** The first locale's view: what every language shares (slugs, values, dates) is read there. */
  first: SiteView
  perView: OpenDataModel['perView']
  metricIn(view: SiteView, slug: string): MetricView
  groupIn(view: SiteView, slug: string): MetricGroupView
}

function metricRecord({ site, first, perView, metricIn }: Lookup, slug: string): OpenMetric {
  const per = <T>(fn: (view: SiteView, m: MetricView) => T) => perView((v) => fn(v, metricIn(v, slug)))
  const m = metricIn(first, slug)
  return {
    slug: m.slug,
    label: per((_v, x) => own(x.label)),
    value: m.value,
    comparator: m.comparator,
    unit: m.unit,
    currency: m.currency ?? null,
    countNoun: m.countNoun ? per((_v, x) => own(x.countNoun)) : null,
    asOf: m.asOf,
    note: m.note ? per((_v, x) => own(x.note)) : null,
    text: per((v, x) => formatMetricValue(x, v.locale)),
    source: {
      id: m.source.id,
      publisher: per((_v, x) => own(x.source.publisher)),
      abbreviation: m.source.abbreviation ?? null,
      title: per((_v, x) => own(x.source.title)),
      date: m.source.date,
      url: m.source.url ?? null,
      citation: per((v, x) => sourceCitation(v, x.source)),
    },
    statedIn: m.statedIn?.slug ?? null,
    industries: m.industries.map((i) => i.slug),
    groups: [...m.groups].sort(byCodePoint),
    pages: per((v) => new URL(paths.metric(v.locale, slug), site).toString()),
    files: figureFiles('metric', slug, site),
  }
}

function groupRecord({ site, first, perView, groupIn }: Lookup, slug: string): OpenGroup {
  const per = <T>(fn: (view: SiteView, g: MetricGroupView) => T) => perView((v) => fn(v, groupIn(v, slug)))
  return {
    slug,
    title: per((_v, g) => own(g.title)),
    summary: per((_v, g) => own(g.summary)),
    metrics: groupIn(first, slug).metrics.map((m) => m.slug),
    pages: per((v) => new URL(paths.metrics(v.locale, slug), site).toString()),
    files: figureFiles('group', slug, site),
  }
}
