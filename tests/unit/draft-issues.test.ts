/**
 * The preview server's draft checks (src/preview/draft-issues.ts) take the drafts a page shows
 * from the page layer: a figure's draft is checked on every page that shows the figure (its
 * own page, an industry citing it), not on pages that do not show it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource, type SanityDocumentLike } from '../../src/content/source/index.ts'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { pageAt } from '../../src/page-model'
import { draftIssues } from '../../src/preview/draft-issues'
import { projectFile } from '../support/project'

let views: SiteViews
let documents: SanityDocumentLike[]
beforeAll(async () => {
  const source = createLocalSource({ file: projectFile('content/dataset.ndjson') })
  views = buildSiteViews(await loadSiteContent(source))
  documents = (await source.query<SanityDocumentLike[]>('*')) ?? []
})

describe("draftIssues by the page's documents", () => {
  it('checks a broken figure draft on the pages that show the figure only', async () => {
    const industry = views.en.industries.find((i) => i.metrics.length > 0)!
    const metric = industry.metrics[0]!
    const stored = documents.find((d) => d._id === metric.id)!
    const draft = { ...stored, label: { _type: 'localeString', zhTW: '', en: '' }, _originalId: `drafts.${metric.id}` } as SanityDocumentLike
    const ids = documents.map((d) => d._id)
    const issuesOn = async (path: string) => draftIssues([draft], ids, pageAt(views, path)!.documents, [])
    for (const path of [`/en/metrics/${metric.slug}/`, `/en/industries/${industry.slug}/`]) {
      const issues = await issuesOn(path)
      expect(
        issues.map((i) => `${i.documentId}:${i.field}`),
        path,
      ).toContain(`${metric.id}:label`)
    }
    expect(await issuesOn('/en/glossary/')).toEqual([])
  }, 30_000)
})
