/**
 * Phase `files` of the build: every file to take away (src/open-data/: each figure's and
 * group's JSON, CSV, SVG and PNG, /data/metrics.csv and .json, every page's share card), made
 * from the views the build holds, written into a folder of their own while Astro renders the
 * pages, then moved in beside them (site-file.ts `moveInto`).
 *
 * The open data code runs on Node's own loader, as the rest of the build does; the chart
 * renderer's one Vite-only import (`?raw`) is taught to it first (raw-imports.ts).
 *
 * Every file is linked from the build's cache where it can be: the PNGs from the pictures'
 * cache, the texts and ZIPs from a store of files by content (file-store.ts says why); a ZIP
 * found there by its entries is never deflated again.
 */
import type { SiteViews } from '../../src/content/views.ts'
import type { OpenDataFile } from '../../src/open-data/index.ts'
import { cacheFolder } from '../../src/utils/cache-folder.ts'
import { fileStore, type FileStore } from './file-store.ts'
import { allowRawImports } from './raw-imports.ts'
import { linkSiteFile, writeSiteFile } from './site-file.ts'

type OpenDataModule = typeof import('../../src/open-data/index.ts')

/**
 * Writes every open data file under `dir`; returns how many. Pictures not in the cache are
 * drawn only after `drawAfter` (Astro's pages), so the two never hold their memory at once.
 */
export async function writeOpenDataFiles(views: SiteViews, site: URL, dir: string, drawAfter?: Promise<unknown>): Promise<number> {
  allowRawImports()
  // Imported here, not at the top: the loader must know `?raw` first.
  const module: OpenDataModule = await import('../../src/open-data/index.ts')
  // Charts of the files are cached apart from the pages' (src/charts/render.ts says why).
  module.setChartDiskCacheFile('charts-files.json')
  const store = fileStore(cacheFolder())
  // Each file is written as soon as it is made: a 100× site's files never sit in memory together.
  const count = await module.writeOpenDataFiles(views, site, (file) => putFile(dir, file, store), { drawAfter })
  store.prune()
  return count
}

/** Puts one file into the site under `dir`: a link to the cache file with its bytes, or the bytes written. */
function putFile(dir: string, file: OpenDataFile, store: FileStore): void {
  const cached = file.cacheFile ?? store.fileOf(file)
  if (!cached) {
    writeSiteFile(dir, file.path, file.bytes)
    return
  }
  try {
    linkSiteFile(dir, file.path, cached)
  } catch (error) {
    // Removed since it was found, by another build sharing the cache: the bytes are written instead.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || file.cacheFile) throw error
    writeSiteFile(dir, file.path, file.bytes)
  }
}
