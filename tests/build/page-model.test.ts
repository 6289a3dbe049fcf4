/**
 * The page registry (src/page-model/ `allPages`) against the built site: it lists exactly the
 * HTML pages the build wrote, so what reads it (page dates, the preview server's draft checks)
 * knows every page; each page's `data-page-updated` is the newest date of its documents.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSiteContent } from '../../src/content/load'
import { pageHistory } from '../../src/content/page-history'
import { createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { allPages, pageAt } from '../../src/page-model'
import { listFiles } from '../../scripts/lib/files'
import { projectFile } from '../support/project'
import { distDir, page } from './site-lib'

let views: SiteViews
beforeAll(async () => {
  // The dataset the build read (global-setup: CONTENT_FILE if set, else the embedded one).
  views = buildSiteViews(await loadSiteContent(createLocalSource({ file: process.env.CONTENT_FILE || projectFile('content/dataset.ndjson') })))
})

/** `/en/policy/` for en/policy/index.html, `/404/` for 404.html. */
const pathOf = (file: string) => (file === '404.html' ? '/404/' : `/${file.replace(/index\.html$/, '')}`)

describe('allPages', () => {
  it('lists every built HTML page, and no other', () => {
    const built = listFiles(distDir())
      .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
      .map(pathOf)
      .sort()
    expect(
      allPages(views)
        .map((p) => p.path)
        .sort(),
    ).toEqual(built)
  })

  it("each localized page's date is the newest date of the documents it declares", () => {
    for (const entry of allPages(views).filter((p) => p.path !== '/' && p.path !== '/404/' && !p.path.includes('/embed/'))) {
      const declared = pageAt(views, entry.path)!
      const expected = pageHistory(views[entry.locale.id], declared.documents, declared.dates).updatedAt
      const shown = page(distDir(), entry.path).root.querySelector('[data-page-updated] time')?.getAttribute('datetime')
      // The about page adds its MDX date to what it declares.
      if (!entry.path.endsWith('/about/')) expect(shown, entry.path).toBe(expected)
    }
  })
})
