/**
 * The benchmark's lower bound: the stack floor project (the floor with the site's
 * integrations) and how the least possible ratio is reported next to the build-time budgets.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeFloorProject } from '../../scripts/bench/floor'
import { checkBudgets, renderTables, type SizeResult } from '../../scripts/bench/report'
import { pagefindCommand } from '../../scripts/lib/search-index'
import { benchResults, sizeResult } from '../support/bench-results'

const repo = resolve(import.meta.dirname, '..', '..')
const tmp = mkdtempSync(join(tmpdir(), 'bench-lower-bound-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The packages an Astro config file imports (not astro itself, not local files). */
const importedPackages = (config: string) =>
  [...config.matchAll(/^import\s+.+?\s+from\s+'([^'.][^']*)'/gm)].map((m) => m[1]!).filter((p) => !p.startsWith('astro')).sort()

describe('stack floor project', () => {
  const plain = join(tmp, 'floor')
  const stack = join(tmp, 'stack')
  writeFloorProject(plain, 5)
  writeFloorProject(stack, 5, { stack: true })
  const read = (dir: string, ...path: string[]) => readFileSync(join(dir, ...path), 'utf8')

  it("imports the same integration packages as the site's astro.config.mjs, and the plain floor none", () => {
    expect(importedPackages(read(repo, 'astro.config.mjs'))).toEqual(['@astrojs/mdx', '@astrojs/sitemap', '@tailwindcss/vite'])
    expect(importedPackages(read(stack, 'astro.config.mjs'))).toEqual(importedPackages(read(repo, 'astro.config.mjs')))
    expect(importedPackages(read(plain, 'astro.config.mjs'))).toEqual([])
  })

  it('uses them: integrations, the Vite plugin, a site URL for the sitemap, a stylesheet that imports Tailwind', () => {
    const config = read(stack, 'astro.config.mjs')
    expect(config).toContain('integrations: [mdx(), sitemap()]')
    expect(config).toContain('plugins: [tailwindcss()]')
    expect(config).toMatch(/site: 'https:\/\//)
    expect(read(stack, 'src', 'styles', 'global.css')).toBe('@import "tailwindcss";\n')
    const page = read(stack, 'src', 'pages', '[slug].astro')
    expect(page).toContain("import '../styles/global.css'")
    expect(page).toContain('data-pagefind-body')
    expect(page).toContain('length: 5')
  })

  it('keeps the plain floor bare: same pages, no stylesheet, no Pagefind marker', () => {
    const page = read(plain, 'src', 'pages', '[slug].astro')
    expect(page).toContain('length: 5')
    expect(page).not.toContain('global.css')
    expect(page).not.toContain('data-pagefind-body')
    expect(read(plain, 'astro.config.mjs')).not.toContain('integrations')
  })

  it('Pagefind runs as the build\'s search phase runs it: its binary, absolute paths, quiet, no PAGEFIND_* variables', async () => {
    const pagefind = await pagefindCommand('dist', 'out/pf', { PATH: '/bin', PAGEFIND_SERVE: 'true' })
    expect(pagefind.args).toEqual(['--site', resolve('dist'), '--output-path', resolve('out/pf'), '--quiet'])
    expect(pagefind.env).toEqual({ PATH: '/bin' })
    expect(basename(pagefind.command)).toMatch(/^pagefind(_extended)?(\.exe)?$/)
    expect(existsSync(pagefind.command)).toBe(true)
  })
})

describe('lower bound in the report', () => {
  const size = (factor: number, site: number, floor: number, lowerBound?: SizeResult['lowerBound']) =>
    sizeResult(factor, site, floor, lowerBound ? { lowerBound } : {})
  const bound = (stackWall: number, searchWall: number, floor: number, ratioPairs: number[]): SizeResult['lowerBound'] => ({
    stackWall,
    searchWall,
    wall: stackWall + searchWall,
    ratioWall: Math.round(((stackWall + searchWall) / floor) * 100) / 100,
    stackRatio: Math.round((stackWall / floor) * 100) / 100,
    ratioPairs,
  })
  it('says whether each build-time target is at or above the least ratio this stack allows', () => {
    // x1: 2.2 + 0.2 = 2.4 s over a 2.0 s floor = 1.20x, under 1.30x. x100: 11 + 10 = 21 s over 10 s = 2.10x, over 1.50x.
    const sizes = [size(1, 4, 2, bound(2.2, 0.2, 2, [1.18, 1.25])), size(100, 30, 10, bound(11, 10, 10, [1.9, 2.3]))]
    const b = checkBudgets({ sizes })
    // x1: 1.30 × 2 s = 2.6 s, 0.2 s more than the bound; x100: 1.50 × 10 s = 15 s, 6 s less.
    expect(b.find((x) => x.name.startsWith('Real site'))!.lowerBound).toEqual({ ratio: 1.2, pairs: [1.18, 1.25], headroomSeconds: 0.2 })
    expect(b.find((x) => x.name.startsWith('x100 synthetic build'))!.lowerBound).toEqual({ ratio: 2.1, pairs: [1.9, 2.3], headroomSeconds: -6 })
    // Only the build-time budgets have one.
    expect(b.filter((x) => x.lowerBound).map((x) => x.name)).toEqual(['Real site build / floor (wall)', 'x100 synthetic build / floor (wall)'])
    // A target exactly at the bound is reachable, with nothing left for the site's own work.
    const exact = checkBudgets({ sizes: [size(100, 30, 10, bound(10, 5, 10, []))] }).find((x) => x.name.startsWith('x100 synthetic build'))!
    expect(exact.lowerBound).toMatchObject({ headroomSeconds: 0 })
    const text = renderTables(benchResults([sizeResult(100, 30, 10, { lowerBound: bound(10, 5, 10, []) })]))
    expect(text).toContain("1.50x: leaves 0.00 s for the site's own work")
  })

  it('prints the lower-bound table and a column beside the budgets', () => {
    const text = renderTables(benchResults([size(1, 4, 2, bound(2.2, 0.2, 2, [1.18, 1.25])), size(100, 30, 10, bound(11, 10, 10, [1.9, 2.3]))]))
    const table = text.slice(text.indexOf('== Lower bound'), text.indexOf('== ', text.indexOf('== Lower bound') + 3))
    expect(table).toMatch(/size\s+pages\s+floor\s+stack floor \(MDX, sitemap, Tailwind\)\s+Pagefind on the site's pages\s+lower bound\s+lower bound \/ floor\s+per pair\s+site \/ floor/)
    expect(table).toMatch(/x1\s+88\s+2\.00 s\s+2\.20 s \(1\.10x\)\s+0\.20 s\s+2\.40 s\s+1\.20x\s+1\.18x 1\.25x\s+2\.00x/)
    expect(table).toMatch(/x100\s+8800\s+10\.0 s\s+11\.0 s \(1\.10x\)\s+10\.0 s\s+21\.0 s\s+2\.10x\s+1\.90x 2\.30x\s+3\.00x/)
    const budgets = text.slice(text.indexOf('== Budgets'))
    expect(budgets).toContain('least possible with this stack')
    expect(budgets).toMatch(/Real site build \/ floor \(wall\)\s+≤ 1\.30x\s+2\.00x \(CPU 2\.00x\)\s+FAIL\s+1\.20x \(pairs 1\.18-1\.25x\): leaves 0\.20 s for the site's own work/)
    expect(budgets).toMatch(/x100 synthetic build \/ floor \(wall\)\s+≤ 1\.50x\s+3\.00x \(CPU 3\.00x\)\s+FAIL\s+2\.10x \(pairs 1\.90-2\.30x\): the target is 6\.00 s below it/)
  })

  it('leaves both out for results from before the lower bound was measured', () => {
    const text = renderTables(benchResults([size(1, 4, 2)]))
    expect(text).not.toContain('Lower bound')
    expect(text).not.toContain('least possible')
  })
})
