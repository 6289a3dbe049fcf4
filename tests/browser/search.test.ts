/**
 * The search page in a real browser (Debian's Chromium via playwright-core): the built site
 * is served on 127.0.0.1 by a tiny static server; typing 離岸風電 on /zh-tw/search/ and
 * "offshore wind" on /en/search/ lists the green-energy industry page among the results,
 * and only pages of that language.
 *
 * The site is SITE_DIST, else TEST_DIST_DIR, else ./dist (build first: `npm run build`, or `npx astro build`,
 * in which case the Pagefind index is made here with Pagefind's Node API).
 */
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']
const dir = resolve(process.env.SITE_DIST || process.env.TEST_DIST_DIR || 'dist')
const GREEN = 'green-and-renewable-energy'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
}
let server: Server
let browser: Browser
let origin = ''
let indexDir = join(dir, 'pagefind')
let tempIndex: string | undefined

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Hint: apt-get install -y --no-install-recommends chromium fonts-noto-cjk (or set CHROMIUM_PATH).`,
    )
  }
  if (!existsSync(join(dir, 'zh-tw/search/index.html'))) {
    throw new Error(`No built site with a search page in ${dir}. Hint: run \`npm run build\` (or set SITE_DIST) first.`)
  }
  if (!existsSync(join(indexDir, 'pagefind-entry.json'))) {
    tempIndex = mkdtempSync(join(tmpdir(), 'pagefind-e2e-'))
    const api = await import('pagefind')
    const { index, errors } = await api.createIndex({})
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
    await index.addDirectory({ path: dir })
    await index.writeFiles({ outputPath: join(tempIndex, 'pagefind') })
    await api.close()
    indexDir = join(tempIndex, 'pagefind')
  }
  server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '')
    if (path === '' || path.endsWith('/')) path += 'index.html'
    const file = path.startsWith('pagefind/') ? join(indexDir, path.slice('pagefind/'.length)) : join(dir, path)
    if (!file.startsWith(indexDir) && !file.startsWith(dir)) return void res.writeHead(403).end()
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The static server has no port.')
  origin = `http://127.0.0.1:${address.port}`
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((done) => server?.close(done))
  if (tempIndex) rmSync(tempIndex, { recursive: true, force: true })
})

async function searchFor(segment: string, query: string): Promise<{ links: string[]; errors: string[]; filterLabel: string | null }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    const response = await page.goto(`${origin}/${segment}/search/`)
    expect(response?.status()).toBe(200)
    const input = page.locator('.pagefind-ui__search-input')
    await input.waitFor({ timeout: 15_000 })
    await input.fill(query)
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    const filterLabel = await page.locator('.pagefind-ui__filter-name').first().textContent({ timeout: 5_000 }).catch(() => null)
    return { links, errors, filterLabel: filterLabel?.trim() ?? null }
  } finally {
    await context.close()
  }
}

describe('search page in Chromium', () => {
  it('離岸風電 on /zh-tw/search/ finds the green-energy industry page, Chinese pages only', async () => {
    const { links, errors, filterLabel } = await searchFor('zh-tw', '離岸風電')
    expect(errors).toEqual([])
    expect(links).toContain(`/zh-tw/industries/${GREEN}/`)
    expect(links.filter((l) => !l.startsWith('/zh-tw/'))).toEqual([])
    expect(filterLabel).toBe('產業')
  })

  it('"offshore wind" on /en/search/ finds the green-energy industry page, English pages only', async () => {
    const { links, errors, filterLabel } = await searchFor('en', 'offshore wind')
    expect(errors).toEqual([])
    expect(links).toContain(`/en/industries/${GREEN}/`)
    expect(links.filter((l) => !l.startsWith('/en/'))).toEqual([])
    expect(filterLabel).toBe('Industry')
  })
})
