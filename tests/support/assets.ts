/**
 * A check that a built site is whole: every `/_astro/` file a page links exists. Used by the
 * incremental-build tests, where a page copied from an earlier build could link a file that
 * the current build no longer writes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from '../../scripts/lib/files'

/** Build assets (`/_astro/…`) that a page links: in attributes, and in CSS `url()`. */
const ASSET_LINK = /["'(]\/_astro\/([^"'()?#\s]+)/g

/**
 * The `/_astro/` files that some HTML page of `siteDir` links but the site does not have,
 * sorted, each with one page that links it. Empty for a sound site.
 */
export function missingAssets(siteDir: string): { asset: string; page: string }[] {
  const missing = new Map<string, string>()
  const present = new Map<string, boolean>()
  for (const page of listFiles(siteDir).filter((file) => file.endsWith('.html'))) {
    for (const match of readFileSync(join(siteDir, page), 'utf8').matchAll(ASSET_LINK)) {
      const asset = match[1]!
      let exists = present.get(asset)
      if (exists === undefined) {
        exists = existsSync(join(siteDir, '_astro', asset))
        present.set(asset, exists)
      }
      if (!exists && !missing.has(asset)) missing.set(asset, page)
    }
  }
  return [...missing].sort(([a], [b]) => a.localeCompare(b)).map(([asset, page]) => ({ asset: `/_astro/${asset}`, page }))
}
