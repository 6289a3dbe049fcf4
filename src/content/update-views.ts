/**
 * Change notes and document dates in a locale's view: what pages say about when they changed
 * (src/content/page-history.ts reads them). Built with the rest of the view in views.ts.
 */
import type { LocaleId } from '../../schemas/locales.ts'
import { updateTargetTypes } from '../../schemas/update-targets.ts'
import { localizeRequired, type Localized } from './localize.ts'
import type { SiteContentQueryResult } from './sanity.types.ts'

type Raw = NonNullable<SiteContentQueryResult>

/** One change note. */
export interface UpdateView {
  id: string
  /** ISO 8601 instant: when the change was published. */
  date: string
  title: Localized<string>
  note: Localized<string>
  /** Major updates are listed on the pages they concern; minor ones on the updates page and in the feeds. */
  major: boolean
  /** Ids of the documents it concerns (`siteSettings`: the whole site). */
  documents: string[]
}

/** The updates, newest first (the query's order), every localized field resolved for `locale`. */
export function buildUpdateViews(updates: Raw['updates'], locale: LocaleId): UpdateView[] {
  return updates.map((u) => ({
    id: u._id,
    date: u.date,
    title: localizeRequired(u.title, locale, { documentId: u._id, documentType: 'update', field: 'title' }),
    note: localizeRequired(u.note, locale, { documentId: u._id, documentType: 'update', field: 'note' }),
    major: u.significance === 'major',
    documents: [...new Set(u.documents)].sort(),
  }))
}

const dating = new Set<string>(updateTargetTypes)

/**
 * `_updatedAt` by document id, for the documents pages show. Change notes are left out: a
 * page of notes is dated by the notes' own dates, not by when a note was last edited.
 */
export function changeTimes(changes: Raw['changes']): Record<string, string> {
  return Object.fromEntries(changes.filter((c) => dating.has(c._type) && typeof c._updatedAt === 'string').map((c) => [c._id, c._updatedAt]))
}
