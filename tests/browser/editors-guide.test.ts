/**
 * The editors' guide's pictures (docs/editors-guide.md), taken from the production Studio as
 * an editor of a connected project sees it: built with a project id, dataset, site address and
 * preview server address (so no "not connected" banner), every Sanity API call answered by the
 * test double, the Preview tool around the real preview server, and the site's build.json
 * served for the "Live on the site" badge. One test per task of the guide; each checks its
 * screen and takes its picture once the screen has settled (tests/support/guide-screens.ts).
 * `UPDATE_GUIDE_SCREENSHOTS=1` writes them to docs/images/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core'
import { buildManifest } from '../../scripts/lib/build-manifest'
import { loadSiteContent } from '../../src/content/load'
import { API_VERSION, createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews } from '../../src/content/views'
import { metricEcho } from '../../schemas/lib/metric-echo'
import { STATUS_LABELS } from '../../studio/lib/siteStatus'
import { CHROMIUM, CHROMIUM_ARGS, resultsDir } from '../support/browser-site'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { screenshotFolder, takeGuideShot, watchNetwork, type GuideShot } from '../support/guide-screens'
import { guideDocuments, GUIDE_PROJECT, GUIDE_DATASET, NEW_METRIC, STALE_TERM, CHANGED_TERM } from '../support/guide-content'
import { embeddedDataset, recognisableToken } from '../support/live-fixtures'
import { projectRoot } from '../support/project'
import { buildStudio } from '../support/studio-build'
import { buildPreviewServer, previewEnv, startPreviewServer, type RunningPreview } from '../support/preview-server'
import { installFakeSanityApi, serveStatic, type RecordedCall, type StudioDocument } from '../support/studio-fake-api'

const TOKEN = recognisableToken('preview')
const WRITE = recognisableToken('write')
const studioOut = join(projectRoot, '.tmp/guide-studio-e2e-dist')
const documents: StudioDocument[] = guideDocuments(embeddedDataset() as StudioDocument[])
const industry = documents.find((d) => d._id === 'industry-cybersecurity')!
const industryName = industry.name as Record<string, string>

let api: FakeSanityServer
let preview: RunningPreview
let studio: Awaited<ReturnType<typeof serveStatic>>
let site: { url: string; close: () => Promise<void> }
let browser: Browser
let page: Page
let calls: RecordedCall[] = []
let folder: string
const log = () =>
  calls
    .filter((c) => c.kind !== 'telemetry')
    .slice(-20)
    .map((c) => `${c.status} ${c.kind} ${c.method} ${c.url.slice(0, 140)}`)
    .join('\n')

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = (probe.address() as AddressInfo) ?? { port: 0 }
      probe.close(() => resolve(port))
    })
  })

/** The public site as the Studio sees it: only its build.json, of a build over these documents. */
async function serveSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const published = documents.filter((d) => !d._id.startsWith('drafts.'))
  const content = await loadSiteContent(createLocalSource({ documents: published }))
  const manifest = buildManifest({
    builtAt: new Date(),
    origin: { kind: 'live', projectId: GUIDE_PROJECT, dataset: GUIDE_DATASET, perspective: 'published' },
    changes: content.changes,
    views: buildSiteViews(content),
  })
  const server = createHttpServer((req, res) => {
    const found = new URL(req.url ?? '/', 'http://x').pathname === '/build.json'
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-cache' })
    res.end(found ? JSON.stringify(manifest) : '')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** Builds the Studio as a connected project's: every setting the guide tells the team to set. */
function buildConnectedStudio(siteUrl: string, previewUrl: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: '1',
    NO_COLOR: '1',
    SANITY_STUDIO_PROJECT_ID: GUIDE_PROJECT,
    SANITY_STUDIO_DATASET: GUIDE_DATASET,
    SANITY_STUDIO_SITE_URL: siteUrl,
    SANITY_STUDIO_PREVIEW_URL: previewUrl,
  }
  buildStudio(studioOut, env)
}

/** Takes a guide picture and asserts what it must show: its content, no spinner, no "not connected" banner. */
async function shoot(shot: GuideShot) {
  let report: Awaited<ReturnType<typeof takeGuideShot>>
  try {
    report = await takeGuideShot(page, folder, shot)
  } catch (error) {
    // Never into docs/images: a failure's picture goes to test-results/.
    await page.screenshot({ path: join(resultsDir, `guide-failure-${shot.name}`) })
    throw new Error(`${shot.name}: ${(error as Error).message}\nCalls:\n${log()}`)
  }
  expect(report.expectedVisible, `${shot.name}: the expected content is visible`).toEqual(shot.expected.map(() => true))
  expect(report.loading, `${shot.name}: nothing is loading`).toEqual([])
  expect(report.notConnected, `${shot.name}: no "not connected" banner`).toBe(false)
  expect(statSync(report.path).size, `${shot.name} written`).toBeGreaterThan(1_000)
}

const openDocument = async (id: string, type: string) => {
  await page.goto(`${studio.url}/intent/edit/id=${id};type=${type}/`)
  try {
    await page.locator('[data-testid="document-panel-scroller"]').first().waitFor({ timeout: 90_000 })
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, `guide-failure-open-${id}.png`) })
    throw new Error(`${id} did not open.\nCalls:\n${log()}\n${(error as Error).message}`)
  }
}
const documentPane = () => page.locator('[data-testid="document-pane"]').first()
const previewFrame = (): FrameLocator => page.frameLocator('iframe[src*="127.0.0.1"]').first()

