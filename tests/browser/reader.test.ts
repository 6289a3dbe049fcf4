/**
 * What a reader does, in Chromium against the built site:
 * (a) the root page sends them on by browser language (zh-TW → /zh-tw/, en-US and anything
 *     else → /en/); without JavaScript it is a picker whose links work;
 * (b) the language switch, with JavaScript off, lands on the same page in the other language,
 *     and on the same section when the reader followed a table-of-contents or glossary link
 *     (CSS `:has(:target)`, see src/layouts/language-switch.ts);
 * (c) content pages load no JavaScript (no script request, only JSON-LD data blocks) and
 *     nothing from elsewhere;
 * (d) keyboard: the first Tab shows the skip link, Enter moves focus to main, the next Tab
 *     lands inside main; every focus stop on the way shows a focus ring that no scrolling
 *     ancestor clips;
 * (e) at 320 CSS pixels nothing makes the page scroll sideways (WCAG 1.4.10; wide tables
 *     scroll inside their own box).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page, Response } from 'playwright-core'
import { locales, type Locale } from '../../schemas/locales'
import { resultsDir, startSite, type BrowserSite } from '../support/browser-site'

const INDUSTRY = 'green-and-renewable-energy'
const METRIC = 'foundry-market-share'
const zh = locales.find((l) => l.id === 'zhTW')!
const en = locales.find((l) => l.id === 'en')!

let site: BrowserSite
/** JavaScript off, as for a reader who turned it off (or a text browser). */
let noScript: BrowserContext
/** An ordinary browser. */
let reader: BrowserContext

beforeAll(async () => {
  site = await startSite({ required: ['index.html', 'zh-tw/index.html', 'en/index.html', `en/industries/${INDUSTRY}/index.html`, `en/metrics/${METRIC}/index.html`] })
  // Reduced motion: scrolling to a target or a focused element is instant, so "in view" can be checked at once.
  noScript = await site.browser.newContext({ javaScriptEnabled: false, reducedMotion: 'reduce' })
  reader = await site.browser.newContext({ reducedMotion: 'reduce' })
  mkdirSync(resultsDir, { recursive: true })
})

afterAll(async () => {
  await noScript?.close().catch(() => {})
  await reader?.close().catch(() => {})
  await site?.close()
})

/** Runs `body` with a fresh page of `context`, closed afterwards. */
async function withPage<T>(context: BrowserContext, body: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage()
  try {
    return await body(page)
  } finally {
    await page.close()
  }
}

const pathOf = (page: Page) => new URL(page.url()).pathname
const hashOf = (page: Page) => new URL(page.url()).hash

/** Clicks a link that loads another document; returns that document's response. */
async function follow(page: Page, link: Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForEvent('response', { predicate: (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame(), timeout: 15_000 }),
    link.click(),
  ])
  await page.waitForLoadState('load')
  return response
}

/** The language switch links a reader can see (the others are display:none). */
async function visibleSwitch(page: Page): Promise<string[]> {
  return page
    .locator('.lang-switch a')
    .evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null && getComputedStyle(a).display !== 'none').map((a) => a.getAttribute('href') ?? ''))
}

