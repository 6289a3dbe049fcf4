/**
 * A view's documents by slug, made once per view object: whoever needs one looks it up
 * in constant time (page functions, the open data files), so work stays linear in the content (the build renders
 * each of thousands of pages from the same view; the preview server makes new views per request).
 */
import type { IndustryView, MetricGroupView, MetricView, SectionView, SiteView } from './views.ts'

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
