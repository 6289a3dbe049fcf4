/**
 * The sitemap's `<lastmod>`, read from the built pages: after Astro has written them, each
 * page's `data-page-updated` date (components/PageHistory.astro) is collected here, and the
 * sitemap integration, listed after this one, asks for it by URL. So the sitemap says exactly
 * what the page says, without a second reckoning of which documents a page shows.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'

/** `<p data-page-updated>…<time datetime="…">`: the first time element inside the marked element. */
const PAGE_UPDATED = /^<[a-z]+[^>]*\sdata-page-updated(?:[\s=>])[\s\S]*?<time\b[^>]*\sdatetime="([^"]+)"/

/** The attribute that marks the element holding a page's date. */
const MARKER = 'data-page-updated'
const TIME_END = '</time>'

/**
 * The date a built page states, or undefined when it states none. Pages are read as bytes and
 * only the marked element is decoded: decoding every page whole cost more than all the rest.
 */
export function pageUpdatedIn(page: string | Buffer): string | undefined {
  const bytes = typeof page === 'string' ? Buffer.from(page) : page
  // Each mention of the marker is found with indexOf and the expression runs from the tag
  // around it to the first </time> after it: run over the whole page, it would try every tag.
  for (let at = bytes.indexOf(MARKER); at >= 0; at = bytes.indexOf(MARKER, at + 1)) {
    const end = bytes.indexOf(TIME_END, at)
    const found = PAGE_UPDATED.exec(bytes.toString('utf8', bytes.lastIndexOf('<', at), end < 0 ? bytes.length : end + TIME_END.length))
    if (found) return found[1]
  }
  return undefined
}

/** The integration and the lookup the sitemap's `serialize` uses (by absolute URL). */
export function pageDates(): { integration: AstroIntegration; lastmod: (url: string) => string | undefined } {
  const byPath = new Map<string, string>()
  const integration: AstroIntegration = {
    name: 'six-core:page-dates',
    hooks: {
      'astro:build:done': ({ dir, pages }) => {
        for (const { pathname } of pages) {
          // Pages come as `en/about/` (directory format); the root is ``.
          const path = `/${pathname.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
          const file = join(fileURLToPath(dir), path, 'index.html')
          if (!existsSync(file)) continue
          const date = pageUpdatedIn(readFileSync(file))
          if (!date) continue
          const instant = new Date(date)
          if (Number.isNaN(instant.getTime()))
            throw new Error(
              `${file}: data-page-updated holds "${date}", which is not a date. Fix: it is the newest _updatedAt of the documents the page shows (src/content/page-history.ts); give each of them an ISO 8601 _updatedAt.`,
            )
          // A new string, not the match: a match is a slice of the page's text, and V8 keeps the
          // whole text alive while a slice of it lives, so the map would hold every page.
          byPath.set(path, instant.toISOString())
        }
      },
    },
  }
  return { integration, lastmod: (url) => byPath.get(new URL(url).pathname) }
}
