/**
 * What the line under a page's title says (components/PageMeta.astro): when the page was
 * first published, when its content last changed, and whether it has a "What changed"
 * section at the bottom to point at. The same reckoning as the bottom of the page
 * (src/content/page-history.ts), so both say the same dates.
 */
import { pageHistory } from '../content/page-history'
import type { SiteView } from '../content/views'
import { dateFormat, SITE_TIME_ZONE } from '../../schemas/i18n/calendar'

/** The id of the "What changed" section (components/PageHistory.astro). */
export const WHAT_CHANGED_ID = 'what-changed'

export interface PageMetaDates {
  /** The oldest update that concerns the page (the site's first publication, at the latest). */
  published?: string
  /** The newest date of what the page shows; left out when it is the published day. */
  updated?: string
  /** Whether the page lists its updates in its "What changed" section. */
  hasUpdates: boolean
}

const time = (date: string) => Date.parse(date)
/** The calendar day in Taiwan, as pages show it: two instants of one day are one date. */
const day = (date: string) => dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, SITE_TIME_ZONE).format(new Date(date))

/** The dates of a page that shows `documents` and, besides documents, things changed at `dates`. */
export function pageMetaDates(view: SiteView, documents: readonly string[], dates: readonly (string | undefined)[] = []): PageMetaDates {
  const history = pageHistory(view, documents, dates)
  const published = history.updates.map((u) => u.date).reduce<string | undefined>((a, b) => (a === undefined || time(b) < time(a) ? b : a), undefined)
  const updated = history.updatedAt && (!published || (time(history.updatedAt) > time(published) && day(history.updatedAt) !== day(published))) ? history.updatedAt : undefined
  return { published, updated, hasUpdates: history.updates.length > 0 }
}
