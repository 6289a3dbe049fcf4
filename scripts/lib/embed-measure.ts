/**
 * How tall each embed page is, measured in Chromium (playwright-core, Debian's Chromium) at
 * the frame widths of phones to desktops: the numbers behind the `<iframe>` height that the
 * reuse block gives (src/open-data/embed.ts). The pages are read from a built site through
 * Playwright's request routing: no server, no network.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { locales } from '../../schemas/locales.ts'
import type { EmbedHeights } from '../../src/open-data/embed.ts'

/**
 * Frame widths in CSS pixels: 320, 390, 768 and 1280, and each less an article's usual side
 * padding (16 px a side), plus common phones in between. Heights are not monotonic in the
 * width (a chart's width is capped, a word moves to the next line), so each is measured.
 */
export const FRAME_WIDTHS = [288, 304, 320, 343, 358, 375, 390, 736, 752, 768, 1248, 1280] as const

const ORIGIN = 'http://embed-measure.invalid'
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.js': 'text/javascript' }

/** The embed pages of a built site: locale id → group slugs. */
export function embedSlugs(dir: string): Record<string, string[]> {
  return Object.fromEntries(
    locales.map((l) => {
      const folder = join(dir, l.segment, 'embed')
      return [
        l.id,
        existsSync(folder)
          ? readdirSync(folder)
              .filter((s) => existsSync(join(folder, s, 'index.html')))
              .sort()
          : [],
      ]
    }),
  )
}

/** The tallest content height of every embed page of `dir` over FRAME_WIDTHS. */
export async function measureEmbeds(dir: string, chromiumPath: string, args: string[]): Promise<EmbedHeights> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args })
  try {
    const context = await browser.newContext()
    await context.route(`${ORIGIN}/**`, (route) => {
      let path = normalize(decodeURIComponent(new URL(route.request().url()).pathname)).replace(/^\/+/, '')
      if (path === '' || path.endsWith('/')) path += 'index.html'
      const file = join(dir, path)
      if (!file.startsWith(dir) || !existsSync(file)) return route.fulfill({ status: 404, body: '' })
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) })
    })
    const page = await context.newPage()
    const heights: EmbedHeights = {}
    for (const [id, slugs] of Object.entries(embedSlugs(dir))) {
      const locale = locales.find((l) => l.id === id)!
      heights[id] = {}
      for (const slug of slugs) {
        let tallest = 0
        for (const width of FRAME_WIDTHS) {
          await page.setViewportSize({ width, height: 200 })
          await page.goto(`${ORIGIN}/${locale.segment}/embed/${slug}/`, { waitUntil: 'load' })
          tallest = Math.max(
            tallest,
            await page.evaluate(async () => {
              await document.fonts.ready
              return document.documentElement.scrollHeight
            }),
          )
        }
        heights[id][slug] = tallest
      }
    }
    return heights
  } finally {
    await browser.close()
  }
}
