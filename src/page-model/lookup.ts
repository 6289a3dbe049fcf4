/**
 * A view's documents by slug, made once per view object: a page function looks its subject up
 * in constant time, so rendering every page stays linear in the content (the build renders
 * each of thousands of pages from the same view; the preview server makes new views per request).
 */
import type { IndustryView, MetricGroupView, MetricView, SectionView, SiteView } from '../content/views.ts'

export interface ViewIndex {
  industries: Map<string, IndustryView>
  metrics: Map<string, MetricView>
  groups: Map<string, MetricGroupView>
  sections: Map<string, SectionView>
}

const bySlug = <T extends { slug: string }>(items: T[]) => new Map(items.map((item) => [item.slug, item]))

const memo = new WeakMap<SiteView, ViewIndex>()

/** The view's index, made on first use. */
export function indexOf(view: SiteView): ViewIndex {
  let index = memo.get(view)
  if (!index) {
    index = { industries: bySlug(view.industries), metrics: bySlug(view.metrics), groups: bySlug(view.metricGroups), sections: bySlug(view.sections) }
    memo.set(view, index)
  }
  return index
}

/** A figure's id and its source's: what showing the figure shows. */
export const withSources = (metrics: MetricView[]) => metrics.flatMap((m) => [m.id, m.source.id])
