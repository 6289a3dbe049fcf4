/**
 * Why a draft would not publish: the project's own validation (src/content/validation/,
 * Sanity's rules from schemas/ plus the structural checks) over the drafts that the page
 * shows. Which page shows a document comes from the one URL map the Studio uses too
 * (studio/lib/siteUrls.ts over schemas/site-paths.ts).
 */
import type { ContentIssue } from '../content/content-error.ts'
import type { SanityDocumentLike } from '../content/source/index.ts'
import { validateDocuments } from '../content/validation/index.ts'
import { sitePaths, type SiteDocument } from '../../studio/lib/siteUrls.ts'

const isDraft = (doc: SanityDocumentLike) => String(doc._originalId ?? '').startsWith('drafts.')

/** Whether a document has a place on the page at `pathname` (its page, or an anchor on it). */
export function showsOn(doc: SanityDocumentLike, pathname: string): boolean {
  const result = sitePaths(doc as SiteDocument)
  return 'links' in result && result.links.some((link) => link.path.split('#')[0] === pathname)
}

/**
 * The validation errors of the drafts shown on `pathname`, among `drafts` (as the drafts
 * perspective shows them), plus `problems` the views met building those drafts. `ids` are
 * every stored id, for the references the drafts make.
 */
export async function draftIssues(drafts: SanityDocumentLike[], ids: string[], pathname: string, problems: ContentIssue[]): Promise<ContentIssue[]> {
  const shown = drafts.filter((doc) => isDraft(doc) && showsOn(doc, pathname))
  if (shown.length === 0) return []
  const known = new Set(ids.map((id) => id.replace(/^drafts\./, '')))
  const report = await validateDocuments(
    shown.map(({ _originalId: _, ...doc }) => doc as SanityDocumentLike),
    { source: 'the drafts on this page', strictI18n: false, cache: false, lookupIds: async (wanted) => wanted.filter((id) => known.has(id)) },
  )
  const onPage = new Set(shown.map((doc) => doc._id))
  // The checks that need every document (singletons, references) see only these drafts: their
  // findings about other documents are not about this page.
  const all = [...report.errors, ...problems].filter((issue) => onPage.has(issue.documentId))
  const seen = new Set<string>()
  return all
    .filter((issue) => {
      const key = `${issue.documentId}\u0000${issue.field ?? ''}\u0000${issue.code}`
      return !seen.has(key) && Boolean(seen.add(key))
    })
    .sort((a, b) => `${a.documentId}${a.field}`.localeCompare(`${b.documentId}${b.field}`))
}
