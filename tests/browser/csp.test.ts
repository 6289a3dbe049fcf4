/**
 * The Content Security Policy in Chromium: on every template in both languages Chromium
 * reports zero violations (`securitypolicyviolation` events and console reports), while the
 * things that need scripts or styles work under it: the root page's language redirect, the
 * search (Pagefind's script and WebAssembly, a query typed, results shown), the language
 * switch, and the charts (drawn at their size, from presentation attributes, no style
 * attributes). Also the embed pages, which other sites frame. The site is served with the
 * headers its `_headers` file asks for (as Cloudflare Pages and Netlify send them), so every page
 * works under both its <meta> policy and its header policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { locales } from '../../schemas/locales'
import { startSite, type BrowserSite } from '../support/browser-site'

let site: BrowserSite
let context: BrowserContext

beforeAll(async () => {
  site = await startSite({
    required: ['index.html', '404.html', '_headers', 'en/search/index.html', 'zh-tw/embed/six-trillion-investment/index.html'],
    search: true,
    headers: true,
  })
  context = await site.browser.newContext({ viewport: { width: 1024, height: 800 } })
  // Before any page script: every violation the page reports is kept on the window.
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
  })
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await site?.close()
})

/** Opens `path`, runs `act`, and returns every violation the page and the console reported. */
async function violations(path: string, act?: (page: Page) => Promise<void>, referer?: string): Promise<string[]> {
  const page = await context.newPage()
  const consoleReports: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleReports.push(m.text())
  })
  try {
    await page.goto(site.origin + path, { waitUntil: 'load', referer })
    await act?.(page)
    await page.waitForLoadState('networkidle')
    const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
    return [...reported, ...consoleReports]
  } finally {
    await page.close()
  }
}

const charts = async (page: Page) => {
  const chart = page.locator('svg[data-chart-renderer="echarts"]').first()
  await chart.waitFor()
  expect((await chart.boundingBox())!.height).toBeGreaterThan(40)
  // The labels are 14px from their font-size attribute (a blocked style attribute would leave 16px).
  expect(
    await chart
      .locator('text')
      .first()
      .evaluate((t) => getComputedStyle(t).fontSize),
  ).toBe('14px')
}

describe('zero CSP violations in Chromium', () => {
  it('the root language picker, and its redirect script runs', async () => {
    expect(await violations('/', undefined, `${site.origin}/en/`)).toEqual([])
    const page = await context.newPage()
    await page.goto(`${site.origin}/`)
    await page.waitForURL(/\/(en|zh-tw)\/$/)
    await page.close()
  })

  it('the 404 page', async () => {
    expect(await violations('/no-such-page/')).toEqual([])
  })

  for (const l of locales) {
    const s = l.segment
    const other = locales.find((x) => x.id !== l.id)!
    for (const path of [`/${s}/`, `/${s}/policy/`, `/${s}/industries/`, `/${s}/industries/cybersecurity/`, `/${s}/glossary/`, `/${s}/about/`, `/${s}/updates/`]) {
      it(`${path}`, async () => {
        expect(await violations(path)).toEqual([])
      })
    }

    it(`/${s}/metrics/ and a figure page: the charts are drawn`, async () => {
      expect(await violations(`/${s}/metrics/`, charts)).toEqual([])
      expect(await violations(`/${s}/metrics/foundry-market-share/`, charts)).toEqual([])
    })

    it(`/${s}/embed/six-trillion-investment/: the chart alone`, async () => {
      expect(await violations(`/${s}/embed/six-trillion-investment/`, charts)).toEqual([])
    })

    it(`/${s}/search/: a query typed, results shown`, async () => {
      const found = await violations(`/${s}/search/`, async (page) => {
        const input = page.locator('[data-search-input]')
        await input.waitFor({ timeout: 15_000 })
        await input.pressSequentially(l.id === 'zhTW' ? '半導體' : 'semiconductor', { delay: 20 })
        await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
      })
      expect(found).toEqual([])
    })

    it(`the language switch from /${s}/metrics/foundry-market-share/ to ${other.segment}`, async () => {
      const found = await violations(`/${s}/metrics/foundry-market-share/`, async (page) => {
        await page.locator('a[data-lang-switch=""]').first().click()
        await page.waitForURL(`**/${other.segment}/metrics/foundry-market-share/`)
        await charts(page)
      })
      expect(found).toEqual([])
    })
  }
})

describe('under the _headers policy', () => {
  it('pages are sent the header policy', async () => {
    const page = await context.newPage()
    const response = await page.goto(`${site.origin}/en/metrics/`)
    expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'$/)
    await page.close()
  })

  /**
   * Whether a page of another origin (the same server as `localhost`, so that Chromium's local
   * network checks see a local page framing a local one) shows `path` in a frame.
   */
  async function framedElsewhere(path: string): Promise<boolean> {
    const page = await context.newPage()
    try {
      // A file with no policy of its own, its document then replaced by the framing page.
      await page.goto(`${site.origin.replace('127.0.0.1', 'localhost')}/build.json`)
      await page.setContent(`<!doctype html><title>x</title><iframe src="${site.origin}${path}"></iframe>`)
      const frame = page.frames().find((f) => f !== page.mainFrame())
      // A frame the policy refuses shows the browser's error page instead (another URL).
      return Boolean(frame?.url().startsWith(site.origin) && (await frame.locator('figure').count()) > 0)
    } finally {
      await page.close()
    }
  }

  it('another site may frame an embed page, not a site page', async () => {
    expect(await framedElsewhere('/zh-tw/embed/six-trillion-investment/')).toBe(true)
    expect(await framedElsewhere('/zh-tw/metrics/')).toBe(false)
  })
})
