/** Each figure's page and each chart's embeddable page (the index: figures-index.ts). */
import { paths } from '../../schemas/site-paths.ts'
import type { MetricGroupView } from '../content/views.ts'
import { slugKind } from './by-slug.ts'
import { indexOf } from '../content/view-index.ts'
import { withSources } from './lookup.ts'

/** What a chart shows: its group, its figures and their sources. */
const groupDocuments = (group: MetricGroupView) => [group.id, ...withSources(group.metrics)]

/** A figure's page: the figure and its source, its charts (and their figures), the industries citing it, the part of the brief stating it. */
export const metric = slugKind({
  route: '/[lang]/metrics/[slug]/',
  path: paths.metric,
  items: (view) => view.metrics,
  find: (view, slug) => indexOf(view).metrics.get(slug),
  make: (view, metric) => {
    const index = indexOf(view)
    const groups = metric.groups.flatMap((slug) => index.groups.get(slug) ?? [])
    return {
      props: { view, metric, groups },
      documents: [
        ...withSources([metric]),
        ...groups.flatMap(groupDocuments),
        ...metric.industries.map((i) => index.industries.get(i.slug)?.id),
        metric.statedIn && index.sections.get(metric.statedIn.slug)?.id,
      ],
    }
  },
})

/** A chart alone, for other sites' `<iframe>`s: canonical to the figures page that shows it. */
export const embed = slugKind({
  route: '/[lang]/embed/[slug]/',
  path: paths.embed,
  items: (view) => view.metricGroups,
  find: (view, slug) => indexOf(view).groups.get(slug),
  make: (view, group) => ({ props: { view, group }, documents: groupDocuments(group) }),
  viewOf: (locale) => paths.metrics(locale),
})
