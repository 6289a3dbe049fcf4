/**
 * Line breaks on a phone (390 CSS px, and 320 for the tables), measured in Chromium against the
 * built site: a heading never ends a line right after a Latin word that the next Han character
 * belongs with ("IMD⏎世界數位競爭力…"), and a figure's value in a table stays on one line
 * ("第 1⏎名", "超過⏎80%") while the page still does not scroll sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { locales } from '../../schemas/locales'
import { startSite, type BrowserSite } from '../support/browser-site'

let site: BrowserSite
let reader: BrowserContext

beforeAll(async () => {
  site = await startSite({ required: ['zh-tw/metrics/index.html', 'en/metrics/index.html'] })
  reader = await site.browser.newContext({ reducedMotion: 'reduce' })
})

afterAll(async () => {
  await reader?.close().catch(() => {})
  await site?.close()
})

async function withPage<T>(width: number, body: (page: Page) => Promise<T>): Promise<T> {
  const page = await reader.newPage()
  try {
    await page.setViewportSize({ width, height: 800 })
    return await body(page)
  } finally {
    await page.close()
  }
}

/** The top of the line box of the `char`-th character of the text `word` inside `selector`. */
function lineTops(page: Page, selector: string, word: string): Promise<number[]> {
  return page.evaluate(
    ([sel, w]) => {
      const root = document.querySelector(sel)
      if (!root) throw new Error(`no ${sel}`)
      const text = root.textContent ?? ''
      const at = text.indexOf(w)
      if (at < 0) throw new Error(`"${w}" is not in ${sel}`)
      // Walk the text nodes to find each character of the word, then measure it.
      const tops: number[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      let offset = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length
        for (let i = Math.max(at, offset); i < Math.min(at + w.length, offset + length); i++) {
          const range = document.createRange()
          range.setStart(node, i - offset)
          range.setEnd(node, i - offset + 1)
          const rect = range.getBoundingClientRect()
          if (rect.width > 0) tops.push(Math.round(rect.top))
        }
        offset += length
      }
      return tops
    },
    [selector, word] as const,
  )
}

describe('headings at 390px', () => {
  const cases = [
    { path: '/zh-tw/metrics/', selector: '#chart-digital-competitiveness-ranks-title', word: 'IMD 世' },
    { path: '/zh-tw/metrics/imd-internet-bandwidth-rank/', selector: '[data-chart-group] h3', word: 'IMD 世' },
  ]
  for (const c of cases) {
    it(`${c.path}: "${c.word}" is on one line`, async () => {
      await withPage(390, async (page) => {
        await page.goto(site.origin + c.path)
        const tops = await lineTops(page, c.selector, c.word)
        expect(tops.length).toBeGreaterThanOrEqual(2)
        expect(new Set(tops).size, `line tops ${tops.join(', ')}`).toBe(1)
      })
    })
  }
})

describe('table values', () => {
  for (const width of [390, 320]) {
    it(`at ${width}px every figure value in a table is one line, and no page scrolls sideways`, async () => {
      await withPage(width, async (page) => {
        const split: string[] = []
        for (const l of locales) {
          for (const rest of ['/metrics/', '/metrics/foundry-market-share/', '/metrics/bloomberg-pandemic-resilience-rank/']) {
            const path = `/${l.segment}${rest}`
            await page.goto(site.origin + path)
            const found = await page.evaluate(() => {
              const values = [...document.querySelectorAll('table.chart-table td.num data, table.metric-table td data')]
              const broken = values.filter((v) => new Set([...v.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((v) => v.textContent)
              const wide = document.documentElement.scrollWidth > innerWidth ? [`page ${document.documentElement.scrollWidth}px wide`] : []
              return { count: values.length, problems: [...broken, ...wide] }
            })
            expect(found.count, path).toBeGreaterThan(0)
            split.push(...found.problems.map((p) => `${path}: ${p}`))
          }
        }
        expect(split).toEqual([])
      })
    })
  }
})
