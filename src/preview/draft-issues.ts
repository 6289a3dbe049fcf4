/**
 * Why a draft would not publish: the project's own validation (src/content/validation/,
 * Sanity's rules from schemas/ plus the structural checks) over the drafts that the page
 * shows. Which documents a page shows is the page layer's answer (src/page-model/: the
 * page's `documents`), the same list that dates the page.
 */
import type { ContentIssue } from '../content/content-error.ts'
import type { SanityDocumentLike } from '../content/source/index.ts'
import { validateDocuments } from '../content/validation/index.ts'

const isDraft = (doc: SanityDocumentLike) => String(doc._originalId ?? '').startsWith('drafts.')

/**
 * The validation errors of the drafts a page shows (`documents`: their published ids), among
 * `drafts` (as the drafts perspective shows them), plus `problems` the views met building
 * those drafts. `ids` are every stored id, for the references the drafts make.
 */
export async function draftIssues(drafts: SanityDocumentLike[], ids: string[], documents: readonly string[], problems: ContentIssue[]): Promise<ContentIssue[]> {
  const onPageIds = new Set(documents)
  const shown = drafts.filter((doc) => isDraft(doc) && onPageIds.has(doc._id))
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
