/**
 * What an update concerns, as readers see it: each document's title in the reader's language
 * and the page (or anchor) that shows it. Site settings stands for the whole site; a source is
 * cited, not a page, so it has a title and no link.
 */
import { singletons } from '../../schemas/singletons.ts'
import { pathForDocument } from '../../schemas/site-paths.ts'
import type { Localized } from './localize.ts'
import type { SiteView } from './views.ts'

/** One thing an update concerns; `label` undefined means the whole site. */
export interface ConcernedLink {
  id: string
  label?: Localized<string>
  href?: string
}

/** The documents `ids` names, in the order given; ids the view does not know are left out. */
export function concernedLinks(view: SiteView, ids: readonly string[]): ConcernedLink[] {
  const locale = view.locale
  const titles = new Map<string, Localized<string>>([
    ...view.sections.map((s) => [s.id, s.title] as const),
    ...view.industries.map((i) => [i.id, i.name] as const),
    ...view.metrics.map((m) => [m.id, m.label] as const),
    ...view.metricGroups.map((g) => [g.id, g.title] as const),
    ...view.glossary.map((g) => [g.id, g.term] as const),
    ...view.timeline.map((e) => [e.id, e.title] as const),
    ...view.sources.map((s) => [s.id, s.title] as const),
    ...view.developments.map((d) => [d.id, d.title] as const),
  ])
  const timeline = new Set(view.timeline.map((e) => e.id))
  const developments = new Set(view.developments.map((d) => d.id))
  return ids.flatMap((id): ConcernedLink[] => {
    if (id === singletons.siteSettings) return [{ id }]
    if (id === singletons.policy) return [{ id, label: view.policy.title, href: pathForDocument('policy', undefined, locale) }]
    const label = titles.get(id)
    if (!label) return []
    const linked = view.documentsById[id]
    if (linked) return [{ id, label, href: pathForDocument(linked.type, linked.slug, locale) }]
    if (timeline.has(id)) return [{ id, label, href: pathForDocument('timelineEvent', undefined, locale) }]
    if (developments.has(id)) return [{ id, label, href: `${pathForDocument('policyDevelopment', undefined, locale)}#${id}` }]
    return [{ id, label }]
  })
}
