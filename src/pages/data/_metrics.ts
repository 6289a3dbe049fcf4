/**
 * Every figure in every language, for the open data files. One record per figure, sorted
 * by slug (code-point order, locale-independent); localized fields keyed by BCP-47 tag.
 * A translation that is missing is left empty (null), not filled from the other language.
 */
import { locales } from '../../../schemas/locales'
import { getSiteView } from '../../content/load'
import type { MetricView, SiteView, SourceView } from '../../content/views'
import type { Localized } from '../../content/localize'
import { formatDate } from '../../i18n/calendar'
import { formatMetricValue, formatPlainNumber } from '../../i18n/format'
import { t } from '../../i18n/t'
import { paths } from '../../../schemas/site-paths'
import { figureFiles, type FigureFiles } from '../../reuse/figures'

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

const own = <T>(value: Localized<T> | undefined): T | null => (value && !value.fallback ? value.value : null)
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function citation(source: SourceView, view: SiteView): string {
  const date = formatDate(source.date, view.locale, view.settings.dateCalendar)
  return t(view.locale, 'source.citation', { publisher: source.publisher.value, title: source.title.value, date })
}

/** The open data records: every figure and every figure group, in both languages. */
export async function openData(site: URL | undefined): Promise<{ metrics: OpenMetric[]; groups: OpenGroup[] }> {
  const views = await Promise.all(locales.map((l) => getSiteView(l.id)))
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const per = <T>(fn: (view: SiteView) => T): ByTag<T> => Object.fromEntries(views.map((v) => [v.locale.tag, fn(v)]))
  const first = views[0]!
  // Each record looks its figure and group up in every language: by slug from a map built
  // once, not a scan of the list per record, which grows with the square of the content.
  const metricsBySlug = new Map(views.map((v) => [v, new Map(v.metrics.map((m) => [m.slug, m]))]))
  const groupsBySlug = new Map(views.map((v) => [v, new Map(v.metricGroups.map((g) => [g.slug, g]))]))
  const metrics = [...first.metrics].sort((a, b) => byCodePoint(a.slug, b.slug)).map((m): OpenMetric => {
    const inView = (view: SiteView) => metricsBySlug.get(view)!.get(m.slug)!
    return {
      slug: m.slug,
      label: per((v) => own(inView(v).label)),
      value: m.value,
      comparator: m.comparator,
      unit: m.unit,
      currency: m.currency ?? null,
      countNoun: m.countNoun ? per((v) => own(inView(v).countNoun)) : null,
      asOf: m.asOf,
      note: m.note ? per((v) => own(inView(v).note)) : null,
      text: per((v) => formatMetricValue(inView(v), v.locale.id)),
      source: {
        id: m.source.id,
        publisher: per((v) => own(inView(v).source.publisher)),
        abbreviation: m.source.abbreviation ?? null,
        title: per((v) => own(inView(v).source.title)),
        date: m.source.date,
        url: m.source.url ?? null,
        citation: per((v) => citation(inView(v).source, v)),
      },
      statedIn: m.statedIn?.slug ?? null,
      industries: m.industries.map((i) => i.slug),
      groups: [...m.groups].sort(byCodePoint),
      pages: per((v) => abs(paths.metric(v.locale.id, m.slug))),
      files: figureFiles('metric', m.slug, site),
    }
  })
  const groups = [...first.metricGroups].sort((a, b) => byCodePoint(a.slug, b.slug)).map((g): OpenGroup => {
    const inView = (view: SiteView) => groupsBySlug.get(view)!.get(g.slug)!
    return {
      slug: g.slug,
      title: per((v) => own(inView(v).title)),
      summary: per((v) => own(inView(v).summary)),
      metrics: g.metrics.map((m) => m.slug),
      pages: per((v) => abs(paths.metrics(v.locale.id, g.slug))),
      files: figureFiles('group', g.slug, site),
    }
  })
  return { metrics, groups }
}

/** A plain number as text for CSV: no grouping, no exponent. */
export const plain = formatPlainNumber
