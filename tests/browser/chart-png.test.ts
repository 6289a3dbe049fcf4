/**
 * The chart PNGs the build renders (resvg, npm fonts) against the same SVG drawn by Chromium
 * and by librsvg (`rsvg-convert`, what many desktop tools use): the same size, and ink in the
 * same place (the bounding box of dark pixels within a tolerance, as the fonts differ). The
 * box's left and top edges catch a clipped first label or title.
 *
 * rsvg-convert is Debian's `librsvg2-bin`; a machine without it fails this file, loudly.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteDir, startSite, type BrowserSite } from '../support/browser-site'

const FILES = [
  'data/groups/semiconductor-market-share.en',
  'data/groups/six-trillion-investment.zh-tw',
  'data/metrics/foundry-market-share.en',
  'data/metrics/beri-investment-risk-rank.zh-tw',
]
const ZOOM = 2
/**
 * Pixels (at 2×) the ink's edges may move between renderers. Text starts at the same x and
 * baseline everywhere (left, top), but fonts differ in width (the longest line sets the right
 * edge) and a little in descent (bottom).
 */
const EDGE = { left: 8, top: 12, right: 48, bottom: 16 }

let site: BrowserSite
let context: BrowserContext

beforeAll(async () => {
  site = await startSite({ required: FILES.flatMap((f) => [`${f}.svg`, `${f}.png`]) })
  context = await site.browser.newContext({ deviceScaleFactor: ZOOM })
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await site?.close()
})

/** Rows a line of text may move between renderers (at 2×). */
const ROW = 6

/** The box around every dark pixel (each channel under 128), and which rows have any. */
function inkBox(png: Buffer) {
  const image = PNG.sync.read(png)
  let [left, top, right, bottom] = [image.width, image.height, -1, -1]
  const rows: boolean[] = []
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4
      if (image.data[i]! < 128 && image.data[i + 1]! < 128 && image.data[i + 2]! < 128) {
        left = Math.min(left, x)
        right = Math.max(right, x)
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
        rows[y] = true
      }
    }
  return { width: image.width, height: image.height, left, top, right, bottom, rows }
}

/** Rows with ink in `a` and none within ROW rows in `b`: a label cut off, or drawn elsewhere. */
const unmatchedRows = (a: boolean[], b: boolean[]) => a.flatMap((ink, y) => (ink && !b.slice(Math.max(0, y - ROW), y + ROW + 1).some(Boolean) ? [y] : []))

function expectSameInk(actual: ReturnType<typeof inkBox>, expected: ReturnType<typeof inkBox>, what: string) {
  expect([actual.width, actual.height], `${what}: size`).toEqual([expected.width, expected.height])
  expect(actual.right, `${what}: some ink`).toBeGreaterThan(0)
  for (const edge of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(actual[edge] - expected[edge]), `${what}: ${edge} edge`).toBeLessThanOrEqual(EDGE[edge])
  // Every line of text and every bar is there in both, at the same height.
  expect(unmatchedRows(actual.rows, expected.rows), `${what}: rows with ink only in the PNG`).toEqual([])
  expect(unmatchedRows(expected.rows, actual.rows), `${what}: rows with ink only in the other renderer`).toEqual([])
}

describe('chart PNGs look like their SVG', () => {
  it('in Chromium: the same size and the ink in the same place', async () => {
    for (const file of FILES) {
      const svg = readFileSync(join(siteDir(), `${file}.svg`), 'utf8')
      const [width, height] = [Number(/ width="(\d+)"/.exec(svg)![1]), Number(/ height="(\d+)"/.exec(svg)![1])]
      const page = await context.newPage()
      await page.setViewportSize({ width, height })
      await page.goto(`${site.origin}/${file}.svg`)
      const shot = await page.screenshot({ clip: { x: 0, y: 0, width, height } })
      await page.close()
      expectSameInk(inkBox(readFileSync(join(siteDir(), `${file}.png`))), inkBox(shot), `${file} (Chromium)`)
    }
  })

  it('in librsvg (rsvg-convert): the same size and the ink in the same place, nothing clipped', () => {
    for (const file of FILES) {
      let drawn: Buffer
      try {
        drawn = execFileSync('rsvg-convert', ['--zoom', String(ZOOM), '--background-color', 'white', join(siteDir(), `${file}.svg`)], { maxBuffer: 64 << 20 })
      } catch (error) {
        throw new Error(`rsvg-convert failed or is missing (${(error as Error).message}). Hint: apt-get install -y librsvg2-bin`)
      }
      expectSameInk(inkBox(readFileSync(join(siteDir(), `${file}.png`))), inkBox(drawn), `${file} (librsvg)`)
    }
  })
})
