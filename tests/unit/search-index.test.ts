/**
 * The build's search phase (scripts/lib/search-index.ts): Pagefind's own command, the bin of
 * its npm package, indexes a small site; what it indexed is read back from the index it wrote;
 * a folder Pagefind cannot index, an index without pages and a stopped run fail with a clear
 * message.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { stopTools } from '../../scripts/lib/child'
import { buildSearchIndex, pagefindCommand, pagefindEnv, readSearchIndexSummary } from '../../scripts/lib/search-index'

const scratch = mkdtempSync(join(tmpdir(), 'search-index-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Processes whose command line names `dir` (Pagefind's wrapper and binary indexing it). */
function processesOn(dir: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dir)
    } catch {
      return false
    }
  })
}

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
    const summary = await buildSearchIndex(dir)
    expect(summary).toEqual({ pages: 3, languages: { en: 2, 'zh-hant-tw': 1 } })
    const written = readdirSync(join(dir, 'pagefind'))
    expect(written).toContain('pagefind-entry.json')
    expect(written).toContain('pagefind.js')
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(3)
  })

  it('fails with the exit code and a hint when Pagefind cannot index the folder', async () => {
    await expect(buildSearchIndex(join(scratch, 'no-such-folder'))).rejects.toMatchObject({
      message: 'Pagefind exited with code 1.',
      hint: expect.stringContaining('data-pagefind-body'),
    })
  })

  it('a running Pagefind that is stopped is killed with what it started, and the run fails', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) files[`en/p${i}/index.html`] = page('en', `Page ${i}`, `Text number ${i} about offshore wind and wafers.`)
    const dir = site('stopped', files)
    const done = buildSearchIndex(dir)
    done.catch(() => undefined)
    // Poll until Pagefind's binary (started by its npm wrapper) runs on this folder.
    const deadline = Date.now() + 60_000
    while (processesOn(dir).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(processesOn(dir).length, 'the wrapper and the Pagefind binary').toBeGreaterThanOrEqual(2)
    stopTools()
    await expect(done).rejects.toMatchObject({ message: 'Pagefind was stopped by SIGKILL.' })
    // The binary, no longer the wrapper's child, goes a moment later: poll for it.
    const gone = Date.now() + 5_000
    while (processesOn(dir).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 20))
    expect(processesOn(dir)).toEqual([])
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(false)
  })

  it('runs the pagefind bin of its npm package on the Node running the build, without PAGEFIND_* variables', async () => {
    const { command, args, env } = await pagefindCommand('site', 'out', { PAGEFIND_SERVE: 'true', PATH: '/bin' })
    expect(command).toBe(process.execPath)
    expect(args[0]).toMatch(/node_modules\/pagefind\/lib\/runner\/bin\.cjs$/)
    expect(args.slice(1)).toEqual(['--site', join(process.cwd(), 'site'), '--output-path', join(process.cwd(), 'out'), '--quiet'])
    expect(env).toEqual({ PATH: '/bin' })
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
      expect(await buildSearchIndex(dir)).toEqual({ pages: 2, languages: { en: 2 } })
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
