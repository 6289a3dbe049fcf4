/**
 * Accessibility of every page template, in Chromium with axe-core: zero violations of
 * WCAG 2.0/2.1 A and AA and WCAG 2.2 AA, in both languages, in the light and the dark colour
 * scheme. Templates: the root language picker, home, policy, industries, one industry, metrics,
 * one metric with a chart, glossary, about, updates, the policy developments, the accessibility
 * statement, a chart's embed page, search (our search loaded, results listed) and the 404 page;
 * the embed page keeps its theme (light, or dark with `#dark`) in both schemes. A failure names
 * the page, the scheme, each rule id, its impact and the
 * elements (CSS targets) to fix.
 *
 * One browser, one context, one page reused for every URL: each page loads once and is audited in
 * light, then dark (page.emulateMedia). Screenshots of a light and a dark page go to
 * test-results/a11y-*.png.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { locales } from '../../schemas/locales'
import { resultsDir, startSite, type BrowserSite } from '../support/browser-site'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const SCHEMES = ['light', 'dark'] as const
type Scheme = (typeof SCHEMES)[number]

const INDUSTRY = 'green-and-renewable-energy'
const METRIC = 'foundry-market-share'

interface Template {
  name: string
  path: string
  /** Waits for what the page shows after load (search: the search form, results). */
  ready?: (page: Page) => Promise<void>
  /** 404: the server answers 404 on purpose. */
  status?: number
  /** Embeds keep one theme whatever the reader's scheme (light, or dark with `#dark`): audited in both, colours unchanged. */
  fixedTheme?: boolean
}

const searchReady = (query: string) => async (page: Page) => {
  const input = page.locator('[data-search-input]')
  await input.waitFor({ timeout: 15_000 })
  await input.fill(query)
  await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
  // Results are added once their data has loaded: wait until the list is no longer busy.
  await page.waitForLoadState('networkidle')
  await expect.poll(() => page.locator('[data-search-results][aria-busy]').count(), { timeout: 15_000 }).toBe(0)
}

const templates: Template[] = [
  { name: 'root language picker', path: '/' },
  { name: '404', path: '/no-such-page/', status: 404 },
  ...locales.flatMap((l): Template[] => {
    const s = l.segment
    const query = l.id === 'zhTW' ? '半導體' : 'semiconductor'
    return [
      { name: `${s} home`, path: `/${s}/` },
      { name: `${s} policy`, path: `/${s}/policy/` },
      { name: `${s} industries`, path: `/${s}/industries/` },
      { name: `${s} industry`, path: `/${s}/industries/${INDUSTRY}/` },
      { name: `${s} industry side by side`, path: `/${s}/industries/${INDUSTRY}/bilingual/` },
      { name: `${s} policy side by side`, path: `/${s}/policy/bilingual/` },
      { name: `${s} metrics`, path: `/${s}/metrics/` },
      { name: `${s} metric with chart`, path: `/${s}/metrics/${METRIC}/` },
      { name: `${s} glossary`, path: `/${s}/glossary/` },
      { name: `${s} about`, path: `/${s}/about/` },
      { name: `${s} updates`, path: `/${s}/updates/` },
      { name: `${s} policy developments`, path: `/${s}/policy/developments/` },
      { name: `${s} accessibility statement`, path: `/${s}/accessibility/` },
      // The chart alone, as other sites frame it: light, and dark as `#dark` asks.
      { name: `${s} embed`, path: `/${s}/embed/six-trillion-investment/`, fixedTheme: true },
      { name: `${s} embed, dark`, path: `/${s}/embed/six-trillion-investment/#dark`, fixedTheme: true },
      // Search loaded and showing results: its input, filters and result list in the site's colours.
      { name: `${s} search with results`, path: `/${s}/search/`, ready: searchReady(query) },
    ]
  }),
]

let site: BrowserSite
let context: BrowserContext
let page: Page

beforeAll(async () => {
  site = await startSite({ required: ['index.html', '404.html', 'en/index.html', 'zh-tw/search/index.html'], search: true })
  context = await site.browser.newContext({ colorScheme: 'light', viewport: { width: 1024, height: 800 } })
  page = await context.newPage()
  mkdirSync(resultsDir, { recursive: true })
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await site?.close()
})

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

/** One block per violation: rule id, impact, help, then each offending element's target and what is wrong. */
function describeViolations(results: AxeResults): string {
  return results.violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => `    at ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}` : ''}`)
      if (v.nodes.length > 8) nodes.push(`    … and ${v.nodes.length - 8} more`)
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes.join('\n')}`
    })
    .join('\n')
}

const screenshotName = (scheme: Scheme, path: string) => join(resultsDir, `a11y-${scheme}-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`)
/** Pages worth a look: a chart page and the Chinese home, in both schemes. */
const SCREENSHOTS = new Set([`/en/metrics/${METRIC}/`, '/zh-tw/'])

/**
 * Loads the template once, then audits it in each colour scheme (page.emulateMedia), so the
 * page (and Pagefind's results) load once. Fails with every violation of both schemes.
 */