describe('(a) the root page', () => {
  const cases: [string, string][] = [
    ['zh-TW', `/${zh.segment}/`],
    ['en-US', `/${en.segment}/`],
    ['fr-FR', `/${en.segment}/`],
  ]
  for (const [locale, expected] of cases) {
    it(`sends a ${locale} browser to ${expected}`, async () => {
      const context = await site.browser.newContext({ locale })
      try {
        const page = await context.newPage()
        await page.goto(`${site.origin}/`)
        await page.waitForURL(`${site.origin}${expected}`, { timeout: 15_000 })
        expect(await page.evaluate(() => navigator.languages)).toEqual([locale])
        expect(pathOf(page)).toBe(expected)
        expect(await page.locator('html').getAttribute('lang')).toBe(expected === `/${zh.segment}/` ? zh.htmlLang : en.htmlLang)
      } finally {
        await context.close()
      }
    })
  }

  it('stays a language picker for a reader coming from the site (same-origin referrer)', async () => {
    await withPage(reader, async (page) => {
      await page.goto(`${site.origin}/`, { referer: `${site.origin}/en/` })
      // A redirect would be a navigation still under way: wait until the network is quiet.
      await page.waitForLoadState('networkidle')
      expect(pathOf(page)).toBe('/')
    })
  })

  it('without JavaScript: no redirect, working links to both languages', async () => {
    await withPage(noScript, async (page) => {
      const response = await page.goto(`${site.origin}/`)
      expect(response?.status()).toBe(200)
      await page.waitForLoadState('networkidle')
      expect(pathOf(page), 'no redirect without JavaScript').toBe('/')
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(hrefs).toEqual(locales.map((l) => `/${l.segment}/`))
      for (const l of locales) {
        await page.goto(`${site.origin}/`)
        const link = page.locator(`main a[href="/${l.segment}/"]`)
        await expect.poll(() => link.isVisible()).toBe(true)
        const landed = await follow(page, link)
        expect(landed.status(), `${l.segment} link`).toBe(200)
        expect(pathOf(page)).toBe(`/${l.segment}/`)
        expect(await page.locator('html').getAttribute('lang')).toBe(l.htmlLang)
        expect(await page.locator('main#main h1').count(), `${l.segment} home has its h1`).toBe(1)
      }
    })
  })
})

describe('(b) the language switch, JavaScript off', () => {
  const pages = [
    ['home', '/'],
    ['policy', '/policy/'],
    ['industry', `/industries/${INDUSTRY}/`],
    ['metric', `/metrics/${METRIC}/`],
    ['glossary', '/glossary/'],
  ] as const
  const directions: [Locale, Locale][] = [
    [zh, en],
    [en, zh],
  ]
  for (const [name, rest] of pages) {
    for (const [from, to] of directions) {
      it(`${name}: ${from.segment} → ${to.segment} lands on the same page`, async () => {
        await withPage(noScript, async (page) => {
          const start = `/${from.segment}${rest}`
          const target = `/${to.segment}${rest}`
          expect((await page.goto(site.origin + start))?.status()).toBe(200)
          expect(await visibleSwitch(page), `one visible switch link on ${start}`).toEqual([target])
          const link = page.locator(`.lang-switch a[href="${target}"]`)
          expect(await link.getAttribute('hreflang')).toBe(to.tag)
          const landed = await follow(page, link)
          expect(landed.status(), target).toBe(200)
          expect(pathOf(page)).toBe(target)
          expect(await page.locator('html').getAttribute('lang')).toBe(to.htmlLang)
          expect(await visibleSwitch(page), `and ${target} switches back`).toEqual([start])
        })
      })
    }
  }

  for (const [from, to] of directions) {
    it(`policy: after a table-of-contents link, ${from.segment} → ${to.segment} keeps the section`, async () => {
      await withPage(noScript, async (page) => {
        await page.goto(`${site.origin}/${from.segment}/policy/`)
        const toc = page.locator('nav[aria-labelledby="toc-heading"] a[href^="#"]')
        expect(await toc.count(), 'table of contents').toBeGreaterThan(2)
        const entry = toc.nth(2)
        const anchor = (await entry.getAttribute('href'))!
        await entry.click()
        await expect.poll(() => hashOf(page)).toBe(anchor)
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor.slice(1))

        const target = `/${to.segment}/policy/${anchor}`
        expect(await visibleSwitch(page), 'the visible switch carries the section').toEqual([target])
        const landed = await follow(page, page.locator(`.lang-switch a[href="${target}"]`))
        expect(landed.status()).toBe(200)
        expect(pathOf(page) + hashOf(page)).toBe(target)
        const section = page.locator(`[id="${anchor.slice(1)}"]`)
        expect(await section.count(), `${target}: the landing page has the section`).toBe(1)
        expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor.slice(1))
        await expect.poll(() => section.evaluate((el) => el.getBoundingClientRect().top), { message: 'the section is scrolled to' }).toBeLessThan(200)
        expect(await visibleSwitch(page), 'and switches back to the section').toEqual([`/${from.segment}/policy/${anchor}`])
      })
    })
  }

  it('glossary: arriving on a term from an industry page, the switch keeps the term', async () => {
    await withPage(noScript, async (page) => {
      await page.goto(`${site.origin}/${en.segment}/industries/${INDUSTRY}/`)
      const termLink = page.locator(`main a[href^="/${en.segment}/glossary/#"]`).first()
      expect(await termLink.count(), 'the industry page links a glossary term').toBe(1)
      const href = (await termLink.getAttribute('href'))!
      await follow(page, termLink)
      const anchor = new URL(href, site.origin).hash
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor.slice(1))
      const target = `/${zh.segment}/glossary/${anchor}`
      expect(await visibleSwitch(page)).toEqual([target])
      await follow(page, page.locator(`.lang-switch a[href="${target}"]`))
      expect(pathOf(page) + hashOf(page)).toBe(target)
      expect(await page.locator(`[id="${anchor.slice(1)}"]`).count(), 'the Chinese glossary has the term').toBe(1)
    })
  })
})

