/**
 * When a page's content last changed and which major updates concern it, from the documents
 * the page shows: its `data-page-updated` date is the newest `_updatedAt` among them, and its
 * "What changed" list holds the major updates that name one of them (or the whole site, that
 * is Site settings). The layout's chrome (site title, footer) is left out: a new contact
 * address is not a change of a figure's page.
 *
 * One function per kind of page lists what that page shows; the layout asks here by URL, so
 * the pages themselves need no wiring, and the sitemap's `<lastmod>` is read from the built
 * pages (src/integrations/page-dates.ts), so both say the same thing.
 */
import { singletons } from '../../schemas/singletons.ts'
import { HEADLINE_METRICS, pickMetrics } from '../utils/headline.ts'
import type { UpdateView } from './update-views.ts'
import type { MetricView, SiteView } from './views.ts'

/** What a page says about its history. */
export interface PageHistory {
  /** The newest `_updatedAt` of the documents the page shows (ISO 8601); undefined when none is known. */
  updatedAt?: string
  /** Major updates that concern the page, newest first. */
  updates: UpdateView[]
}

const withSources = (metrics: MetricView[]) => metrics.flatMap((m) => [m.id, m.source.id])

/** The documents a localized page shows, by its path after the locale (`metrics/x/`); undefined for pages that show none. */
export function pageDocuments(view: SiteView, route: string): string[] | undefined {
  const segments = route.split('/').filter(Boolean)
  // A side-by-side view (`policy/bilingual/`) shows what the page it is a view of shows.
  if (segments.at(-1) === 'bilingual' && ['policy', 'industries'].includes(segments[0] ?? '')) segments.pop()
  const [kind = '', slug, ...rest] = segments
  if (rest.length > 0) return undefined
  const sectionId = new Map(view.sections.map((s) => [s.slug, s.id]))
  const industryId = new Map(view.industries.map((i) => [i.slug, i.id]))
  switch (kind) {
    case '':
      return [singletons.policy, ...view.industries.map((i) => i.id), ...withSources(pickMetrics(view.metrics, HEADLINE_METRICS)), ...view.timeline.map((t) => t.id)]
    case 'policy':
      if (slug) return undefined
      return [singletons.policy, view.policy.source.id, ...view.sections.flatMap((s) => [s.id, ...withSources(s.metrics)]), ...view.industries.map((i) => i.id)]
    case 'industries': {
      if (!slug) return view.industries.map((i) => i.id)
      const industry = view.industries.find((i) => i.slug === slug)
      if (!industry) return undefined
      const neighbours = [industry.previous, industry.next].flatMap((link) => (link ? [industryId.get(link.slug)!] : []))
      return [industry.id, ...withSources(industry.metrics), ...industry.sections.map((s) => sectionId.get(s.slug)!), ...neighbours]
    }
    case 'metrics': {
      if (!slug) return [...withSources(view.metrics), ...view.metricGroups.map((g) => g.id), ...view.sections.map((s) => s.id)]
      const metric = view.metrics.find((m) => m.slug === slug)
      if (!metric) return undefined
      const groups = view.metricGroups.filter((g) => metric.groups.includes(g.slug))
      return [
        ...withSources([metric]),
        ...groups.flatMap((g) => [g.id, ...withSources(g.metrics)]),
        ...metric.industries.map((i) => industryId.get(i.slug)!),
        ...(metric.statedIn ? [sectionId.get(metric.statedIn.slug)!] : []),
      ]
    }
    case 'embed': {
      const group = view.metricGroups.find((g) => g.slug === slug)
      return group ? [group.id, ...withSources(group.metrics)] : undefined
    }
    case 'glossary':
      return slug ? undefined : view.glossary.map((g) => g.id)
    default:
      return undefined
  }
}

const newest = (dates: (string | undefined)[]): string | undefined =>
  dates.filter((d): d is string => typeof d === 'string').reduce<string | undefined>((a, b) => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a), undefined)

const memo = new WeakMap<SiteView, Map<string, PageHistory>>()

/**
 * The history of the page at `path` (`/en/metrics/x/`). `also` are dates of what the page
 * shows besides documents (an MDX page's `updated`). The updates page is as new as its newest
 * update.
 */
export function pageHistory(view: SiteView, path: string, also: (string | undefined)[] = []): PageHistory {
  let byPath = memo.get(view)
  if (!byPath) memo.set(view, (byPath = new Map()))
  const key = `${path}\u0000${also.join('\u0000')}`
  let history = byPath.get(key)
  if (!history) {
    const route = path.split('/').slice(2).join('/')
    if (route === 'updates/') {
      history = { updatedAt: newest(view.updates.map((u) => u.date)), updates: [] }
    } else {
      const ids = new Set(pageDocuments(view, route) ?? [])
      const updates = view.updates.filter((u) => u.major && ids.size + also.length > 0 && u.documents.some((id) => id === singletons.siteSettings || ids.has(id)))
      history = { updatedAt: newest([...[...ids].map((id) => view.changedAt[id]), ...also]), updates }
    }
    byPath.set(key, history)
  }
  return history
}
