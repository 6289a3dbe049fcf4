/**
 * Phase `files` of the build: every file to take away (src/open-data/: each figure's and
 * group's JSON, CSV, SVG and PNG, /data/metrics.csv and .json, every page's share card), made
 * from the views the build holds and written next to the pages Astro wrote.
 *
 * The open data code is loaded through Vite's module runner, as Astro loads it for the pages
 * (the chart renderer imports its own source with `?raw`, which Node alone cannot load).
 */
import { join } from 'node:path'
import { runnerImport } from 'vite'
import type { SiteViews } from '../../src/content/views.ts'
import { writeSiteFile } from './site-file.ts'

type OpenDataModule = typeof import('../../src/open-data/index.ts')

/** Writes every open data file under `siteDir`; returns how many. */
export async function writeOpenDataFiles(projectRoot: string, views: SiteViews, site: URL, siteDir: string): Promise<number> {
  const { module } = await runnerImport<OpenDataModule>(join(projectRoot, 'src/open-data/index.ts'), { configFile: false, root: projectRoot, logLevel: 'error' })
  // Charts of the files are cached apart from the pages' (src/charts/render.ts says why).
  module.setChartDiskCacheFile('charts-files.json')
  const files = await module.openDataFiles(views, site)
  for (const file of files) writeSiteFile(siteDir, file.path, file.bytes)
  return files.length
}
