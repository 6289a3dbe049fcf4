/**
 * Measures every embed page of a built site in Chromium and writes the heights the `<iframe>`
 * code uses (src/open-data/embed-heights.json; src/open-data/embed.ts). Run it after a change
 * to the charts' layout or content, then build again.
 * Usage: npm run build && npm run embed:heights [-- <site folder>]
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { measureEmbeds } from './lib/embed-measure.ts'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']
const dir = resolve(process.argv[2] ?? 'dist')
const out = resolve('src/open-data/embed-heights.json')

try {
  const heights = await measureEmbeds(dir, CHROMIUM, ARGS)
  const count = Object.values(heights).reduce((n, bySlug) => n + Object.keys(bySlug).length, 0)
  if (count === 0) throw new Error(`no embed pages in ${dir}`)
  writeFileSync(out, `${JSON.stringify(heights, null, 2)}\n`, 'utf8')
  console.log(`${out}: ${count} embed page(s) measured. Build again to put the heights into the code.`)
} catch (error) {
  console.error(
    `Could not measure the embed pages: ${(error as Error).message}\n  Fix: build the site first (npm run build), and install Chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
  )
  process.exit(1)
}
