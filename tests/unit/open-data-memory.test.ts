/**
 * When the build's files phase does its heavy work (src/open-data/files.ts): beside Astro it
 * writes only what a warm cache makes cheap. With no charts from earlier builds every chart
 * must be drawn, so nothing is made until Astro is done (`drawAfter`), as for the pictures
 * the cache lacks, so the two never hold their memory at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { chartRendererVersion, clearChartCache, setChartDiskCacheFile } from '../../src/charts/render'
import { writeOpenDataFiles } from '../../src/open-data/files'

const site = new URL('https://example.org')
const saved = { ...process.env }
const dirs: string[] = []
let views: SiteViews

beforeAll(async () => {
  views = buildSiteViews(await loadSiteContent(createLocalSource()))
})
afterEach(() => {
  process.env = { ...saved }
  clearChartCache()
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A cache folder of its own for the files' charts, holding charts of an earlier build or none. */
function cacheWith(earlierCharts: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), 'files-cache-'))
  dirs.push(dir)
  process.env.BUILD_CACHE_DIR = dir
  clearChartCache()
  setChartDiskCacheFile('charts-files.json')
  if (earlierCharts) writeFileSync(join(dir, 'charts-files.json'), JSON.stringify({ version: chartRendererVersion, charts: { earlier: '<svg/>' } }))
}

/** Starts the files phase with Astro never finishing; returns the paths written so far, a little later. */
async function writtenWhileAstroRenders(): Promise<string[]> {
  const written: string[] = []
  const astro = new Promise<never>(() => {}) // never settles: nothing after it runs
  void writeOpenDataFiles(views, site, (file) => written.push(file.path), { drawAfter: astro })
  await new Promise((resolve) => setTimeout(resolve, 200))
  return written
}

describe('the files phase beside Astro', () => {
  it('with charts from an earlier build: the texts (CSV, JSON, SVG) are written while Astro renders', async () => {
    cacheWith(true)
    const written = await writtenWhileAstroRenders()
    expect(written).toContain('/data/metrics.csv')
    expect(written.filter((path) => path.endsWith('.svg')).length).toBeGreaterThan(10)
    expect(
      written.some((path) => path.endsWith('.png')),
      'pictures the cache lacks wait for Astro and Pagefind',
    ).toBe(false)
  })

  it('with no charts from earlier builds: nothing is made until Astro is done', async () => {
    cacheWith(false)
    expect(await writtenWhileAstroRenders()).toEqual([])
  })
})
