/**
 * The built Studio's Presentation tool in Chromium, around the real preview server: the Studio's
 * API calls go to the Studio test double (studio-fake-api.ts), whose mutations (the preview
 * secret the tool makes) reach the fake Content Lake the preview server reads. Checks that the
 * iframe enters draft mode through the secret flow, that visual editing draws overlays and a
 * click opens the document, and that a document lists its pages in both languages.
 * Screenshots go to test-results/presentation-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core'
import { API_VERSION } from '../../src/content/source/index.ts'
import { DEFAULT_DATASET, PLACEHOLDER_PROJECT_ID } from '../../studio/env'
import { locales } from '../../schemas/locales'
import { CHROMIUM, CHROMIUM_ARGS, resultsDir } from '../support/browser-site'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, recognisableToken } from '../support/live-fixtures'
import { projectRoot } from '../support/live-run'
import { buildStudio } from '../support/studio-build'
import { buildPreviewServer, previewEnv, startPreviewServer, type RunningPreview } from '../support/preview-server'
import { installFakeSanityApi, serveStatic, type RecordedCall } from '../support/studio-fake-api'

const TOKEN = recognisableToken('preview')
const WRITE = recognisableToken('write')
const documents = embeddedDataset() as FakeDocument[]
/** An industry with figures on its page: a figure's number is a click-to-edit target of its own. */
const industry = documents.find((d) => d._type === 'industry' && !d._id.startsWith('drafts.') && ((d.metrics as unknown[] | undefined)?.length ?? 0) > 0)!
const slug = (industry.slug as { current: string }).current
const names = industry.name as Record<string, string>
const studioOut = join(projectRoot, '.tmp/studio-presentation-e2e-dist')

let api: FakeSanityServer
let preview: RunningPreview
let studio: Awaited<ReturnType<typeof serveStatic>>
let browser: Browser
let page: Page
let calls: RecordedCall[] = []
const consoleLines: string[] = []
const log = () =>
  calls
    .filter((c) => c.kind !== 'telemetry')
    .slice(-25)
    .map((c) => `${c.status} ${c.kind} ${c.method} ${c.url.slice(0, 140)}`)
    .join('\n')
/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
/**
 * A screenshot into test-results/, at half size (scaled by Chromium's own canvas), small
 * enough for docs/images/.
 */