it(`finds Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`).toBe(true)
})

describe("the editors' guide, task by task, in the Studio of a connected project", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
    folder = screenshotFolder()
    mkdirSync(resultsDir, { recursive: true })
    api = await startFakeSanityServer({ projectId: GUIDE_PROJECT, dataset: GUIDE_DATASET, documents: documents as FakeDocument[], readTokens: [TOKEN], writeTokens: [WRITE] })
    const previewOut = await buildPreviewServer(join(projectRoot, '.tmp/test-preview-server-guide'))
    site = await serveSite()
    // The Studio carries the preview server's address, and the preview server lets only the
    // Studio's origin frame it: a port for the preview server first, then the Studio.
    const port = await freePort()
    buildConnectedStudio(site.url, `http://127.0.0.1:${port}`)
    studio = await serveStatic(studioOut)
    preview = await startPreviewServer(previewOut, previewEnv(api, TOKEN, { PORT: String(port), SANITY_STUDIO_URL: studio.url }))
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    ;({ calls } = await installFakeSanityApi(context, {
      documents,
      projectId: GUIDE_PROJECT,
      dataset: GUIDE_DATASET,
      allowOrigin: studio.url,
      passThroughOrigins: [preview.url, site.url],
      // The preview secret the Preview tool makes must reach the API the preview server reads.
      onMutate: async (body) => {
        const response = await fetch(`${api.url}/v${API_VERSION}/data/mutate/${GUIDE_DATASET}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        return response.json()
      },
    }))
    page = await context.newPage()
    watchNetwork(page)
  }, 400_000)

  afterAll(async () => {
    await browser?.close()
    await studio?.close()
    await preview?.stop()
    await site?.close()
    await api?.close()
    rmSync(studioOut, { recursive: true, force: true })
  })

  it('shows no "not connected" banner: the Studio is built for a project', async () => {
    await page.goto(`${studio.url}/structure`)
    await page.locator('[data-testid="structure-tool-list-pane"]').first().waitFor({ timeout: 90_000 })
    await expect(page.getByTestId('studio-env-warning').count()).resolves.toBe(0)
  })

  it('add a figure: the new metric, its value written out as the site will', async () => {
    await openDocument(NEW_METRIC._id.replace(/^drafts\./, ''), 'metric')
    const echo = page.getByTestId('metric-value-echo')
    await echo.waitFor({ timeout: 60_000 })
    await expect(echo.innerText()).resolves.toBe(metricEcho(NEW_METRIC))
    await echo.scrollIntoViewIfNeeded()
    await shoot({ name: 'guide-add-figure.png', expected: [echo, page.getByText('數值 · Value', { exact: true })], clip: documentPane() })
  })

  it('fix a stale translation: the badge, what changed in the Chinese, "Mark as up to date"', async () => {
    await openDocument(STALE_TERM, 'glossaryTerm')
    const panel = page.getByTestId('translation-stale-en')
    await panel.waitFor({ timeout: 60_000 })
    await expect(panel.getByTestId('translation-diff').locator('ins').count()).resolves.toBeGreaterThan(0)
    await panel.scrollIntoViewIfNeeded()
    await shoot({ name: 'guide-stale-translation.png', expected: [panel, panel.getByTestId('mark-up-to-date-en')], clip: documentPane() })
  })

  it('fix a stale translation: the Translations tool lists it', async () => {
    await page.goto(`${studio.url}/translations`)
    const tool = page.getByTestId('translations-tool')
    const row = tool.locator(`[data-document="${STALE_TERM}"] [data-testid="translations-row"]`)
    await row.first().waitFor({ timeout: 60_000 })
    await expect(row.first().getAttribute('data-status')).resolves.toBe('stale')
    await shoot({ name: 'guide-translations-tool.png', expected: [tool, row], clip: tool, maxHeight: 320 })
  })

  for (const [lang, segment] of [
    ['zhTW', 'zh-tw'],
    ['en', 'en'],
  ] as const) {
    it(`preview: the industry page in ${segment}, draft mode, the document beside it`, async () => {
      await page.goto(`${studio.url}/presentation?preview=${encodeURIComponent(`/${segment}/industries/cybersecurity/`)}`)
      const heading = previewFrame().locator('h1')
      try {
        await previewFrame().locator('[data-draft-mode]').waitFor({ timeout: 90_000 })
      } catch (error) {
        throw new Error(`No draft-mode page in the Preview tool.\nCalls:\n${log()}\nPreview server:\n${preview.output().slice(-1500)}\n${(error as Error).message}`)
      }
      await expect(heading.innerText()).resolves.toContain(industryName[lang])
      const usedOn = page.getByText(/^Used on \d+ pages$/)
      await shoot({ name: `guide-preview-${segment}.png`, expected: [heading, usedOn] })
    }, 300_000)
  }

  it('publish with a change note: the dialog, filled in', async () => {
    await openDocument(CHANGED_TERM, 'glossaryTerm')
    const publish = page.getByRole('button', { name: 'Publish', exact: true }).first()
    await expect.poll(() => publish.isEnabled({ timeout: 5_000 }).catch(() => false), { timeout: 60_000 }).toBe(true)
    await page.waitForTimeout(1_000)
    await page.getByTestId('action-menu-button').click({ timeout: 20_000 })
    await page.getByRole('menuitem', { name: 'Publish with change note' }).click({ timeout: 30_000 })
    const dialog = page.getByTestId('change-note-form')
    await dialog.waitFor({ timeout: 20_000 })
    await dialog.locator('#change-title-zhTW').fill('5G 定義修訂')
    await dialog.locator('#change-title-en').fill('5G definition revised')
    await dialog.locator('#change-note-zhTW').fill('定義改寫得更清楚。')
    await dialog.locator('#change-note-en').fill('The definition now reads more plainly.')
    const submit = dialog.getByRole('button', { name: 'Create the note and publish' })
    const major = dialog.getByRole('checkbox')
    await major.click()
    await expect.poll(() => major.isChecked(), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => submit.isEnabled(), { timeout: 10_000 }).toBe(true)
    await shoot({ name: 'guide-change-note.png', expected: [dialog, submit], clip: page.locator('[role="dialog"]').filter({ has: dialog }) })
    await page.keyboard.press('Escape')
  })

  it('see that it is live: "已上線 · Live on the site"', async () => {
    await openDocument(industry._id, 'industry')
    const badge = page.getByText(STATUS_LABELS.live, { exact: true })
    await badge.first().waitFor({ timeout: 60_000 })
    await shoot({ name: 'guide-live.png', expected: [badge, page.getByRole('button', { name: 'Publish', exact: true })], clip: documentPane() })
  })
})
