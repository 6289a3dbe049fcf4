/**
 * What a figure page and an industry page render, computed from the route's params and the
 * locale's view. The static build lists every page through `getStaticPaths`; the preview
 * server renders one page on demand (it runs no `getStaticPaths`) and asks for that page's
 * props by slug. Both go through the functions below, so the two cannot render differently.
 */
import { locales, type Locale } from '../../schemas/locales.ts'
import type { IndustryView, LayoutView, MetricGroupView, MetricView, SiteView } from './views.ts'

/** Everything an industry page renders. */
export type IndustryPageProps = {
  industry: IndustryView
  layout: LayoutView
  total: number
  policyTitle: SiteView['policy']['title']
  links: SiteView['documentsById']
}

/** Everything a figure page renders: its figure and the groups (charts) it belongs to. */
export type MetricPageProps = {
  metric: MetricView
  groups: MetricGroupView[]
  layout: LayoutView
}

function industryProps(view: SiteView, industry: IndustryView): IndustryPageProps {
  return { industry, layout: view, total: view.industries.length, policyTitle: view.policy.title, links: view.documentsById }
}

function metricProps(view: SiteView, metric: MetricView, groupBySlug: Map<string, MetricGroupView>): MetricPageProps {
  return { metric, groups: metric.groups.flatMap((slug) => groupBySlug.get(slug) ?? []), layout: view }
}

const groupIndex = (view: SiteView) => new Map(view.metricGroups.map((g) => [g.slug, g]))

/** Every industry page of every locale, for `getStaticPaths`. */
export async function industryPaths(viewOf: (locale: Locale) => Promise<SiteView>) {
  const pages = []
  for (const locale of locales) {
    const view = await viewOf(locale)
    for (const industry of view.industries) pages.push({ params: { lang: locale.segment, slug: industry.slug }, props: industryProps(view, industry) })
  }
  return pages
}

/** One industry page's props, or undefined when no industry has the slug. */
export function industryPage(view: SiteView, slug: string | undefined): IndustryPageProps | undefined {
  const industry = view.industries.find((i) => i.slug === slug)
  return industry && industryProps(view, industry)
}

/** Every figure page of every locale, for `getStaticPaths` (the group index is built once per locale). */
export async function metricPaths(viewOf: (locale: Locale) => Promise<SiteView>) {
  const pages = []
  for (const locale of locales) {
    const view = await viewOf(locale)
    const groups = groupIndex(view)
    for (const metric of view.metrics) pages.push({ params: { lang: locale.segment, slug: metric.slug }, props: metricProps(view, metric, groups) })
  }
  return pages
}

/** One figure page's props, or undefined when no figure has the slug. */
export function metricPage(view: SiteView, slug: string | undefined): MetricPageProps | undefined {
  const metric = view.metrics.find((m) => m.slug === slug)
  return metric && metricProps(view, metric, groupIndex(view))
}

/** Everything an industry's side-by-side view renders: the industry in every language's view. */
export type IndustryBilingualProps = {
  versions: Partial<Record<Locale['id'], IndustryView | undefined>>
  layout: LayoutView
  title: string
  links: SiteView['documentsById']
}

/** The side-by-side view's props for the reader's locale, or undefined when no industry has the slug. */
export function industryBilingualPage(views: SiteView[], locale: Locale, slug: string | undefined): IndustryBilingualProps | undefined {
  const view = views.find((v) => v.locale.id === locale.id)!
  const industry = view.industries.find((i) => i.slug === slug)
  if (!industry) return undefined
  const versions = Object.fromEntries(views.map((v) => [v.locale.id, v.industries.find((i) => i.slug === industry.slug)]))
  return { versions, layout: view, title: industry.name.value, links: view.documentsById }
}
