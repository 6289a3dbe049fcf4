/**
 * The build's search phase (scripts/lib/search-index.ts): Pagefind, through its Node API,
 * indexes a small site; what it indexed is read back from the index it wrote; a folder without
 * pages and an index without pages fail with a clear message; Pagefind's service is closed when
 * the index is written, stops when told to, and ends with the process that started it even
 * when that process is killed.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSearchIndex, openSearchIndex, readSearchIndexSummary, stopSearchIndex } from '../../scripts/lib/search-index'

const scratch = mkdtempSync(join(tmpdir(), 'search-index-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Pagefind services (`pagefind --service`) whose parent is the process `parent`. */
function servicesOf(parent: number): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
      return ppid === parent && command.includes('--service') && /pagefind/.test(command[0]!)
    } catch {
      return false
    }
  })
}

/** Polls `check` every 20 ms until it holds or `ms` pass. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
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

  it('closes the service once the index is written', async () => {
    const dir = site('closed', { 'en/a/index.html': page('en', 'Offshore wind', 'Taiwan builds offshore wind farms.') })
    const index = await openSearchIndex()
    expect(servicesOf(process.pid), 'started before the pages are indexed').toHaveLength(1)
    expect(await index.write(dir)).toEqual({ pages: 1, languages: { en: 1 } })
    await until(() => servicesOf(process.pid).length === 0, 5_000)
    expect(servicesOf(process.pid)).toEqual([])
  })

  it('fails with a hint when the folder holds no page to index', async () => {
    await expect(buildSearchIndex(join(scratch, 'no-such-folder'))).rejects.toMatchObject({
      message: 'Pagefind indexed no page.',
      hint: expect.stringContaining('data-pagefind-body'),
    })
  })

  it('an indexing that is stopped ends the service, writes nothing and fails', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) files[`en/p${i}/index.html`] = page('en', `Page ${i}`, `Text number ${i} about offshore wind and wafers.`)
    const dir = site('stopped', files)
    const done = buildSearchIndex(dir)
    done.catch(() => undefined)
    await until(() => servicesOf(process.pid).length === 1, 60_000)
    expect(servicesOf(process.pid)).toHaveLength(1)
    stopSearchIndex()
    await expect(done).rejects.toMatchObject({ message: expect.stringMatching(/^Pagefind stopped: /), code: 'search.failed' })
    await until(() => servicesOf(process.pid).length === 0, 5_000)
    expect(servicesOf(process.pid)).toEqual([])
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(false)
  })

  it('the service ends with the process that started it, even one killed in the middle of indexing', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 4000; i++) files[`en/p${i}/index.html`] = page('en', `Page ${i}`, `Text number ${i} about offshore wind and wafers.`)
    const dir = site('killed', files)
    const module = join(import.meta.dirname, '../../scripts/lib/search-index.ts')
    const script = `import { buildSearchIndex } from ${JSON.stringify(module)}; await buildSearchIndex(${JSON.stringify(dir)})`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' })
    await until(() => servicesOf(child.pid!).length === 1, 60_000)
    const [service] = servicesOf(child.pid!)
    expect(service, 'the service indexing for the child').toBeDefined()
    child.kill('SIGKILL')
    await until(() => !existsSync(`/proc/${service}`), 5_000)
    expect(existsSync(`/proc/${service}`), 'the service outlived the killed build').toBe(false)
  })

  it('ignores PAGEFIND_* variables and a pagefind config file where the build runs', async () => {
    const dir = site('configured', {
      'en/a/index.html': page('en', 'Offshore wind', 'Taiwan builds offshore wind farms.'),
      'en/b/index.html': page('en', 'Foundry', 'Wafer foundry output.'),
    })
    const saved = { ...process.env }
    const cwd = process.cwd()
    // Each of these would change what is indexed (or, PAGEFIND_SERVE, never finish) if read.
    Object.assign(process.env, { PAGEFIND_EXCLUDE_SELECTORS: 'main', PAGEFIND_GLOB: 'nothing/*.html', PAGEFIND_SERVE: 'true', PAGEFIND_FORCE_LANGUAGE: 'fr' })
    writeFileSync(join(scratch, 'pagefind.json'), JSON.stringify({ glob: 'nothing/*.html', force_language: 'fr' }))
    try {
      process.chdir(scratch)
      expect(await buildSearchIndex(dir)).toEqual({ pages: 2, languages: { en: 2 } })
    } finally {
      process.chdir(cwd)
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      rmSync(join(scratch, 'pagefind.json'))
    }
  })

  it('reads an index entry without pages, or no entry, as a failure that says so', () => {
    const empty = join(scratch, 'empty-index')
    mkdirSync(empty, { recursive: true })
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind wrote no readable index entry/)
    writeFileSync(join(empty, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { page_count: 0 } } }))
    expect(() => readSearchIndexSummary(empty)).toThrow(/Pagefind indexed no page/)
  })
})
