/**
 * Everything a reader can take away of one figure or one figure group, per language: where
 * its files are, its citation and its standalone chart. The endpoints under
 * src/pages/data/{metrics,groups}/ and the figure pages read these.
 */
import { locales } from '../../schemas/locales'
import { groupChartSpec } from '../charts/metricGroupChart'
import type { MetricGroupView, MetricView, SiteView, SourceView } from '../content/views'
import { formatDate } from '../i18n/calendar'
import { formatMetricValue } from '../i18n/format'
import { t } from '../i18n/t'
import { paths } from '../../schemas/site-paths'
import { citations, sourceCitation, type Citable, type Citations } from './citation'
import { standaloneChartSvg } from './standalone-svg'

/** A figure or a figure group. */
export type Figure = { what: 'metric'; item: MetricView } | { what: 'group'; item: MetricGroupView }

type ByTag = Record<string, string>

/** Its files: JSON (both languages), CSV and SVG per language, as absolute URLs when `site` is given. */
export interface FigureFiles {
  json: string
  csv: ByTag
  svg: ByTag
}

export function figureFiles(what: Figure['what'], slug: string, site?: URL | string): FigureFiles {
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const per = (kind: 'csv' | 'svg') => Object.fromEntries(locales.map((l) => [l.tag, abs(paths.dataFile(what, slug, kind, l.id))]))
  return { json: abs(paths.dataFile(what, slug, 'json')), csv: per('csv'), svg: per('svg') }
}

/** The page that shows it: a figure's own page, a group's chart on the figures page. */
export function figurePage(view: SiteView, figure: Figure): string {
  return figure.what === 'metric' ? paths.metric(view.locale.id, figure.item.slug) : paths.metrics(view.locale.id, figure.item.slug)
}

const uniqueSources = (metrics: MetricView[]): SourceView[] => [...new Map(metrics.map((m) => [m.source.id, m.source])).values()]

/** When its content last changed: the newest `_updatedAt` of it, its figures and their sources. */
export function figureUpdatedAt(view: SiteView, figure: Figure): string | undefined {
  const metrics = figure.what === 'metric' ? [figure.item] : figure.item.metrics
  const ids = [figure.item.id, ...metrics.flatMap((m) => [m.id, m.source.id])]
  return ids
    .map((id) => view.changedAt[id])
    .filter((d): d is string => typeof d === 'string')
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1)
}

/** Plain text, APA and BibTeX in `view`'s language. */
export function figureCitations(view: SiteView, figure: Figure, site: URL | string): Citations {
  const url = new URL(figurePage(view, figure), site).toString()
  const base = { key: `sixcore:${figure.what}:${figure.item.slug}:${view.locale.segment}`, url, updatedAt: figureUpdatedAt(view, figure) }
  const citable: Citable =
    figure.what === 'metric'
      ? { ...base, title: figure.item.label.value, value: { text: formatMetricValue(figure.item, view.locale.id), asOf: figure.item.asOf }, sources: [figure.item.source] }
      : { ...base, title: figure.item.title.value, sources: uniqueSources(figure.item.metrics) }
  return citations(view, citable)
}

/** The unit in words: "percent" / "百分比", "money (TWD)". */
export function unitText(view: SiteView, metric: MetricView): string {
  return metric.unit === 'currency' ? t(view.locale, 'metric.unit.currency', { currency: metric.currency ?? '' }) : t(view.locale, `metric.unit.${metric.unit}`)
}

/** The reuse terms as one line, when Site settings has them. */
export function licenceLine(view: SiteView): string | undefined {
  const terms = view.settings.licence?.value
  if (!terms) return undefined
  return t(view.locale, 'reuse.licence', { licence: view.settings.licenceUrl ? `${terms} (${view.settings.licenceUrl})` : terms })
}

/** The chart as a standalone SVG document in `view`'s language. */
export function figureSvg(view: SiteView, figure: Figure, site: URL | string): string {
  const locale = view.locale
  const group: MetricGroupView =
    figure.what === 'group' ? figure.item : { id: figure.item.id, slug: figure.item.slug, title: figure.item.label, summary: figure.item.label, metrics: [figure.item] }
  const first = group.metrics[0]!
  const asOf = [...new Set(group.metrics.map((m) => m.asOf))].map((d) => formatDate(d, locale, view.settings.dateCalendar)).join(', ')
  const sources = uniqueSources(group.metrics).map((s) => sourceCitation(view, s))
  return standaloneChartSvg({
    lang: locale.tag,
    title: group.title.value,
    subtitle: [`${t(locale, 'svg.unit', { unit: unitText(view, first) })} · ${t(locale, 'figure.asOf', { date: asOf })}`],
    chart: groupChartSpec(group, locale.id),
    footer: [
      sources.length === 1 ? t(locale, 'figure.source', { source: sources[0]! }) : t(locale, 'svg.sources', { sources: sources.join('; ') }),
      ...(licenceLine(view) ? [licenceLine(view)!] : []),
      view.settings.title.value,
      new URL(figurePage(view, figure), site).toString(),
    ],
  })
}
