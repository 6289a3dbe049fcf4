/**
 * The build's search phase (scripts/lib/search-index.ts): Pagefind's own program, found by the
 * pagefind package's resolver, indexes a small site; what it indexed is read back from the
 * index it wrote; a folder Pagefind cannot index, an index without pages and a stopped run
 * fail with a clear message.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSearchIndexSummary, startSearchIndex } from '../../scripts/lib/search-index'

const scratch = mkdtempSync(join(tmpdir(), 'search-index-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Writes `files` (path → HTML) under a new folder and returns it. */
function site(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name)
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), html)
  }
  return dir
}

const page = (lang: string, title: string, text: string, searchable = true) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><nav>Menu</nav>` +
  `<main${searchable ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${text}</p></main></body></html>`

describe('search index (Pagefind program)', () => {
  it('indexes the marked pages per language and counts them from the index it wrote', async () => {
    const dir = site('ok', {
      'en/a/index.html': page('en', 'Offshore wind', 'Taiwan builds offshore wind farms.'),
      'en/b/index.html': page('en', 'Foundry', 'Wafer foundry output.'),
      'zh-tw/a/index.html': page('zh-Hant-TW', '離岸風電', '臺灣發展離岸風電。'),
      // No data-pagefind-body: not a content page, so not in the index.
      'index.html': page('en', 'Pick a language', 'English or Chinese.', false),
    })
    const summary = await startSearchIndex(dir).done
    expect(summary).toEqual({ pages: 3, languages: { en: 2, 'zh-hant-tw': 1 } })
    const written = readdirSync(join(dir, 'pagefind'))
    expect(written).toContain('pagefind-entry.json')
    expect(written).toContain('pagefind-ui.js')
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(3)
  })

  it('fails with the exit code when Pagefind cannot index the folder', async () => {
    await expect(startSearchIndex(join(scratch, 'no-such-folder')).done).rejects.toThrow(/Pagefind could not index the pages \(exit code 1\)\. Hint:/)
  })

  it('a stopped run fails (the build was stopped)', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 200; i++) files[`en/p${i}/index.html`] = page('en', `Page ${i}`, `Text number ${i}.`)
    const run = startSearchIndex(site('stopped', files))
    run.stop()
    await expect(run.done).rejects.toThrow('Pagefind was stopped.')
  })

  it('reads an index entry without pages, or no entry, as a failure that says so', () => {
    const empty = join(scratch, 'empty-index')
    mkdirSync(empty, { recursive: true })
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind wrote no readable index entry/)
    writeFileSync(join(empty, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { page_count: 0 } } }))
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind indexed no page/)
  })
})
