/**
 * Embeds as a journalist's page shows them, in Chromium: a host page on the local server
 * holds each chart's `<iframe>` code exactly as the reuse block on the figures page gives it
 * (its address on the public origin, answered from the built site by request routing, so the
 * frame is cross-origin as it will be). At 320, 390, 768 and 1280 pixels, in both languages:
 * nothing in the frame is cut (the embedded document's scrollHeight fits the frame's height,
 * and the link back, the last element, is inside it); links leave the frame; the theme is
 * light even for a reader in dark mode, dark when the address ends in #dark; the icon the
 * embed links exists.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { parse } from 'node-html-parser'
import { locales, type Locale } from '../../schemas/locales'
import { startSite, type BrowserSite } from '../support/browser-site'

const WIDTHS = [320, 390, 768, 1280]
const LIGHT_CANVAS = 'rgb(248, 247, 244)'
const DARK_CANVAS = 'rgb(16, 21, 27)'

let site: BrowserSite
let publicOrigin: string

beforeAll(async () => {
  site = await startSite({ required: ['index.html', 'en/metrics/index.html', 'zh-tw/metrics/index.html'] })
  const home = parse(readFileSync(join(site.dir, 'en/index.html'), 'utf8'))
  publicOrigin = new URL(home.querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin
})

afterAll(async () => {
  await site?.close()
})

/** The iframe code of every chart on a language's figures page, as a reader copies it (the text of the `<pre>`). */
function snippets(locale: Locale): Map<string, string> {
  const root = parse(readFileSync(join(site.dir, locale.segment, 'metrics/index.html'), 'utf8'))
  return new Map(root.querySelectorAll('[data-reuse^="group:"]').map((r) => [r.getAttribute('data-reuse')!.slice('group:'.length), r.querySelector('[data-embed-code]')!.text]))
}

/** A browser context where the public origin is answered by the local server, and `/embed-host/` is the given host page. */
async function hostContext(host: string, options: Parameters<BrowserSite['browser']['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await site.browser.newContext(options)
  await context.route(`${publicOrigin}/**`, async (route) => {
    const url = new URL(route.request().url())
    route.fulfill({ response: await route.fetch({ url: `${site.origin}${url.pathname}${url.search}` }) })
  })
  await context.route(`${site.origin}/embed-host/`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: host }))
  return context
}