async function audit(template: Template): Promise<void> {
  // The root page sends readers on by language unless they came from the site itself (a same-origin
  // referrer): that is how a reader sees the picker with JavaScript on.
  const referer = template.path === '/' ? `${site.origin}/en/` : undefined
  await page.emulateMedia({ colorScheme: 'light' })
  // From the same page, a new fragment alone would be a same-document navigation (no response).
  if (template.path.includes('#')) await page.goto('about:blank')
  const response = await page.goto(site.origin + template.path, { referer, waitUntil: 'load' })
  expect(response?.status(), `${template.path} status`).toBe(template.status ?? 200)
  expect(new URL(page.url()).pathname + new URL(page.url()).hash, `${template.path} stays put`).toBe(template.path)
  await template.ready?.(page)

  const found: string[] = []
  const backgrounds = new Set<string>()
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${scheme} scheme applied`).toBe(scheme === 'dark')
    // Cards fade their colours (transition-colors): axe judges the colours the scheme settles on,
    // not a frame halfway between light and dark.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)))
    backgrounds.add(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
    if (SCREENSHOTS.has(template.path)) await page.screenshot({ path: screenshotName(scheme, template.path), fullPage: true })
    if (results.violations.length) found.push(`${scheme}:\n${describeViolations(results)}`)
  }
  expect(backgrounds.size, `${template.path}: the dark scheme ${template.fixedTheme ? 'keeps' : 'changes'} the page colours`).toBe(template.fixedTheme ? 1 : SCHEMES.length)
  expect(found, `${template.name} (${template.path}) has axe violations:\n${found.join('\n')}`).toEqual([])
}

describe('axe: WCAG 2.0/2.1 A and AA, WCAG 2.2 AA, light and dark', () => {
  for (const template of templates) {
    it(`${template.name} (${template.path}): no violations`, () => audit(template))
  }
})

/**
 * What axe leaves out on the search page (the search controls' own styles): placeholder text needs
 * 4.5:1 against the input (WCAG 1.4.3), and the search input and filter checkboxes need a
 * boundary of 3:1 against what surrounds them (WCAG 1.4.11). Colours are measured as the
 * browser paints them (any CSS colour, opacity and translucent backgrounds composited).
 */
async function controlContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
    type Rgba = [number, number, number, number]
    const parse = (css: string): Rgba => {
      canvas.clearRect(0, 0, 1, 1)
      canvas.fillStyle = '#000'
      canvas.fillStyle = css
      canvas.fillRect(0, 0, 1, 1)
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data
      return [r!, g!, b!, a! / 255]
    }
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3]
      return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba
    }
    /** The opaque colour behind `el`: its own and its ancestors' backgrounds, composited. */
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = []
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor)
        if (c[3] > 0) layers.push(c)
        if (c[3] >= 1) break
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1])
    }
    const luminance = (c: Rgba) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const contrast = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (hi! + 0.05) / (lo! + 0.05)
    }
    const problems: string[] = []
    const input = document.querySelector<HTMLInputElement>('[data-search-input]')
    if (!input) return ['no search input']
    const ph = getComputedStyle(input, '::placeholder')
    const phColor = parse(ph.color)
    phColor[3] *= parseFloat(ph.opacity || '1')
    const inside = background(input)
    const phRatio = contrast(over(phColor, inside), inside)
    if (phRatio < 4.5) problems.push(`placeholder "${input.placeholder}" ${phRatio.toFixed(2)}:1 (needs 4.5:1)`)
    const controls = [input, ...document.querySelectorAll<HTMLInputElement>('[data-search-filter-checkbox]:not(:checked)')]
    for (const control of controls) {
      const style = getComputedStyle(control)
      const outside = background(control.parentElement)
      const border = parseFloat(style.borderTopWidth) > 0 ? contrast(over(parse(style.borderTopColor), outside), outside) : 0
      const fill = contrast(over(parse(style.backgroundColor), outside), outside)
      if (Math.max(border, fill) < 3) {
        const name = control.type === 'checkbox' ? `checkbox "${control.parentElement?.textContent?.trim()}"` : 'search input'
        problems.push(`${name}: boundary ${Math.max(border, fill).toFixed(2)}:1 (needs 3:1)`)
      }
    }
    return problems
  })
}

describe('search controls: contrast that axe does not measure', () => {
  for (const l of locales) {
    it(`/${l.segment}/search/: placeholder 4.5:1, input and checkbox boundaries 3:1, light and dark`, async () => {
      await page.emulateMedia({ colorScheme: 'light' })
      await page.goto(`${site.origin}/${l.segment}/search/`)
      await searchReady(l.id === 'zhTW' ? '半導體' : 'semiconductor')(page)
      expect(await page.locator('[data-search-filter-checkbox]').count(), 'the industry filter is shown').toBeGreaterThan(0)
      const found: string[] = []
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme })
        found.push(...(await controlContrast(page)).map((p) => `${scheme}: ${p}`))
      }
      expect(found).toEqual([])
    })
  }
})
