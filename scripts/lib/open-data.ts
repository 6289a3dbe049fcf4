/**
 * Phase `files` of the build: every file to take away (src/open-data/: each figure's and
 * group's JSON, CSV and SVG, /data/metrics.csv and .json), made from the views the build holds
 * and written next to the pages Astro wrote.
 *
 * The open data code is loaded through Vite's module runner, as Astro loads it for the pages
 * (the chart renderer imports its own source with `?raw`, which Node alone cannot load).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { runnerImport } from 'vite'
import { HintedError } from '../../src/content/content-error.ts'
import type { SiteViews } from '../../src/content/views.ts'

type OpenDataModule = typeof import('../../src/open-data/index.ts')

/** Writes every open data file under `siteDir`; returns how many. */
export async function writeOpenDataFiles(projectRoot: string, views: SiteViews, site: URL, siteDir: string): Promise<number> {
  const { module } = await runnerImport<OpenDataModule>(join(projectRoot, 'src/open-data/index.ts'), { configFile: false, root: projectRoot, logLevel: 'error' })
  // Charts of the files are cached apart from the pages' (src/charts/render.ts says why).
  module.setChartDiskCacheFile('charts-files.json')
  const files = module.openDataFiles(views, site)
  for (const file of files) writeOne(siteDir, file.path, file.bytes)
  return files.length
}

function writeOne(siteDir: string, path: string, bytes: string): void {
  const target = resolve(siteDir, `.${path}`)
  if (!target.startsWith(siteDir + sep)) {
    throw new HintedError(
      `The open data file ${path} would be written outside the site.`,
      'Check the slugs of figures and groups: a slug is letters, digits and hyphens.',
      'files.outside',
    )
  }
  mkdirSync(dirname(target), { recursive: true })
  try {
    // Plain writes, not atomic ones: this is the build's own fresh folder, which replaces the
    // site only as a whole and only after every phase succeeded, so nobody reads a half file.
    // `wx`: a file Astro already wrote at that path is a clash to report, never to overwrite.
    writeFileSync(target, bytes, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new HintedError(
      `Astro already wrote ${relative(siteDir, target)}, which is an open data file.`,
      'Remove the page or route under src/pages/ that writes it: the build writes the open data files itself.',
      'files.clash',
    )
  }
}