/** An article page with the given code in it: body text, 16 px side padding, as news pages have. */
const hostPage = (code: string, before = '<p>Article text before the chart.</p>') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><style>body{margin:0;padding:0 16px;background:#fff;color:#000}</style></head><body>${before}${code}<p>Article text after the chart.</p></body></html>`

/** The frames whose address starts with `prefix`, once `count` of them have loaded (lazy frames start after the host's load event). */
async function framesAt(page: Page, prefix: string, count = 1): Promise<Frame[]> {
  const matching = () => page.frames().filter((f) => f.url().startsWith(prefix))
  await expect.poll(() => matching().length, { timeout: 15_000, message: `frames at ${prefix}` }).toBe(count)
  for (const frame of matching()) await frame.waitForLoadState('load')
  return matching()
}

/** The frame showing `slug`'s embed page. */
async function frameOf(page: Page, locale: Locale, slug: string): Promise<Frame> {
  return (await framesAt(page, `${publicOrigin}/${locale.segment}/embed/${slug}/`))[0]!
}

for (const locale of locales) {
  describe(`${locale.segment}: every chart's iframe code`, () => {
    it('fits its content at 320, 390, 768 and 1280 px: nothing cut, the link back inside the frame, not much taller than needed', async () => {
      const codes = snippets(locale)
      expect(codes.size).toBeGreaterThan(0)
      const tallest = new Map<string, number>()
      const context = await hostContext(hostPage([...codes.values()].join('\n')))
      try {
        for (const width of WIDTHS) {
          const page = await context.newPage()
          // Tall enough that no lazy frame waits for scrolling.
          await page.setViewportSize({ width, height: 16_000 })
          await page.goto(`${site.origin}/embed-host/`, { waitUntil: 'load' })
          for (const slug of codes.keys()) {
            const iframe = page.locator(`iframe[src^="${publicOrigin}/${locale.segment}/embed/${slug}/"]`)
            const box = await iframe.evaluate((el) => ({ height: el.clientHeight, width: el.clientWidth }))
            const frame = await frameOf(page, locale, slug)
            const inside = await frame.evaluate(async () => {
              await document.fonts.ready
              const back = document.querySelector('a[data-embed-back]')!.getBoundingClientRect()
              const last = document.body.lastElementChild
              return {
                scroll: document.documentElement.scrollHeight,
                view: window.innerHeight,
                backBottom: back.bottom,
                backIsLast: !!last?.querySelector('a[data-embed-back]') || last?.matches('main'),
              }
            })
            const at = `${slug} at ${width} px (frame ${box.width} × ${box.height})`
            expect(inside.view, at).toBe(box.height)
            expect(inside.scroll, at).toBeLessThanOrEqual(box.height)
            expect(inside.backBottom, at).toBeGreaterThan(0)
            expect(inside.backBottom, at).toBeLessThanOrEqual(box.height)
            tallest.set(slug, Math.max(tallest.get(slug) ?? 0, inside.scroll))
          }
          await page.close()
        }
        for (const [slug, code] of codes) {
          const height = Number(/ height="(\d+)"/.exec(code)?.[1])
          // A table of heights left over from taller content would leave a hole in the article.
          expect(height, `${slug}: ${height} px for at most ${tallest.get(slug)} px of content; run npm run embed:heights`).toBeLessThanOrEqual(
            Math.ceil(tallest.get(slug)! * 1.15),
          )
        }
      } finally {
        await context.close()
      }
    })
  })
}

describe('links in an embed', () => {
  const en = locales.find((l) => l.id === 'en')!

  it('every link targets the top window; following the link back navigates the host page, not the frame', async () => {
    const [slug, code] = [...snippets(en)][0]!
    const context = await hostContext(hostPage(code))
    try {
      const page = await context.newPage()
      await page.setViewportSize({ width: 390, height: 2000 })
      await page.goto(`${site.origin}/embed-host/`, { waitUntil: 'load' })
      const frame = await frameOf(page, en, slug)
      const targets = await frame.evaluate(() => {
        const base = document.querySelector('base')?.getAttribute('target') ?? ''
        return [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('target') || base)
      })
      expect(targets.length).toBeGreaterThan(1)
      expect(new Set(targets)).toEqual(new Set(['_top']))
      await Promise.all([page.waitForURL(`${publicOrigin}/${en.segment}/metrics/#${slug}`), frame.locator('a[data-embed-back]').click()])
      expect(page.url()).toBe(`${publicOrigin}/${en.segment}/metrics/#${slug}`)
      expect(page.frames()).toHaveLength(1)
    } finally {
      await context.close()
    }
  })
})

describe('the theme of an embed', () => {
  const canvas = (frame: Frame | Page) => frame.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.documentElement).colorScheme])

  for (const locale of locales) {
    it(`${locale.segment}: light for a reader in dark mode; dark when the address ends in #dark, without moving the host page`, async () => {
      const [slug, code] = [...snippets(locale)][0]!
      const dark = code.replace(/src="([^"]+)"/, 'src="$1#dark"')
      expect(dark).not.toBe(code)
      // The dark frame starts below the first screen's top, where a jump to its target would show.
      const context = await hostContext(hostPage(`${code}${dark}`, '<p>Before.</p><div>spacer</div>'.repeat(4)), { colorScheme: 'dark' })
      try {
        const page = await context.newPage()
        await page.setViewportSize({ width: 390, height: 4000 })
        await page.goto(`${site.origin}/embed-host/`, { waitUntil: 'load' })
        const frames = await framesAt(page, `${publicOrigin}/${locale.segment}/embed/${slug}/`, 2)
        const light = frames.find((f) => !f.url().endsWith('#dark'))!
        const darkFrame = frames.find((f) => f.url().endsWith('#dark'))!
        expect(await canvas(light)).toEqual([LIGHT_CANVAS, 'light'])
        expect(await canvas(darkFrame)).toEqual([DARK_CANVAS, 'dark'])
        expect(await page.evaluate(() => window.scrollY)).toBe(0)
        expect(await darkFrame.evaluate(() => window.scrollY)).toBe(0)
      } finally {
        await context.close()
      }
    })
  }

  it('site pages still follow the reader: dark in dark mode, light in light mode', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const context = await site.browser.newContext({ colorScheme })
      const page = await context.newPage()
      await page.goto(`${site.origin}/en/metrics/`)
      expect(await canvas(page), colorScheme).toEqual([colorScheme === 'dark' ? DARK_CANVAS : LIGHT_CANVAS, colorScheme === 'dark' ? 'dark' : 'normal'])
      await context.close()
    }
  })
})

describe('the icon of an embed', () => {
  for (const locale of locales) {
    it(`${locale.segment}: the icon it links answers 200 with an image`, async () => {
      const [slug] = [...snippets(locale)][0]!
      const context = await site.browser.newContext()
      try {
        const page = await context.newPage()
        await page.goto(`${site.origin}/${locale.segment}/embed/${slug}/`)
        const href = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'))
        expect(href).toBeTruthy()
        const response = await page.request.get(new URL(href!, page.url()).toString())
        expect(response.status()).toBe(200)
        expect(response.headers()['content-type']).toMatch(/^image\//)
      } finally {
        await context.close()
      }
    })
  }
})