describe('(c) content pages load no JavaScript', () => {
  const pages = locales.flatMap((l) => [`/${l.segment}/`, `/${l.segment}/industries/${INDUSTRY}/`, `/${l.segment}/metrics/${METRIC}/`])
  for (const path of pages) {
    it(`${path}: no script request, only JSON-LD script elements, nothing from elsewhere`, async () => {
      await withPage(reader, async (page) => {
        const requests: { url: string; type: string }[] = []
        page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }))
        const response = await page.goto(site.origin + path, { waitUntil: 'load' })
        expect(response?.status()).toBe(200)
        // Every request the page makes after load has been made once the network is quiet.
        await page.waitForLoadState('networkidle')
        const scriptRequests = requests.filter((r) => r.type === 'script' || /\.m?js$/i.test(new URL(r.url).pathname))
        expect(scriptRequests, `script requests on ${path}`).toEqual([])
        const elsewhere = requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== site.origin)
        expect(elsewhere, `requests leaving the site on ${path}`).toEqual([])
        expect(await page.evaluate(() => document.scripts.length), `${path}: <script> elements`).toBe(await page.locator('script[type="application/ld+json"]').count())
        const types = await page.evaluate(() => [...document.scripts].map((s) => s.type))
        expect(types.length, `${path} carries structured data`).toBeGreaterThan(0)
        expect(new Set(types)).toEqual(new Set(['application/ld+json']))
      })
    })
  }
})

