/**
 * The floor and the stack floor: the stack floor carries exactly the site's integrations (this
 * fails when the site gains or drops one), both projects build the page count they are given,
 * and the lower-bound command builds the stack floor and then indexes the site's pages.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { countHtml, listFiles } from '../../scripts/lib/files.ts'
import { astroBuild, lowerBoundCommand, pagefindCommand, pagefindEnv, STACK_IMPORTS, writeFloorProject } from '../lib/floor.ts'

const repo = join(import.meta.dirname, '..', '..')
// Inside the repository, so the projects resolve astro and the integrations from its node_modules.
const tmp = join(repo, 'bench', 'work', `test-floor-${process.pid}`)
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const read = (...path: string[]) => readFileSync(join(...path), 'utf8')

/** The packages an Astro config imports, but astro itself and local files. */
const importedPackages = (config: string) =>
  [...config.matchAll(/^import\s+.+?\s+from\s+'([^']+)'/gm)]
    .map((m) => m[1]!)
    .filter((p) => !p.startsWith('astro') && !p.startsWith('.'))
    .sort()

describe('floor projects', () => {
  const plain = join(tmp, 'floor')
  const stack = join(tmp, 'stack')
  writeFloorProject(plain, 3)
  writeFloorProject(stack, 3, { stack: true })

  it("give the stack floor the integrations the site's astro.config.mjs imports, and the floor none", () => {
    const site = importedPackages(read(repo, 'astro.config.mjs'))
    expect(site).toEqual(Object.keys(STACK_IMPORTS).sort())
    expect(importedPackages(read(stack, 'astro.config.mjs'))).toEqual(site)
    expect(importedPackages(read(plain, 'astro.config.mjs'))).toEqual([])
  })

  it('use them in the stack floor: integrations, the Vite plugin, a stylesheet with Tailwind, the Pagefind marker', () => {
    const config = read(stack, 'astro.config.mjs')
    expect(config).toContain('integrations: [mdx(), sitemap()]')
    expect(config).toContain('plugins: [tailwindcss()]')
    expect(read(stack, 'src', 'styles', 'global.css')).toBe('@import "tailwindcss";\n')
    expect(read(stack, 'src', 'pages', '[slug].astro')).toContain('data-pagefind-body')
    expect(read(plain, 'src', 'pages', '[slug].astro')).not.toMatch(/global\.css|data-pagefind-body/)
  })

  it('refuse zero pages', () => {
    expect(() => writeFloorProject(join(tmp, 'none'), 0)).toThrow(/at least one page/)
  })

  it('build the page count they were given; the lower bound then indexes the site pages it is pointed at', async () => {
    execFileSync(astroBuild(plain)[0]!, astroBuild(plain).slice(1), { stdio: 'ignore' })
    expect(countHtml(join(plain, 'dist'))).toBe(3)

    // Two pages standing in for the site's, in two languages.
    const site = join(tmp, 'site')
    for (const lang of ['en', 'zh-Hant-TW']) {
      mkdirSync(join(site, lang), { recursive: true })
      writeFileSync(join(site, lang, 'index.html'), `<html lang="${lang}"><body><main data-pagefind-body><h1>Page ${lang}</h1></main></body></html>`)
    }
    const cwd = join(tmp, 'cwd')
    mkdirSync(cwd)
    const pagefind = pagefindCommand(site, join(tmp, 'index'))
    const [command, ...args] = lowerBoundCommand(stack, pagefind, cwd)
    execFileSync(command!, args, { env: pagefind.env, stdio: 'ignore' })

    expect(countHtml(join(stack, 'dist'))).toBe(3)
    expect(listFiles(join(stack, 'dist'))).toEqual(expect.arrayContaining(['sitemap-index.xml', expect.stringMatching(/^_astro\/.+\.css$/)]))
    const entry = JSON.parse(read(tmp, 'index', 'pagefind-entry.json')) as { languages: Record<string, { page_count: number }> }
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([1, 1])
  })
  it("runs Pagefind's own command on this Node, without PAGEFIND_* variables", () => {
    const { command, args, env } = pagefindCommand('site', 'out', { PAGEFIND_SERVE: 'true', PATH: '/bin' })
    expect(command).toBe(process.execPath)
    expect(args[0]).toMatch(/node_modules\/pagefind\/lib\/runner\/bin\.cjs$/)
    expect(args.slice(1)).toEqual(['--site', join(process.cwd(), 'site'), '--output-path', join(process.cwd(), 'out'), '--quiet'])
    expect(env).toEqual({ PATH: '/bin' })
    expect(pagefindEnv({ PAGEFIND_GLOB: 'x', pagefind_serve: 'true', PATH: '/bin' })).toEqual({ PATH: '/bin' })
  })
})