async function shot(name: string) {
  const full = await page.screenshot()
  const half = await page.evaluate(async (data) => {
    const image = new Image()
    image.src = `data:image/png;base64,${data}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(image.width / 2)
    canvas.height = Math.round(image.height / 2)
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/png').split(',')[1]!
  }, full.toString('base64'))
  writeFileSync(join(resultsDir, name), Buffer.from(half, 'base64'))
}
/**
 * Moves the pointer onto an element until visual editing outlines it. Its overlays live in their
 * own element after <body>; the one under the pointer is `data-hovered`. Elements register
 * once visual editing has scanned the page, so the pointer moves off and on again until then.
 */
async function pointAt(target: Locator) {
  const outlined = frame().locator('sanity-visual-editing [data-hovered]')
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    await page.mouse.move(5, 5)
    await target.hover({ timeout: 20_000 })
    if (await outlined.first().isVisible()) return
    await page.waitForTimeout(500)
  }
  throw new Error(`Visual editing drew no outline under the pointer.\nCalls:\n${log()}`)
}
const frame = (): FrameLocator => page.frameLocator('iframe[src*="127.0.0.1"]').first()

it(`finds Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`).toBe(true)
})

describe('the Presentation tool', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
    api = await startFakeSanityServer({ projectId: PLACEHOLDER_PROJECT_ID, dataset: DEFAULT_DATASET, documents, readTokens: [TOKEN], writeTokens: [WRITE] })
    const out = await buildPreviewServer(join(projectRoot, '.tmp/test-preview-server-studio'))
    // The Studio is built with the preview server's address, and the preview server lets only
    // the Studio's origin frame it: a port for the preview server first, then the Studio.
    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', SANITY_STUDIO_PREVIEW_URL: `http://127.0.0.1:${port}` }
    for (const key of ['SANITY_STUDIO_PROJECT_ID', 'SANITY_STUDIO_DATASET', 'SANITY_STUDIO_SITE_URL']) delete env[key]
    buildStudio(studioOut, env)
    studio = await serveStatic(studioOut)
    preview = await startPreviewServer(out, previewEnv(api, TOKEN, { PORT: String(port), SANITY_STUDIO_URL: studio.url }))
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' })
    ;({ calls } = await installFakeSanityApi(context, {
      documents,
      projectId: PLACEHOLDER_PROJECT_ID,
      dataset: DEFAULT_DATASET,
      allowOrigin: studio.url,
      passThroughOrigins: [preview.url],
      // The secret the tool creates must be where the preview server looks for it.
      onMutate: async (body) => {
        const response = await fetch(`${api.url}/v${API_VERSION}/data/mutate/${DEFAULT_DATASET}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        return response.json()
      },
    }))
    page = await context.newPage()
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text().slice(0, 300)}`))
    mkdirSync(resultsDir, { recursive: true })
  }, 400_000)
  afterAll(async () => {
    await browser?.close()
    await studio?.close()
    await preview?.stop()
    await api?.close()
    rmSync(studioOut, { recursive: true, force: true })
  })

  it('loads the page in its iframe in draft mode, through the preview secret', async () => {
    await page.goto(`${studio.url}/presentation?preview=${encodeURIComponent(`/en/industries/${slug}/`)}`)
    try {
      await frame().locator('[data-draft-mode]').waitFor({ timeout: 90_000 })
    } catch (error) {
      await page.screenshot({ path: join(resultsDir, 'presentation-failure.png') })
      const frames = page
        .frames()
        .map((f) => f.url())
        .join('\n')
      const secretChecks = api.requests.filter((r) => r.query?.includes('previewUrlSecret')).map((r) => `${r.status} ${JSON.stringify(r.params)}`)
      const mutations = calls.filter((c) => c.kind.startsWith('mutate') || c.kind === 'write' || c.kind === 'write-or-history').map((c) => `${c.kind} ${c.url}`)
      throw new Error(
        `No draft-mode page in the iframe.\nFrames:\n${frames}\nSecret checks: ${secretChecks.join('; ')}\nMutations:\n${mutations.join('\n')}\nConsole:\n${consoleLines.join('\n')}\nCalls:\n${log()}\n${(error as Error).message}`,
      )
    }
    await expect(frame().locator('h1').innerText()).resolves.toContain(names.en)
    // Visual editing started in the frame.
    await frame().locator('sanity-visual-editing').waitFor({ state: 'attached', timeout: 60_000 })
    const secrets = api.documents().filter((d) => d._type === 'sanity.previewUrlSecret')
    expect(secrets.length, 'the tool stored its secret').toBeGreaterThan(0)
  })

  it('draws overlays over the text; a click opens the document', async () => {
    const heading = frame().locator('h1')
    try {
      await heading.hover({ timeout: 60_000 })
    } catch (error) {
      await page.screenshot({ path: join(resultsDir, 'presentation-failure.png') })
      const state = await page
        .frames()
        .at(-1)!
        .evaluate(() => {
          const h1 = document.querySelector('h1')
          return {
            url: location.href,
            h1s: document.querySelectorAll('h1').length,
            rect: h1?.getBoundingClientRect().toJSON(),
            visibility: h1 && getComputedStyle(h1).visibility,
            refreshes: document.documentElement.dataset.previewRefreshes,
          }
        })
      const blocked = calls.filter((c) => c.kind === 'blocked').map((c) => c.url)
      throw new Error(
        `Cannot point at the heading: ${JSON.stringify(state)}\nFrames: ${page
          .frames()
          .map((f) => f.url())
          .join(', ')}\nBlocked: ${blocked.join(', ')}\nPreview server:\n${preview.output().slice(-2000)}\n${(error as Error).message}`,
      )
    }
    await pointAt(heading)
    // The page's own document is open already (mainDocuments); a figure on it (data-sanity) opens the figure.
    expect(decodeURIComponent(page.url())).toContain(industry._id)
    const figure = frame().locator('data[data-sanity]').first()
    const metricId = /id=([^;]+)/.exec((await figure.getAttribute('data-sanity')) ?? '')?.[1]
    expect(metricId).toMatch(/^metric-/)
    await figure.scrollIntoViewIfNeeded()
    await pointAt(figure)
    await shot('presentation-overlay.png')
    await figure.click()
    await expect.poll(() => decodeURIComponent(page.url()), { timeout: 30_000 }).toContain(metricId!)
  })

  it("lists the document's pages in both languages", async () => {
    await page.goto(`${studio.url}/presentation?preview=${encodeURIComponent(`/en/industries/${slug}/`)}`)
    const banner = page.getByText('Used on 2 pages', { exact: true }).first()
    await banner.waitFor({ timeout: 60_000 })
    await banner.click()
    for (const locale of locales) {
      await page.getByText(`${locale.label} · ${names[locale.id]}`, { exact: true }).first().waitFor({ timeout: 20_000 })
    }
    await shot('presentation-locations.png')
  })
})
