/**
 * The search page over the hostile dataset (tests/support/hostile-dataset.ts), in Chromium:
 * an industry named `x"><img src=x onerror=alert(1)>` shows as that text in the filter list
 * and in the results, excerpts keep Pagefind's marks and nothing else, no `img[src=x]` or
 * event-handler attribute reaches the DOM, nothing asks for `/x`, and the page reports zero
 * CSP violations and no script error.
 *
 * The site is built here from the hostile dataset (its own build in a temporary folder).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { locales } from '../../schemas/locales'
import { startSite, type BrowserSite } from '../support/browser-site'
import { htmlErrors } from '../support/nu-checker'
import { buildHostileSite, hostileDataset, HOSTILE_INDUSTRY, type HostileSite } from '../support/hostile-dataset'

const INDUSTRIES = hostileDataset().docs.filter((d) => d._type === 'industry').length
let hostile: HostileSite
let site: BrowserSite
let context: BrowserContext

beforeAll(async () => {
  hostile = await buildHostileSite()
  site = await startSite({ dir: hostile.dir, required: ['en/search/index.html', 'zh-tw/search/index.html'], search: true })
  context = await site.browser.newContext({ viewport: { width: 1024, height: 900 } })
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`))
  })
}, 600_000)

afterAll(async () => {
  await context?.close().catch(() => {})
  await site?.close()
  hostile?.remove()
})

/** What content could have made of the DOM: images with src=x, event-handler attributes, scripts the served page did not have. */
function intruders(page: Page, served: string): Promise<string[]> {
  return page.evaluate((html) => {
    const found: string[] = []
    const scripts = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script').length
    if (document.querySelectorAll('script').length !== scripts) found.push(`${document.querySelectorAll('script').length} scripts, the page was served with ${scripts}`)
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`<${el.localName} ${attr}>`)
    }
    for (const img of document.querySelectorAll('img[src="x"]')) found.push(img.outerHTML)
    for (const mark of document.querySelectorAll('[data-search-results] mark')) if (mark.children.length) found.push(`mark with elements: ${mark.innerHTML}`)
    return found
  }, served)
}

describe('search over the hostile dataset in Chromium', () => {
  for (const l of locales) {
    it(`/${l.segment}/search/: the hostile industry name is text in the filters and the results; no img[src=x]; zero CSP violations`, async () => {
      const page = await context.newPage()
      const errors: string[] = []
      const requested: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text())
      })
      page.on('request', (r) => requested.push(new URL(r.url()).pathname))
      try {
        const served = await (await page.goto(`${site.origin}/${l.segment}/search/`))!.text()
        const filterValues = page.locator('[data-search-filter-value]')
        await filterValues.first().waitFor({ timeout: 15_000 })
        const values = await filterValues.allTextContents()
        // One value per industry: figure pages name their industries exactly as the industry pages do.
        expect(values).toHaveLength(INDUSTRIES)
        const hostileValue = values.find((v) => v.startsWith(HOSTILE_INDUSTRY))
        expect(hostileValue, `filter values: ${values.join(' | ')}`).toBeDefined()

        // Only the hostile industry, by its filter: its page is the result, titled with the name as text.
        await page.locator('[data-search-filter-checkbox]').nth(values.indexOf(hostileValue!)).check()
        const link = page.locator('[data-search-result-link]').first()
        await link.waitFor({ timeout: 15_000 })
        expect(new URL((await link.getAttribute('href'))!, site.origin).pathname).toBe(`/${l.segment}/industries/cybersecurity/`)
        expect(await link.textContent()).toContain(HOSTILE_INDUSTRY)

        // Words inside the hostile markup: excerpts show it as text, with Pagefind's marks.
        await page.locator('[data-search-filter-checkbox]').nth(values.indexOf(hostileValue!)).uncheck()
        await page.locator('[data-search-input]').fill('onerror')
        await page.locator('[data-search-results] mark').first().waitFor({ timeout: 15_000 })
        await expect.poll(() => page.locator('[data-search-results][aria-busy]').count()).toBe(0)
        const excerpts = await page.locator('[data-search-result] > p').allTextContents()
        expect(
          excerpts.some((e) => e.includes('<img src=x onerror=alert(1)>')),
          excerpts.slice(0, 3).join('\n'),
        ).toBe(true)

        expect(await intruders(page, served)).toEqual([])
        expect(
          requested.filter((p) => p === '/x' || p.endsWith('/x')),
          'requests for the hostile image',
        ).toEqual([])
        await page.waitForLoadState('networkidle')
        expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
        expect(errors).toEqual([])
      } finally {
        await page.close()
      }
    })
  }
})

describe('the hostile build, checked by the W3C Nu checker', () => {
  it('every page of the hostile build is valid HTML (W3C Nu checker): zero errors', () => {
    const { count, shown } = htmlErrors(hostile.dir)
    expect(shown, `${count} error(s) from the Nu checker; the first ${shown.length}:\n${shown.join('\n')}`).toEqual([])
  }, 300_000)
})
