/**
 * Page weight and search index size, read from a built site's output folder. gzip is zlib's
 * default level, what a server sends. Content pages are every page but the root language
 * picker and the search pages: those two may load JavaScript, content pages must not.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { listFiles } from '../../scripts/lib/files.ts'

export interface Weight {
  pages: number
  content: { pages: number; htmlMedianGzip: number; htmlMaxGzip: number; largestUrl: string; jsBytes: number; pagesWithJs: string[] }
  /** The most CSS one page loads (linked and inline), and every stylesheet of the site but Pagefind's. */
  css: { maxPerPageGzip: number; allGzip: number; files: number }
  totalBytes: number
}

export interface SearchIndexLanguage {
  language: string
  pages: number
  /** What a search downloads first: the word index, filters and metadata. */
  indexBytes: number
  /** Result excerpts, one file per page. */
  fragmentBytes: number
  totalBytes: number
}

const gz = (data: string | Buffer) => gzipSync(data).length

/** `en/about/index.html` -> `/en/about/`, `404.html` -> `/404.html`. */
export const urlOfFile = (file: string): string => (file === 'index.html' ? '/' : `/${file.replace(/(^|\/)index\.html$/, '$1')}`)

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined
}

/** Script types that are data, not code. */
const DATA_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/i

/** What a page loads: stylesheet and script URLs (modulepreload counts as script), inline CSS and JavaScript. */
export function assetsOf(html: string): { cssFiles: string[]; jsFiles: string[]; inlineCss: string; inlineJs: string } {
  const cssFiles = new Set<string>()
  const jsFiles = new Set<string>()
  let inlineCss = ''
  let inlineJs = ''
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(tag, 'href')
    if (href && rel.includes('stylesheet')) cssFiles.add(href)
    else if (href && rel.includes('modulepreload')) jsFiles.add(href)
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += m[1]
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const open = `<script ${m[1]}>`
    if (DATA_SCRIPT.test(attr(open, 'type') ?? '')) continue
    const src = attr(open, 'src')
    if (src) jsFiles.add(src)
    else if (m[2]!.trim()) inlineJs += m[2]
  }
  return { cssFiles: [...cssFiles], jsFiles: [...jsFiles], inlineCss, inlineJs }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2)
}

/** Measures every HTML page under `outDir`; `localeSegments` name the search pages (`/<segment>/search/`). */
export function measureWeight(outDir: string, localeSegments: readonly string[]): Weight {
  const files = listFiles(outDir)
  const cache = new Map<string, Buffer>()
  // An asset URL of a page as a file of the site; external URLs and missing files count nothing.
  const asset = (pageUrl: string, href: string): Buffer => {
    if (/^[a-z]+:|^\/\//i.test(href)) return Buffer.alloc(0)
    const path = href.split(/[?#]/)[0]!
    const abs = path.startsWith('/') ? path : posix.join(pageUrl.endsWith('/') ? pageUrl : posix.dirname(pageUrl), path)
    const file = join(outDir, ...abs.split('/').filter(Boolean))
    if (!cache.has(file)) cache.set(file, existsSync(file) && statSync(file).isFile() ? readFileSync(file) : Buffer.alloc(0))
    return cache.get(file)!
  }
  const notContent = new Set(['/', ...localeSegments.map((s) => `/${s}/search/`)])
  const pages = files
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = readFileSync(join(outDir, f), 'utf8')
      const url = urlOfFile(f)
      const a = assetsOf(html)
      const css = (a.inlineCss ? gz(a.inlineCss) : 0) + a.cssFiles.reduce((sum, href) => sum + gz(asset(url, href)), 0)
      const js = Buffer.byteLength(a.inlineJs) + a.jsFiles.reduce((sum, href) => sum + asset(url, href).length, 0)
      return { url, htmlGzip: gz(html), css, js }
    })
  if (pages.length === 0) throw new Error(`No HTML page under ${outDir}: build the site first.`)
  const content = pages.filter((p) => !notContent.has(p.url))
  const largest = content.reduce((a, b) => (b.htmlGzip > a.htmlGzip ? b : a), content[0] ?? pages[0]!)
  const stylesheets = files.filter((f) => f.endsWith('.css') && !f.startsWith('pagefind/'))
  return {
    pages: pages.length,
    content: {
      pages: content.length,
      htmlMedianGzip: content.length ? median(content.map((p) => p.htmlGzip)) : 0,
      htmlMaxGzip: largest.htmlGzip,
      largestUrl: largest.url,
      jsBytes: content.reduce((sum, p) => sum + p.js, 0),
      pagesWithJs: content
        .filter((p) => p.js > 0)
        .map((p) => p.url)
        .slice(0, 5),
    },
    css: {
      maxPerPageGzip: Math.max(...pages.map((p) => p.css)),
      allGzip: stylesheets.reduce((sum, f) => sum + gz(readFileSync(join(outDir, f))), 0),
      files: stylesheets.length,
    },
    totalBytes: files.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0),
  }
}

/** Pagefind's index per language, from `<outDir>/pagefind/pagefind-entry.json` and the files it names by language. */
export function measureSearchIndex(outDir: string): SearchIndexLanguage[] {
  const dir = join(outDir, 'pagefind')
  const entryFile = join(dir, 'pagefind-entry.json')
  if (!existsSync(entryFile)) return []
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> }
  const files = listFiles(dir)
  const bytes = (match: (f: string) => boolean) => files.filter(match).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
  return Object.entries(entry.languages).map(([language, info]) => {
    const p = `${language}_`
    const indexBytes = bytes((f) => f.startsWith(`index/${p}`) || f.startsWith(`filter/${p}`) || f.startsWith(`pagefind.${p}`))
    const fragmentBytes = bytes((f) => f.startsWith(`fragment/${p}`))
    return { language, pages: info.page_count, indexBytes, fragmentBytes, totalBytes: indexBytes + fragmentBytes }
  })
}
