/**
 * When a page's content last changed and which major updates concern it, from the documents
 * the page shows (the page layer declares them: src/page-model/). Its `data-page-updated` date
 * is the newest `_updatedAt` among them (or among `dates`, what it shows besides documents: an
 * MDX page's `updated`, the change notes' own dates); its "What changed" list holds the major
 * updates that name one of them or the whole site (Site settings), except the updates the page
 * itself shows. The layout's chrome (site title, footer) is left out: a new contact address is
 * not a change of a figure's page. The sitemap's `<lastmod>` is read from the built pages
 * (src/integrations/page-dates.ts), so both say the same thing.
 */
import { singletons } from '../../schemas/singletons.ts'
import type { UpdateView } from './update-views.ts'
import type { SiteView } from './views.ts'

/** What a page says about its history. */
export interface PageHistory {
  /** The newest date of what the page shows (ISO 8601); undefined when none is known. */
  updatedAt?: string
  /** Major updates that concern the page, newest first. */
  updates: UpdateView[]
}

const newest = (dates: (string | undefined)[]): string | undefined =>
  dates.filter((d): d is string => typeof d === 'string').reduce<string | undefined>((a, b) => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a), undefined)

/** The history of a page that shows `documents` (ids) and, besides documents, things last changed at `dates`. */
export function pageHistory(view: SiteView, documents: readonly string[], dates: readonly (string | undefined)[] = []): PageHistory {
  const ids = new Set(documents)
  const updates = view.updates.filter((u) => u.major && !ids.has(u.id) && u.documents.some((id) => id === singletons.siteSettings || ids.has(id)))
  return { updatedAt: newest([...documents.map((id) => view.changedAt[id]), ...dates]), updates }
}
