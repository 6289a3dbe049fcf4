/**
 * The figures index: the charts (figure groups) and every figure, grouped by the part of the
 * brief that states it. Up to {@link FIGURES_PER_PAGE} figures and {@link CHARTS_PER_PAGE}
 * charts it is one page, as it always was; beyond, it is split into numbered pages
 * (`/en/metrics/`, then `/en/metrics/page/2/`, …: two segments, so no figure's slug can take
 * the address), each with its share of the charts and of the figures. A page's size so stays
 * bounded however much content there is.
 */
import type { Locale } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { Localized } from '../content/localize.ts'
import type { MetricGroupView, MetricView, SiteView, SiteViews } from '../content/views.ts'
import { withSources } from './lookup.ts'
import { pagedIndex } from './paged.ts'
import { documentIds, twinsOf, type Page } from './types.ts'

export const FIGURES_PER_PAGE = 60
export const CHARTS_PER_PAGE = 12

/** Figures under one heading: a part of the brief, or (no `title`) those no part states. */
export interface FigureSection {
  slug: string
  title?: Localized<string>
  metrics: MetricView[]
}

export interface FiguresIndexProps {
  view: SiteView
  /** This page's number (1 = the index itself) and how many there are. */
  number: number
  pages: number
  charts: MetricGroupView[]
  sections: FigureSection[]
  /** Every page's path, for the page links (one entry when there is one page). */
  pagePaths: string[]
}

const memo = new WeakMap<SiteView, { sectioned: { section: FigureSection; metric: MetricView }[]; pages: number }>()

/** The view's figures in index order (by the part of the brief stating them, the rest last), made once per view. */
function layout(view: SiteView) {
  let found = memo.get(view)
  if (!found) {
    const bySlug = new Map<string, FigureSection>(view.sections.map((s) => [s.slug, { slug: s.slug, title: s.title, metrics: [] }]))
    const other: FigureSection = { slug: 'other', metrics: [] }
    for (const m of view.metrics) (bySlug.get(m.statedIn?.slug ?? '') ?? other).metrics.push(m)
    const sectioned = [...bySlug.values(), other].flatMap((section) => section.metrics.map((metric) => ({ section, metric })))
    const pages = Math.max(1, Math.ceil(view.metrics.length / FIGURES_PER_PAGE), Math.ceil(view.metricGroups.length / CHARTS_PER_PAGE))
    found = { sectioned, pages }
    memo.set(view, found)
  }
  return found
}

/** The path of page `n` of the index. */
export const figuresPagePath = (locale: Locale, n: number) => (n === 1 ? paths.metrics(locale) : `${paths.metrics(locale)}page/${n}/`)

/** Page `n` of the index in a view, or undefined past the last page. */
function figuresPage(views: SiteViews, view: SiteView, n: number): Page<FiguresIndexProps> | undefined {
  const { sectioned, pages } = layout(view)
  if (!Number.isInteger(n) || n < 1 || n > pages) return undefined
  const charts = view.metricGroups.slice((n - 1) * CHARTS_PER_PAGE, n * CHARTS_PER_PAGE)
  const sections: FigureSection[] = []
  for (const { section, metric } of sectioned.slice((n - 1) * FIGURES_PER_PAGE, n * FIGURES_PER_PAGE)) {
    if (sections.at(-1)?.slug !== section.slug) sections.push({ ...section, metrics: [] })
    sections.at(-1)!.metrics.push(metric)
  }
  const sectionIds = new Map(view.sections.map((s) => [s.slug, s.id]))
  return {
    locale: view.locale,
    props: { view, number: n, pages, charts, sections, pagePaths: Array.from({ length: pages }, (_, i) => figuresPagePath(view.locale, i + 1)) },
    documents: documentIds([...charts.flatMap((g) => [g.id, ...withSources(g.metrics)]), ...sections.flatMap((s) => [sectionIds.get(s.slug), ...withSources(s.metrics)])]),
    path: figuresPagePath(view.locale, n),
    // A page number another language does not have leads to that language's index.
    twins: twinsOf((l) => figuresPagePath(l, n <= layout(views[l.id]).pages ? n : 1)),
  }
}

const kinds = pagedIndex('/[lang]/metrics/', (view) => layout(view).pages, figuresPage)
/** Page 1, at the index's own address. */
export const metrics = kinds.first
/** Pages 2 and on, when there is more than one page holds. */
export const metricsPage = kinds.rest
