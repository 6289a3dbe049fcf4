/**
 * "Is it live?" in the Studio, in Chromium: the production Studio built with
 * SANITY_STUDIO_SITE_URL naming a static server on 127.0.0.1 that holds two builds' build.json
 * (made by the build's own manifest code over the embedded dataset), every Sanity API call
 * answered by the test double. An industry shows live; once a new revision is published (the
 * double answers its new _rev and _updatedAt) it waits for the site; with the newer build.json
 * served it is live again; a source no page shows says so. The Publishing tool lists the same
 * statuses with the pages that show a document, and follows a publish and a rebuild without a
 * reload. Screenshots: test-results/studio-status-*.png, test-results/studio-publishing-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { BuildManifest } from '../../schemas/build-manifest'
import { buildManifest } from '../../scripts/lib/build-manifest'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews } from '../../src/content/views'
import { DEFAULT_DATASET, PLACEHOLDER_PROJECT_ID } from '../../studio/env'
import { STATUS_LABELS } from '../../studio/lib/siteStatus'
import { CHROMIUM, CHROMIUM_ARGS, resultsDir } from '../support/browser-site'
import { embeddedDataset } from '../support/live-fixtures'
import { projectRoot } from '../support/project'
import { buildStudio } from '../support/studio-build'
import { installFakeSanityApi, serveStatic, type RecordedCall, type StudioDocument } from '../support/studio-fake-api'

const studioOut = join(projectRoot, '.tmp/studio-status-e2e-dist')
/** Every published document with a revision, as the Content Lake has them. */
const documents: StudioDocument[] = embeddedDataset().map((d) => ({ ...d, _rev: `${d._id}-r1` }))
const industry = documents.find((d) => d._type === 'industry')!
const NO_PAGE = 'source-inaugural-address-2020-05-20'

/** build.json of a build that saw `docs` (pages from the page layer over the same content). */
async function manifestOf(docs: StudioDocument[], builtAt: Date): Promise<BuildManifest> {
  const content = await loadSiteContent(createLocalSource({ documents: docs }))
  return buildManifest({
    builtAt,
    origin: { kind: 'live', projectId: PLACEHOLDER_PROJECT_ID, dataset: DEFAULT_DATASET, perspective: 'published' },
    changes: content.changes,
    views: buildSiteViews(content),
  })
}

/** The public site: only its build.json, whichever build is current; every read is counted. */
function serveSite(): Promise<{ url: string; serve: (m: BuildManifest) => void; reads: () => number; close: () => Promise<void> }> {
  let current: BuildManifest | undefined
  let reads = 0
  const server: Server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/build.json' || !current) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end()
      return
    }
    reads++
    // What GitHub Pages sends, and what _headers asks of other hosts.
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-cache' })
    res.end(JSON.stringify(current))
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      done({
        url: `http://127.0.0.1:${port}`,
        serve: (m) => {
          current = m
        },
        reads: () => reads,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      })
    }),
  )
}

let browser: Browser
let page: Page
let site: Awaited<ReturnType<typeof serveSite>>
let studio: Awaited<ReturnType<typeof serveStatic>>
let calls: RecordedCall[] = []
let firstBuild: BuildManifest
let consoleErrors: string[] = []
const log = () =>
  calls
    .filter((c) => c.kind !== 'telemetry')
    .slice(-20)
    .map((c) => `${c.status} ${c.kind} ${c.method} ${c.url.slice(0, 140)}`)
    .join('\n')

/** Opens a document and waits for its status badge; the time it took is returned. */
async function openAndReadStatus(id: string, type: string, label: string): Promise<number> {
  await page.goto(`${studio.url}/intent/edit/id=${id};type=${type}/`)
  await page.locator('[data-testid="document-panel-scroller"]').first().waitFor({ timeout: 90_000 })
  const opened = Date.now()
  try {
    await page.getByText(label, { exact: true }).first().waitFor({ timeout: 30_000 })
  } catch (error) {
    await page.screenshot({ path: join(resultsDir, 'studio-status-failure.png') })
    const badges = await page.locator('[data-ui="Badge"]').allInnerTexts()
    throw new Error(
      `No "${label}" on ${id} (badges: ${JSON.stringify(badges)}; build.json read ${site.reads()} times).\nCalls:\n${log()}\nConsole:\n${consoleErrors.slice(-10).join('\n')}\n${(error as Error).message}`,
    )
  }
  return Date.now() - opened
}

it(`finds Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`).toBe(true)
})