/** The focused element: what it is, whether its focus ring shows, and whether a scrolling ancestor clips it. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const style = getComputedStyle(el)
    const width = parseFloat(style.outlineWidth) || 0
    const ring = (style.outlineStyle !== 'none' && width > 0) || style.boxShadow !== 'none'
    // The outline's outer edge (a negative offset draws it inside the element).
    const grow = Math.max(0, width + (parseFloat(style.outlineOffset) || 0))
    const r = el.getBoundingClientRect()
    let clippedBy: string | null = null
    for (let a = el.parentElement; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
      const b = a.getBoundingClientRect()
      const left = b.left + a.clientLeft
      const top = b.top + a.clientTop
      if (r.left - grow < left - 0.5 || r.top - grow < top - 0.5 || r.right + grow > left + a.clientWidth + 0.5 || r.bottom + grow > top + a.clientHeight + 0.5) {
        clippedBy = `<${a.tagName.toLowerCase()} class="${a.className}">`
        break
      }
    }
    return {
      label: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> ${(el.textContent ?? '').trim().slice(0, 40)}`,
      isSkipLink: el.classList.contains('skip-link'),
      isMain: el.id === 'main' && el.tagName === 'MAIN',
      inMain: !!document.getElementById('main')?.contains(el) && el.id !== 'main',
      ring,
      clippedBy,
      inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    }
  })
}

describe('(d) keyboard', () => {
  const cases = [
    { path: `/${en.segment}/`, width: 1024 },
    { path: `/${zh.segment}/industries/${INDUSTRY}/`, width: 1024 },
    { path: `/${en.segment}/metrics/${METRIC}/`, width: 390 },
  ]
  for (const { path, width } of cases) {
    it(`${path} (${width}px): Tab shows the skip link, Enter moves focus to main, the next Tab is inside main`, async () => {
      await withPage(reader, async (page) => {
        await page.setViewportSize({ width, height: 800 })
        await page.goto(site.origin + path)
        await page.keyboard.press('Tab')
        const skip = await focusState(page)
        expect(skip?.isSkipLink, `first Tab focuses the skip link, not ${skip?.label}`).toBe(true)
        expect(skip?.inView, 'the skip link shows when focused').toBe(true)
        expect(skip?.ring, 'the skip link has a visible focus ring').toBe(true)
        if (path === `/${en.segment}/`) await page.screenshot({ path: join(resultsDir, 'reader-skip-link.png') })
        await page.keyboard.press('Enter')
        await expect.poll(() => hashOf(page)).toBe('#main')
        expect((await focusState(page))?.isMain, 'Enter moves focus to <main>').toBe(true)
        await page.keyboard.press('Tab')
        const next = await focusState(page)
        expect(next?.inMain, `after the skip link, Tab goes into main, not to ${next?.label}`).toBe(true)
        expect(next?.ring, `${next?.label} has a visible focus ring`).toBe(true)
        expect(next?.inView, `${next?.label} is scrolled into view`).toBe(true)
      })
    })

    it(`${path} (${width}px): every focus stop before main has a visible, unclipped focus ring`, async () => {
      await withPage(reader, async (page) => {
        await page.setViewportSize({ width, height: 800 })
        await page.goto(site.origin + path)
        const problems: string[] = []
        const seen: string[] = []
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab')
          const state = await focusState(page)
          if (!state || state.inMain) break
          seen.push(state.label)
          if (!state.ring) problems.push(`${state.label}: no focus ring`)
          if (state.clippedBy) problems.push(`${state.label}: focus ring clipped by ${state.clippedBy}`)
          if (!state.inView) problems.push(`${state.label}: focused but out of view`)
          if (state.label.includes('href="/en/industries/"') || state.label.includes('href="/zh-tw/industries/"')) {
            await page.screenshot({ path: join(resultsDir, `reader-focus-nav-${width}.png`), clip: { x: 0, y: 0, width, height: 140 } })
          }
        }
        expect(seen.length, 'the header has focus stops').toBeGreaterThan(4)
        expect(problems, `focus stops: ${seen.join(' | ')}`).toEqual([])
      })
    })
  }
})

describe('(e) reflow at 320px', () => {
  const rests = ['/policy/', '/metrics/', `/metrics/${METRIC}/`, `/industries/${INDUSTRY}/`, '/glossary/']
  it('policy, metrics, a metric with a chart, an industry and the glossary fit 320px in both languages', async () => {
    await withPage(reader, async (page) => {
      await page.setViewportSize({ width: 320, height: 640 })
      const overflowing: string[] = []
      for (const l of locales) {
        for (const rest of rests) {
          const path = `/${l.segment}${rest}`
          await page.goto(site.origin + path)
          const wide = await page.evaluate(() => {
            const sideways = document.documentElement.scrollWidth > innerWidth ? [`page ${document.documentElement.scrollWidth}px wide`] : []
            // Elements sticking out of the viewport that no scrolling box of their own contains.
            const loose = [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
              .filter((el) => {
                for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false
                return true
              })
              .slice(0, 3)
              .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}"> to ${Math.round(el.getBoundingClientRect().right)}px`)
            return [...sideways, ...loose]
          })
          overflowing.push(...wide.map((w) => `${path}: ${w}`))
        }
      }
      expect(overflowing).toEqual([])
    })
  })
})
