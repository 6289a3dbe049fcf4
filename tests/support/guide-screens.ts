/**
 * Screenshots for docs/editors-guide.md, taken by the browser test that drives the Studio
 * (tests/browser/editors-guide.test.ts). A screenshot is taken only once the screen has
 * settled: the expected content is visible, no spinner or loading text is left (also inside
 * frames), and the network has been quiet. Each one is written to a temporary folder, or to
 * docs/images/ with UPDATE_GUIDE_SCREENSHOTS=1 (then commit them).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page, Request } from 'playwright-core'
import { projectFile } from './project'

/** The guide's images: the only folder the test writes to when asked to update them. */
export const GUIDE_IMAGES = projectFile('docs/images')

/** Where this run's screenshots go. */
export function screenshotFolder(): string {
  if (process.env.UPDATE_GUIDE_SCREENSHOTS === '1') {
    mkdirSync(GUIDE_IMAGES, { recursive: true })
    return GUIDE_IMAGES
  }
  return mkdtempSync(join(tmpdir(), 'guide-screens-'))
}

/** Sanity UI's spinner, and the loading texts the Studio shows while a pane or tool loads. */
const LOADING = '[data-ui="Spinner"], [data-testid="loading-block"], [aria-busy="true"]'
const LOADING_TEXT = /^(Loading…|Loading document|Loading\.\.\.|Trying to connect…)$/
/** The banner a Studio without a project shows ("Studio not connected: …"), in either language. */
export const NOT_CONNECTED = /not connected|未連線/i

/** Spinners and loading texts still on screen, in the page and in its frames. */
async function loadingLeft(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const frame of page.frames()) {
    const left = await frame
      .evaluate(
        ([selector, pattern]) => {
          const visible = (el: Element) => {
            const box = el.getBoundingClientRect()
            return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
          }
          const spinners = [...document.querySelectorAll(selector)].filter(visible).map((el) => el.outerHTML.slice(0, 120))
          const texts = [...document.querySelectorAll('body *')]
            .filter((el) => el.children.length === 0 && new RegExp(pattern).test((el.textContent ?? '').trim()) && visible(el))
            .map((el) => el.textContent!.trim())
          return [...spinners, ...texts]
        },
        [LOADING, LOADING_TEXT.source] as const,
      )
      .catch(() => [] as string[])
    found.push(...left.map((l) => `${frame.url().slice(0, 60)}: ${l}`))
  }
  return found
}

/**
 * Requests in flight in a page and its frames. Event streams are left out: they stay open by
 * design (the preview page's change feed, Sanity's listener), so Playwright's own "networkidle"
 * never comes while one is open.
 */
const inFlight = new WeakMap<Page, Set<Request>>()

/** Starts counting a page's requests; call it before the page loads anything. */
export function watchNetwork(page: Page): void {
  const open = new Set<Request>()
  inFlight.set(page, open)
  page.on('request', (request) => {
    if (request.resourceType() !== 'eventsource' && !/event-stream/.test(request.headers().accept ?? '')) open.add(request)
  })
  page.on('requestfinished', (request) => open.delete(request))
  page.on('requestfailed', (request) => open.delete(request))
}

/** Resolves once no request has been in flight for `quietMs`; throws at `deadline`. */
async function networkQuiet(page: Page, deadline: number, quietMs = 500): Promise<void> {
  const open = inFlight.get(page)
  if (!open) throw new Error('watchNetwork(page) was not called before the page loaded')
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    if (open.size > 0) quietSince = Date.now()
    else if (Date.now() - quietSince >= quietMs) return
    await page.waitForTimeout(100)
  }
  throw new Error(`The network did not go quiet; in flight:\n${[...open].map((r) => r.url().slice(0, 140)).join('\n')}`)
}

/**
 * Waits until `expected` is visible, nothing is loading and the network is quiet; throws with
 * what is still loading when the screen does not settle.
 */
export async function settle(page: Page, expected: Locator[], timeout = 90_000): Promise<void> {
  const deadline = Date.now() + timeout
  for (const locator of expected) await locator.first().waitFor({ state: 'visible', timeout })
  let left: string[] = []
  while (Date.now() < deadline) {
    await networkQuiet(page, deadline)
    left = await loadingLeft(page)
    if (left.length === 0) {
      // Still settled a moment later (a pane can start loading again as another one finishes).
      await page.waitForTimeout(750)
      left = await loadingLeft(page)
      if (left.length === 0) return
    }
    await page.waitForTimeout(500)
  }
  throw new Error(`The screen did not settle in ${timeout} ms; still loading:\n${left.join('\n')}`)
}

export interface GuideShot {
  /** File name in docs/images/. */
  name: string
  /** What must be visible in the picture. */
  expected: Locator[]
  /** The region to keep (default: the whole viewport). */
  clip?: Locator
  /** Keep only the top of the region, in CSS pixels (a tool that fills the window). */
  maxHeight?: number
}

/** What a test checks about a screenshot it took. */
export interface ShotReport {
  path: string
  loading: string[]
  notConnected: boolean
  expectedVisible: boolean[]
}

/** Settles the screen, takes the picture (clipped to `clip`), and reports what the test asserts. */
export async function takeGuideShot(page: Page, folder: string, shot: GuideShot): Promise<ShotReport> {
  await settle(page, shot.expected)
  const path = join(folder, shot.name)
  const box = shot.clip ? await shot.clip.first().boundingBox() : null
  if (shot.clip && !box) throw new Error(`${shot.name}: the region to keep is not on screen`)
  const viewport = page.viewportSize()!
  const clip = box
    ? {
        x: Math.max(0, box.x),
        y: Math.max(0, box.y),
        width: Math.min(box.width, viewport.width - Math.max(0, box.x)),
        height: Math.min(box.height, viewport.height - Math.max(0, box.y), shot.maxHeight ?? Number.POSITIVE_INFINITY),
      }
    : undefined
  await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide' })
  // What is shown, not what is in the DOM: innerText leaves out hidden elements and scripts.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point here
  const bodyTexts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')))
  return {
    path,
    loading: await loadingLeft(page),
    notConnected: bodyTexts.some((t) => NOT_CONNECTED.test(t)),
    expectedVisible: await Promise.all(shot.expected.map((l) => l.first().isVisible())),
  }
}
