/**
 * A figure or a figure group, as a reader takes it away: where its files are, the page that
 * shows it, its unit in words and the reuse terms. The figure pages (FigureReuse.astro) and
 * the open data files read these.
 */
import { locales } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { MetricGroupView, MetricView, SiteView, SourceView } from '../content/views.ts'
import { t } from '../../schemas/i18n/t.ts'

/** A figure or a figure group. */
export type Figure = { what: 'metric'; item: MetricView } | { what: 'group'; item: MetricGroupView }

type ByTag = Record<string, string>

/** Its files: JSON (both languages), CSV, SVG, PNG and a ZIP of CSV, JSON and README per language, as absolute URLs when `site` is given. */
export interface FigureFiles {
  json: string
  csv: ByTag
  svg: ByTag
  png: ByTag
  zip: ByTag
}

export function figureFiles(what: Figure['what'], slug: string, site?: URL | string): FigureFiles {
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const per = (kind: 'csv' | 'svg' | 'png' | 'zip') => Object.fromEntries(locales.map((l) => [l.tag, abs(paths.dataFile(what, slug, kind, l))]))
  return { json: abs(paths.dataFile(what, slug, 'json')), csv: per('csv'), svg: per('svg'), png: per('png'), zip: per('zip') }
}

/** The page that shows it: a figure's own page, a group's chart on the figures page. */
export function figurePage(view: SiteView, figure: Figure): string {
  return figure.what === 'metric' ? paths.metric(view.locale, figure.item.slug) : paths.metrics(view.locale, figure.item.slug)
}

/** The figures it shows: one, or the group's in its order. */
export const figureMetrics = (figure: Figure): MetricView[] => (figure.what === 'metric' ? [figure.item] : figure.item.metrics)

/** The sources of some figures, each once, in the order they first appear. */
export const uniqueSources = (metrics: MetricView[]): SourceView[] => [...new Map(metrics.map((m) => [m.source.id, m.source])).values()]

/** The unit in words: "percent" / "百分比", "money (TWD)". */
export function unitText(view: SiteView, metric: MetricView): string {
  return metric.unit === 'currency' ? t(view.locale, 'metric.unit.currency', { currency: metric.currency ?? '' }) : t(view.locale, `metric.unit.${metric.unit}`)
}

/** The licence as the files and pages write it: "Open Government Data License, version 1.0 (https://data.gov.tw/license)". */
export function licenceText(view: SiteView): string {
  return t(view.locale, 'licence.named', { name: view.settings.licence.name, url: view.settings.licence.url })
}

/** The licence as one line: "Licence: Open Government Data License, version 1.0 (https://data.gov.tw/license)". */
export function licenceLine(view: SiteView): string {
  return t(view.locale, 'reuse.licence', { licence: licenceText(view) })
}
