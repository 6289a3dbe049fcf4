/**
 * Page weight and search index size, read from a built site's output folder.
 *
 * For every HTML page: its HTML bytes, the CSS it loads (linked stylesheets + inline
 * `<style>`) and the JavaScript it loads (`<script src>`, inline scripts that are code,
 * `modulepreload` links), raw and gzip (zlib default level 6, what a server sends).
 * Pages are grouped by template: the URL with the locale segment as `[lang]` and, below a
 * section, the last segment as `[slug]` (`/[lang]/industries/[slug]/`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { median } from './stats'
import { listFiles } from '../lib/files.ts'

export interface Bytes {
  raw: number
  gzip: number
}

export interface PageWeight {
  /** URL path, e.g. `/en/industries/cybersecurity/`. */
  url: string
  template: string
  html: Bytes
  css: Bytes
  js: Bytes
  /** Stylesheet and script URLs the page loads (for the report). */
  cssFiles: string[]
  jsFiles: string[]
}

export interface TemplateWeight {
  template: string
  pages: number
  htmlMedian: Bytes
  htmlMax: Bytes
  /** The page with the largest HTML (gzip) of the template. */
  largest: string
  cssMax: Bytes
  jsMax: Bytes
}

export interface WeightReport {
  pages: number
  templates: TemplateWeight[]
  /** The page with the most HTML (gzip) of the site. */
  largestPage: { url: string; template: string; html: Bytes; css: Bytes; js: Bytes }
  /** Content pages (every template but the search page and the root language picker): medians, maxima and JS total. */
  content: { pages: number; htmlMedianGzip: number; htmlMaxGzip: number; htmlMaxUrl: string; jsBytes: number; pagesWithJs: string[] }
  /** The most CSS one page loads, and every site stylesheet together (Pagefind's UI files not counted). */
  css: { maxPerPage: Bytes; allSiteCss: Bytes; files: number }
  /** Everything under the output folder by kind. */
  totals: { html: Bytes; css: Bytes; js: Bytes; files: number; bytes: number }
}

export const gz = (data: string | Buffer): number => gzipSync(data).length
const bytesOf = (data: string | Buffer): Bytes => ({ raw: Buffer.byteLength(data), gzip: gz(data) })
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip })
const ZERO: Bytes = { raw: 0, gzip: 0 }

/** The URL path of an HTML file: `en/about/index.html` -> `/en/about/`, `404.html` -> `/404.html`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/'
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`
  return `/${file}`
}

/**
 * The template of a URL: the locale segment becomes `[lang]`, and a page two levels below
 * a locale (`/en/industries/x/`) becomes `/[lang]/industries/[slug]/`.
 */
export function templateOf(url: string, localeSegments: readonly string[]): string {
  const parts = url.split('/').filter(Boolean)
  const trailing = url.endsWith('/') ? '/' : ''
  if (parts.length > 0 && localeSegments.includes(parts[0]!)) {
    parts[0] = '[lang]'
    if (parts.length >= 3) parts[parts.length - 1] = '[slug]'
  }
  return parts.length === 0 ? '/' : `/${parts.join('/')}${trailing}`
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined
}

/** Script types that are data, not code. */
const DATA_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules|text\/template)$/i

/** What one HTML page loads: stylesheet and script URLs, inline CSS and inline JavaScript. */
export function assetsOf(html: string): { cssFiles: string[]; jsFiles: string[]; inlineCss: string; inlineJs: string } {
  const cssFiles: string[] = []
  const jsFiles: string[] = []
  let inlineCss = ''
  let inlineJs = ''
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(m[0], 'href')
    if (!href) continue
    if (rel.includes('stylesheet')) cssFiles.push(href)
    else if (rel.includes('modulepreload')) jsFiles.push(href)
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += m[1]
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const open = `<script ${m[1]}>`
    const type = attr(open, 'type')
    if (type && DATA_SCRIPT.test(type)) continue
    const src = attr(open, 'src')
    if (src) jsFiles.push(src)
    else if (m[2]!.trim()) inlineJs += m[2]
  }
  return { cssFiles: [...new Set(cssFiles)], jsFiles: [...new Set(jsFiles)], inlineCss, inlineJs }
}

/** Resolves an asset URL of a page to a file under the output folder; undefined for external URLs. */
function assetFile(outDir: string, pageUrl: string, href: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(href)) return undefined
  const path = href.split(/[?#]/)[0]!
  const abs = path.startsWith('/') ? path : posix.join(posix.dirname(pageUrl.endsWith('/') ? `${pageUrl}x` : pageUrl), path)
  const file = join(outDir, ...abs.split('/').filter(Boolean))
  return existsSync(file) && statSync(file).isFile() ? file : undefined
}

/** Measures every page of a built site. `localeSegments` are the URL segments of the locales. */
/**
 * Pages that are not content pages: the search page (Pagefind's UI is JavaScript) and the root
 * language picker (it redirects by the browser's languages; a plain list of links without JS).
 */
export const notContent = (template: string): boolean => template === '/' || template.includes('/search/')

export function measureWeight(outDir: string, localeSegments: readonly string[], contentExclude: (template: string) => boolean = notContent): WeightReport {
  const files = listFiles(outDir)
  const assetCache = new Map<string, Bytes>()
  const assetBytes = (file: string): Bytes => {
    let b = assetCache.get(file)
    if (!b) assetCache.set(file, (b = bytesOf(readFileSync(file))))
    return b
  }
  const pages: PageWeight[] = []
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(outDir, file), 'utf8')
    const url = urlOfFile(file)
    const a = assetsOf(html)
    let css = a.inlineCss ? bytesOf(a.inlineCss) : ZERO
    let js = a.inlineJs ? bytesOf(a.inlineJs) : ZERO
    for (const href of a.cssFiles) {
      const f = assetFile(outDir, url, href)
      if (f) css = add(css, assetBytes(f))
    }
    for (const href of a.jsFiles) {
      const f = assetFile(outDir, url, href)
      if (f) js = add(js, assetBytes(f))
    }
    pages.push({ url, template: templateOf(url, localeSegments), html: bytesOf(html), css, js, cssFiles: a.cssFiles, jsFiles: a.jsFiles })
  }
  if (pages.length === 0) throw new Error(`No HTML page under ${outDir}: build the site first.`)
  return summarizeWeight(pages, files, outDir, contentExclude)
}

