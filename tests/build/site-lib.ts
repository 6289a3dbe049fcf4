/**
 * Shared helpers for the site build tests (tests/build/site-*.test.ts): where the built
 * site is, every HTML page in it, parsed once, and how a same-site URL maps to a file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import { parse, type HTMLElement } from 'node-html-parser'
import { locales } from '../../schemas/locales'
import { parseNdjson } from '../../src/content/ndjson'
import { listFiles } from '../../scripts/lib/files'
import { projectFile } from '../support/project'

/**
 * The built site: `distDir` from tests/build/global-setup.ts (one build per `npm test`),
 * else SITE_DIST, else ./dist (build it first with `npx astro build`).
 */
export function distDir(): string {
  let provided: unknown
  try {
    provided = (inject as (key: string) => unknown)('distDir')
  } catch {
    provided = undefined
  }
  const dir = typeof provided === 'string' && provided ? provided : process.env.SITE_DIST || projectFile('dist')
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}. Hint: run \`npx astro build\` first, or run the tests through \`npm test\` (global setup builds the site).`)
  }
  return dir
}

export interface Page {
  /** The URL path the file serves, e.g. `/en/policy/` (directory format), `/404.html`. */
  path: string
  file: string
  html: string
  root: HTMLElement
  ids: Set<string>
}

const cache = new Map<string, Page>()

/** A built page by its URL path (`/en/policy/`), parsed once. */
export function page(dir: string, path: string): Page {
  const file = fileForPath(dir, path)
  if (!file) throw new Error(`No built file for ${path} in ${dir}`)
  return pageFromFile(dir, file)
}

function pageFromFile(dir: string, file: string): Page {
  const key = join(dir, file)
  let p = cache.get(key)
  if (!p) {
    const html = readFileSync(key, 'utf8')
    const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } })
    const ids = new Set(root.querySelectorAll('[id]').map((e) => e.getAttribute('id')!))
    const path = file.endsWith('/index.html') || file === 'index.html' ? `/${file.replace(/index\.html$/, '')}` : `/${file}`
    p = { path, file, html, root, ids }
    cache.set(key, p)
  }
  return p
}

/** Every HTML page of the build. */
export function allPages(dir: string): Page[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => pageFromFile(dir, f))
}

/** The file a same-site URL path serves (directory format: `/x/` → `x/index.html`), or undefined. */
export function fileForPath(dir: string, pathname: string): string | undefined {
  let path = decodeURIComponent(pathname)
  if (path.endsWith('/')) path += 'index.html'
  const rel = path.replace(/^\/+/, '')
  const full = join(dir, rel)
  return existsSync(full) && statSync(full).isFile() ? rel : undefined
}

const isEmbed = (p: Page) => /^\/[^/]+\/embed\//.test(p.path)

/** The site's pages under a locale segment (the localized tree), without the chart-only embed pages. */
export function localizedPages(dir: string): Page[] {
  return allPages(dir).filter((p) => locales.some((l) => p.path.startsWith(`/${l.segment}/`)) && !isEmbed(p))
}

/** The chart-only pages made for other sites' `<iframe>`s (`/{lang}/embed/{group}/`). */
export function embedPages(dir: string): Page[] {
  return allPages(dir).filter(isEmbed)
}

/** The embedded dataset's documents of a type (what the default build renders). */
export function datasetDocs(type: string): Record<string, unknown>[] {
  const file = process.env.CONTENT_FILE || projectFile('content/dataset.ndjson')
  return parseNdjson(readFileSync(file, 'utf8'), file).filter((d) => d._type === type && !String(d._id).startsWith('drafts.'))
}

/** Slugs of the dataset's documents of a type, in editorial order (`orderRank`) where there is one. */
export function datasetSlugs(type: string): string[] {
  return datasetDocs(type)
    .sort((a, b) => String(a.orderRank ?? '').localeCompare(String(b.orderRank ?? '')))
    .map((d) => (d.slug as { current?: string } | undefined)?.current)
    .filter((s): s is string => Boolean(s))
}

/** The site URL the build used (from the canonical link of the English home page). */
export function siteOrigin(dir: string): string {
  const href = page(dir, '/en/').root.querySelector('link[rel="canonical"]')?.getAttribute('href')
  if (!href) throw new Error('The English home page has no canonical link.')
  return new URL(href).origin
}
export { listFiles }
