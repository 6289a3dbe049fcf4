/**
 * The build's search phase (scripts/lib/search-index.ts): Pagefind's own program, found by the
 * pagefind package's resolver, indexes a small site; what it indexed is read back from the
 * index it wrote; a folder Pagefind cannot index, an index without pages and a stopped run
 * fail with a clear message.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pagefindEnv, readSearchIndexSummary, startSearchIndex } from '../../scripts/lib/search-index'

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

  it('fails with the exit code and a hint when Pagefind cannot index the folder', async () => {
    await expect(startSearchIndex(join(scratch, 'no-such-folder')).done).rejects.toThrow(/Pagefind could not index the pages \(exit code 1\)\. Hint: .*data-pagefind-body/)
  })

  it('a run stopped before Pagefind starts fails and starts nothing', async () => {
    const run = startSearchIndex(site('stopped-early', { 'en/a/index.html': page('en', 'A', 'Text.') }))
    run.stop()
    await expect(run.done).rejects.toThrow('Pagefind was stopped.')
    expect(readdirSync(join(scratch, 'stopped-early'))).toEqual(['en'])
  })

  it('a running Pagefind that is stopped is killed, and the run fails', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) files[`en/p${i}/index.html`] = page('en', `Page ${i}`, `Text number ${i} about offshore wind and wafers.`)
    const dir = site('stopped', files)
    const run = startSearchIndex(dir)
    const pid = await run.started
    run.stop()
    await expect(run.done).rejects.toThrow('Pagefind was stopped.')
    expect(() => process.kill(pid, 0), 'the Pagefind process is gone').toThrow()
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(false)
  })

  it('ignores PAGEFIND_* variables and a pagefind config file where the build runs', async () => {
    const dir = site('configured', {
      'en/a/index.html': page('en', 'Offshore wind', 'Taiwan builds offshore wind farms.'),
      'en/b/index.html': page('en', 'Foundry', 'Wafer foundry output.'),
    })
    const saved = { ...process.env }
    const cwd = process.cwd()
    // Each of these would change what is indexed (or, PAGEFIND_SERVE, never finish).
    Object.assign(process.env, { PAGEFIND_EXCLUDE_SELECTORS: 'main', PAGEFIND_GLOB: 'nothing/*.html', PAGEFIND_SERVE: 'true' })
    writeFileSync(join(scratch, 'pagefind.json'), JSON.stringify({ glob: 'nothing/*.html' }))
    try {
      process.chdir(scratch)
      expect(await startSearchIndex(dir).done).toEqual({ pages: 2, languages: { en: 2 } })
    } finally {
      process.chdir(cwd)
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      rmSync(join(scratch, 'pagefind.json'))
    }
    expect(pagefindEnv({ PAGEFIND_GLOB: 'x', pagefind_serve: 'true', PATH: '/bin' })).toEqual({ PATH: '/bin' })
  })

  it('reads an index entry without pages, or no entry, as a failure that says so', () => {
    const empty = join(scratch, 'empty-index')
    mkdirSync(empty, { recursive: true })
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind wrote no readable index entry/)
    writeFileSync(join(empty, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { page_count: 0 } } }))
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind indexed no page/)
  })
})