/** The report from per-page weights (pure but for the totals, which read file sizes). */
export function summarizeWeight(pages: PageWeight[], files: string[], outDir: string | undefined, contentExclude: (template: string) => boolean): WeightReport {
  const byTemplate = new Map<string, PageWeight[]>()
  for (const p of pages) byTemplate.set(p.template, [...(byTemplate.get(p.template) ?? []), p])
  const maxBy = (list: PageWeight[], key: (p: PageWeight) => number) => list.reduce((a, b) => (key(b) > key(a) ? b : a))
  const templates: TemplateWeight[] = [...byTemplate.entries()]
    .map(([template, list]) => {
      const largest = maxBy(list, (p) => p.html.gzip)
      return {
        template,
        pages: list.length,
        htmlMedian: { raw: Math.round(median(list.map((p) => p.html.raw))), gzip: Math.round(median(list.map((p) => p.html.gzip))) },
        htmlMax: { raw: Math.max(...list.map((p) => p.html.raw)), gzip: largest.html.gzip },
        largest: largest.url,
        cssMax: maxBy(list, (p) => p.css.gzip).css,
        jsMax: maxBy(list, (p) => p.js.gzip).js,
      }
    })
    .sort((a, b) => a.template.localeCompare(b.template))
  const largest = maxBy(pages, (p) => p.html.gzip)
  const content = pages.filter((p) => !contentExclude(p.template))
  const contentLargest = content.length ? maxBy(content, (p) => p.html.gzip) : largest
  const totals = { html: ZERO, css: ZERO, js: ZERO, files: files.length, bytes: 0 }
  let siteCss = ZERO
  let siteCssFiles = 0
  if (outDir) {
    for (const f of files) {
      const full = join(outDir, f)
      const size = statSync(full).size
      totals.bytes += size
      const kind = f.endsWith('.html') ? 'html' : f.endsWith('.css') ? 'css' : /\.(m?js)$/.test(f) ? 'js' : undefined
      if (!kind) continue
      const b = bytesOf(readFileSync(full))
      totals[kind] = add(totals[kind], b)
      if (kind === 'css' && !f.startsWith('pagefind/')) {
        siteCss = add(siteCss, b)
        siteCssFiles++
      }
    }
  }
  return {
    pages: pages.length,
    templates,
    largestPage: { url: largest.url, template: largest.template, html: largest.html, css: largest.css, js: largest.js },
    content: {
      pages: content.length,
      htmlMedianGzip: content.length ? Math.round(median(content.map((p) => p.html.gzip))) : 0,
      htmlMaxGzip: contentLargest.html.gzip,
      htmlMaxUrl: contentLargest.url,
      jsBytes: content.reduce((s, p) => s + p.js.raw, 0),
      pagesWithJs: content.filter((p) => p.js.raw > 0).map((p) => p.url).slice(0, 20),
    },
    css: { maxPerPage: maxBy(pages, (p) => p.css.gzip).css, allSiteCss: siteCss, files: siteCssFiles },
    totals,
  }
}

export interface SearchIndexLanguage {
  language: string
  pages: number
  /** The word index and metadata a search downloads (pf_index + pf_meta), bytes as stored (Pagefind compresses them). */
  indexBytes: number
  /** The per-page fragments (result excerpts), bytes. */
  fragmentBytes: number
  fragments: number
  /** The language's WebAssembly search engine, bytes. */
  wasmBytes: number
  totalBytes: number
}

/** Pagefind's index per language, from `<outDir>/pagefind/pagefind-entry.json` and its files. */
export function measureSearchIndex(outDir: string, bundle = 'pagefind'): SearchIndexLanguage[] {
  const dir = join(outDir, bundle)
  const entryFile = join(dir, 'pagefind-entry.json')
  if (!existsSync(entryFile)) return []
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm?: string | null; page_count: number }> }
  const files = listFiles(dir)
  const size = (f: string) => statSync(join(dir, f)).size
  return Object.entries(entry.languages).map(([language, info]) => {
    const prefix = `${language}_`
    const index = files.filter((f) => f.startsWith(`index/${prefix}`) || f.startsWith(`pagefind.${prefix}`) || f.startsWith(`filter/${prefix}`))
    const fragments = files.filter((f) => f.startsWith(`fragment/${prefix}`))
    // Languages without a stemmer (Chinese among them) have `wasm: null` and use wasm.unknown.
    const wasm = files.filter((f) => f === `wasm.${info.wasm ?? 'unknown'}.pagefind`)
    const indexBytes = index.reduce((s, f) => s + size(f), 0)
    const fragmentBytes = fragments.reduce((s, f) => s + size(f), 0)
    const wasmBytes = wasm.reduce((s, f) => s + size(f), 0)
    return { language, pages: info.page_count, indexBytes, fragmentBytes, fragments: fragments.length, wasmBytes, totalBytes: indexBytes + fragmentBytes + wasmBytes }
  })
}