describe('the live status in the Studio', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
    firstBuild = await manifestOf(documents, new Date())
    site = await serveSite()
    site.serve(firstBuild)
    // The site's address is built into the Studio, so the site listens first.
    const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', SANITY_STUDIO_SITE_URL: site.url }
    for (const key of ['SANITY_STUDIO_PROJECT_ID', 'SANITY_STUDIO_DATASET']) delete env[key]
    buildStudio(studioOut, env)
    studio = await serveStatic(studioOut)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' })
    ;({ calls } = await installFakeSanityApi(context, {
      documents,
      projectId: PLACEHOLDER_PROJECT_ID,
      dataset: DEFAULT_DATASET,
      allowOrigin: studio.url,
      passThroughOrigins: [site.url],
    }))
    page = await context.newPage()
    consoleErrors = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    mkdirSync(resultsDir, { recursive: true })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await studio?.close()
    await site?.close()
    rmSync(studioOut, { recursive: true, force: true })
  })

  it('an industry the site shows in this revision is live, within 2 s of opening it, from one read of build.json', async () => {
    const before = site.reads()
    const took = await openAndReadStatus(industry._id, 'industry', STATUS_LABELS.live)
    // Generous on a shared machine; the badge asks for build.json as the document opens.
    expect(took).toBeLessThan(10_000)
    if (took > 2_000) console.warn(`The live status took ${took} ms to appear.`)
    await page.screenshot({ path: join(resultsDir, 'studio-status-live.png') })
    await page.waitForTimeout(1_500)
    expect(site.reads() - before, 'build.json read once for the open document').toBe(1)
  })

  it('a newly published revision waits for the site, and is live once the newer build.json is served', async () => {
    // The publish: the double now answers the new revision.
    const index = documents.findIndex((d) => d._id === industry._id)
    const published = { ...industry, _rev: `${industry._id}-r2`, _updatedAt: new Date().toISOString() }
    documents[index] = published
    await openAndReadStatus(industry._id, 'industry', STATUS_LABELS.waiting)
    await page.screenshot({ path: join(resultsDir, 'studio-status-waiting.png') })

    site.serve(await manifestOf(documents, new Date()))
    await openAndReadStatus(industry._id, 'industry', STATUS_LABELS.live)
    expect(firstBuild.documents.find((d) => d._id === industry._id)?._rev).toBe(`${industry._id}-r1`)
  })

  it('a source that no page shows says so', async () => {
    expect(
      documents.some((d) => d._id === NO_PAGE),
      `the dataset has ${NO_PAGE}`,
    ).toBe(true)
    await openAndReadStatus(NO_PAGE, 'source', STATUS_LABELS['not-on-page'])
    await page.screenshot({ path: join(resultsDir, 'studio-status-no-page.png') })
  })

  it('the Publishing tool lists the newest publish with its status and page links, and follows a publish and a rebuild', async () => {
    // This test's own publish, built: the industry is the newest document, whatever ran before.
    const index = documents.findIndex((d) => d._id === industry._id)
    documents[index] = { ...documents[index]!, _rev: `${industry._id}-r-tool`, _updatedAt: new Date().toISOString() }
    site.serve(await manifestOf(documents, new Date()))
    await page.goto(`${studio.url}/publishing`)
    const row = page.locator(`[data-testid="publishing-row"][data-document="${industry._id}"]`)
    const expectStatus = async (kind: string, label: string, timeout: number) => {
      try {
        await row
          .and(page.locator(`[data-status="${kind}"]`))
          .getByText(label, { exact: true })
          .waitFor({ timeout })
      } catch (error) {
        await page.screenshot({ path: join(resultsDir, 'studio-publishing-failure.png') })
        const rows = await page
          .locator('[data-testid="publishing-row"]')
          .evaluateAll((els) => els.slice(0, 5).map((e) => `${e.getAttribute('data-document')}=${e.getAttribute('data-status')}`))
        throw new Error(`No "${label}" row for ${industry._id} (rows: ${rows.join(', ')}; build.json read ${site.reads()} times).\nCalls:\n${log()}\n${(error as Error).message}`)
      }
    }
    await expectStatus('live', STATUS_LABELS.live, 90_000)
    // The newest publish is the first row.
    expect(await page.locator('[data-testid="publishing-row"]').first().getAttribute('data-document')).toBe(industry._id)
    const served = await manifestOf(documents, new Date(0))
    const pages = served.documents.find((d) => d._id === industry._id)!.pages
    expect(pages.length).toBeGreaterThan(0)
    const links = row.locator('a[data-testid="publishing-page"]')
    // Polled: the list may be drawn again (its 30 s query) just as it is read.
    await expect
      .poll(() => links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])), { timeout: 15_000 })
      .toEqual(pages.map((path) => [`${site.url}${path}`, '_blank', 'noopener']))
    expect(await row.getByRole('link', { name: /Open the document/ }).getAttribute('href')).toContain(`id=${industry._id}`)
    await page.screenshot({ path: join(resultsDir, 'studio-publishing-live.png') })

    // A publish in the double: the tool asks again within 30 s and the row waits for the site.
    documents[index] = { ...documents[index]!, _rev: `${industry._id}-r3`, _updatedAt: new Date().toISOString() }
    await expectStatus('waiting', STATUS_LABELS.waiting, 45_000)
    await page.screenshot({ path: join(resultsDir, 'studio-publishing-waiting.png') })

    // The rebuild: the shared build.json is read again within a minute, without reloading the page.
    site.serve(await manifestOf(documents, new Date()))
    await expectStatus('live', STATUS_LABELS.live, 75_000)
  }, 240_000)
})
