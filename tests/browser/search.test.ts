/**
 * The search page in a real browser (Debian's Chromium via playwright-core): the built site
 * is served on 127.0.0.1 by a tiny static server; typing 離岸風電 on /zh-tw/search/ and
 * "offshore wind" on /en/search/ lists the green-energy industry page among the results,
 * and only pages of that language.
 *
 * The site is SITE_DIST, else TEST_DIST_DIR, else ./dist (build first: `npm run build`, or `npx astro build`,
 * in which case the Pagefind index is made the way the build makes it): tests/support/browser-site.ts serves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSite, type BrowserSite } from '../support/browser-site'

const GREEN = 'green-and-renewable-energy'

let site: BrowserSite

beforeAll(async () => {
  site = await startSite({ required: ['zh-tw/search/index.html', 'en/search/index.html'], search: true })
})

afterAll(async () => {
  await site?.close()
})

async function searchFor(segment: string, query: string): Promise<{ links: string[]; errors: string[]; filterLabel: string | null }> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    const response = await page.goto(`${site.origin}/${segment}/search/`)
    expect(response?.status()).toBe(200)
    const input = page.locator('[data-search-input]')
    await input.waitFor({ timeout: 15_000 })
    await input.fill(query)
    await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
    const links = await page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    const filterLabel = await page
      .locator('[data-search-filter-name]')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => null)
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

  it('/en/search/?q=… searches on load (links and bookmarks to results)', async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    try {
      await page.goto(`${site.origin}/en/search/?q=${encodeURIComponent('offshore wind')}`)
      await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('[data-search-input]').inputValue()).toBe('offshore wind')
      const links = await page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
      expect(links).toContain(`/en/industries/${GREEN}/`)
    } finally {
      await context.close()
    }
  })
})
