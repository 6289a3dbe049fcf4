/**
 * The built site in a real browser, for the reader-facing browser tests (tests/browser/):
 * the site folder is served on 127.0.0.1 by a tiny static server (like a static host: `/x/`
 * serves `x/index.html`, unknown paths get `404.html` with status 404), and Debian's Chromium
 * is launched through playwright-core. One browser per test file; tests make contexts from it.
 *
 * The site is SITE_DIST, else TEST_DIST_DIR, else ./dist. It must have been built first
 * (`npm run build`; the CI builds before `npm run test:e2e`): a missing site fails loudly with
 * that hint, and a site older than its sources gets a warning. A site built without its
 * Pagefind index (e.g. `npx astro build`) gets one made here, in a temporary folder, when a
 * test asks for search.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { buildSearchIndex } from '../../scripts/lib/search-index'
import { headersFor, parseHeadersFile } from './headers-rules'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** How the browser tests launch Chromium. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** Where screenshots go (gitignored). */
export const resultsDir = join(projectRoot, 'test-results')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
}

/** The folder of the built site under test (SITE_DIST, else TEST_DIST_DIR, else ./dist). */
export function siteDir(): string {
  const chosen = process.env.SITE_DIST || process.env.TEST_DIST_DIR
  return chosen ? resolve(chosen) : join(projectRoot, 'dist')
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return latest
}

/**
 * The dist guard: the site must exist (with `required` files, paths inside it) or the tests
 * stop here with the hint to build. A site older than src/, schemas/ or content/ is tested
 * anyway (other people may be editing), with a warning saying so.
 */
export function assertBuiltSite(dir: string, required: readonly string[] = ['index.html']): void {
  const hint = 'Hint: run `npm run build` first (it writes dist/), or set SITE_DIST to a built site.'
  if (!existsSync(dir)) throw new Error(`No built site: ${dir} does not exist. ${hint}`)
  const missing = required.filter((file) => !existsSync(join(dir, file)))
  if (missing.length) throw new Error(`The built site in ${dir} is incomplete (missing ${missing.join(', ')}). ${hint}`)
  const builtAt = statSync(join(dir, required[0] ?? 'index.html')).mtimeMs
  const changed = ['src', 'schemas', 'content'].filter((d) => newest(join(projectRoot, d)) > builtAt)
  if (changed.length) {
    console.warn(
      `[browser-site] ${relative(projectRoot, dir) || dir} is older than ${changed.join(', ')}/: testing the last build. Run \`npm run build\` to test the current sources.`,
    )
  }
}

export interface BrowserSite {
  /** `http://127.0.0.1:<port>` */
  origin: string
  browser: Browser
  /** The site folder being served. */
  dir: string
  /** Closes the browser and the server, removes a temporary search index. */
  close(): Promise<void>
}

export interface StartOptions {
  /** Files the tests need, relative to the site folder (the guard checks them). */
  required?: readonly string[]
  /** Serve /pagefind/ (made here when the build has none). */
  search?: boolean
  /** The site folder, instead of SITE_DIST / TEST_DIST_DIR / ./dist (a build the test made itself). */
  dir?: string
  /** Send the headers the site's `_headers` file asks for, as Cloudflare Pages and Netlify do. */
  headers?: boolean
}

/** Builds a Pagefind index of `dir` into a temporary folder, as the build does; returns that folder and its index. */
async function temporaryIndex(dir: string): Promise<{ temp: string; indexDir: string }> {
  const temp = mkdtempSync(join(tmpdir(), 'pagefind-e2e-'))
  await buildSearchIndex(dir, join(temp, 'pagefind'))
  return { temp, indexDir: join(temp, 'pagefind') }
}

/** Serves the built site on 127.0.0.1 and launches Chromium (fails loudly when either is missing). */
export async function startSite(options: StartOptions = {}): Promise<BrowserSite> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Hint: apt-get install -y --no-install-recommends chromium fonts-noto-cjk (or set CHROMIUM_PATH).`)
  }
  const dir = options.dir ?? siteDir()
  assertBuiltSite(dir, options.required ?? ['index.html'])

  let indexDir = join(dir, 'pagefind')
  let temp: string | undefined
  if (options.search && !existsSync(join(indexDir, 'pagefind-entry.json'))) {
    ;({ temp, indexDir } = await temporaryIndex(dir))
  }
  const inside = (root: string, file: string) => file === root || file.startsWith(root + sep)
  const rules = options.headers ? parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8')) : []

  const server: Server = createServer((req, res) => {
    let path: string
    try {
      const urlPath = new URL(req.url ?? '/', 'http://x').pathname
      for (const [name, value] of headersFor(rules, urlPath)) res.setHeader(name, value)
      path = normalize(decodeURIComponent(urlPath)).replace(/^[/\\]+/, '')
    } catch {
      return void res.writeHead(400).end()
    }
    if (path === '' || path === '.' || path.endsWith('/')) path += 'index.html'
    const file = path.startsWith('pagefind/') ? join(indexDir, path.slice('pagefind/'.length)) : join(dir, path)
    if (!inside(indexDir, file) && !inside(dir, file)) return void res.writeHead(403).end()
    if (!existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(dir, '404.html')
      if (existsSync(notFound)) return void res.writeHead(404, { 'Content-Type': MIME['.html'] }).end(readFileSync(notFound))
      return void res.writeHead(404).end()
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The static server has no port.')

  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  } catch (error) {
    server.close()
    if (temp) rmSync(temp, { recursive: true, force: true })
    throw error
  }
  return {
    origin: `http://127.0.0.1:${address.port}`,
    browser,
    dir,
    async close() {
      await browser.close().catch(() => {})
      await new Promise((done) => server.close(done))
      if (temp) rmSync(temp, { recursive: true, force: true })
    },
  }
}
