/**
 * The preview server in Chromium, against the fake Sanity API on 127.0.0.1: published content
 * without draft mode; the secret flow into draft mode; an edit of the draft in the API shows
 * in the open page within 2 s, without a reload (measured); the language switch keeps draft
 * mode. The Studio's Presentation tool around it is tested in studio-presentation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { API_VERSION } from '../../src/content/source/index.ts'
import { CHROMIUM, CHROMIUM_ARGS, resultsDir } from '../support/browser-site'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, recognisableToken } from '../support/live-fixtures'
import { projectRoot } from '../support/live-run'
import { buildPreviewServer, previewEnv, previewSecret, startPreviewServer, type RunningPreview } from '../support/preview-server'

const TOKEN = recognisableToken('preview')
const WRITE = recognisableToken('write')
const dataset = embeddedDataset() as FakeDocument[]
const industry = dataset.find((d) => d._id === 'industry-cybersecurity')!
const slug = (industry.slug as { current: string }).current
const names = industry.name as { zhTW: string; en: string }

let api: FakeSanityServer
let server: RunningPreview
let browser: Browser
let context: BrowserContext
let page: Page
/** What Chromium reported against the server's script policy. */
const violations: string[] = []

/** Writes the industry's draft through the API, as the Studio does when an editor types. */
const saveDraft = (en: string) =>
  fetch(`${api.url}/v${API_VERSION}/data/mutate/${api.dataset}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITE}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mutations: [{ createOrReplace: { ...industry, _id: `drafts.${industry._id}`, name: { ...names, en } } }] }),
  }).then((r) => expect(r.status).toBe(200))

it(`finds Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`).toBe(true)
})

describe('preview server in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
    const out = await buildPreviewServer(join(projectRoot, '.tmp/test-preview-server-e2e'))
    api = await startFakeSanityServer({ documents: [...dataset, previewSecret('browser-secret')], readTokens: [TOKEN], writeTokens: [WRITE] })
    server = await startPreviewServer(out, previewEnv(api, TOKEN))
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
    })
    mkdirSync(resultsDir, { recursive: true })
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await api?.close()
  })

  it('shows published content without draft mode', async () => {
    await saveDraft('Draft before draft mode')
    await page.goto(`${server.url}/en/industries/${slug}/`)
    await expect(page.locator('h1').innerText()).resolves.toBe(names.en)
    await expect(page.locator('[data-preview-banner]').count()).resolves.toBe(0)
  })

  it('a wrong secret is refused; the right one opens the draft in draft mode', async () => {
    const wrong = await page.goto(`${server.url}/api/draft-mode/enable?sanity-preview-secret=nope&sanity-preview-pathname=/en/industries/${slug}/`)
    expect(wrong?.status()).toBe(401)
    await page.goto(`${server.url}/api/draft-mode/enable?sanity-preview-secret=browser-secret&sanity-preview-pathname=/en/industries/${slug}/`)
    expect(new URL(page.url()).pathname).toBe(`/en/industries/${slug}/`)
    await page.locator('[data-draft-mode]').waitFor({ timeout: 20_000 })
    await expect(page.locator('h1').innerText()).resolves.toContain('Draft before draft mode')
    const cookies = await context.cookies()
    expect(cookies.find((c) => c.name === 'preview-draft-mode')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'None' })
  })

  it('an edit of the draft in the API shows in the open page within 2 s, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { previewMark: number }).previewMark = 42))
    // The page's change stream is open: the server listens to Sanity for it.
    await expect.poll(() => api.listeners(), { timeout: 20_000 }).toBeGreaterThan(0)
    const timings: number[] = []
    for (const [i, name] of ['Edited once', 'Edited twice', 'Edited three times'].entries()) {
      const started = performance.now()
      await saveDraft(name)
      await page.waitForFunction((text) => document.querySelector('h1')?.textContent?.includes(text), name, { timeout: 5_000 })
      timings.push(Math.round(performance.now() - started))
      await expect(page.evaluate(() => document.documentElement.dataset.previewRefreshes)).resolves.toBe(String(i + 1))
    }
    console.log(`[preview] edit to page: ${timings.join(', ')} ms`)
    for (const ms of timings) expect(ms).toBeLessThan(2_000)
    // The same document: no reload happened.
    await expect(page.evaluate(() => (window as unknown as { previewMark?: number }).previewMark)).resolves.toBe(42)
    await page.screenshot({ path: join(resultsDir, 'preview-draft.png') })
  })

  it('the language switch keeps draft mode and the page', async () => {
    await page.locator('a[data-lang-switch=""]').first().click()
    await page.waitForURL(`**/zh-tw/industries/${slug}/`)
    await page.locator('[data-draft-mode]').waitFor({ timeout: 20_000 })
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hant-TW')
    // The English draft is shown; the Chinese name is unchanged.
    await expect(page.locator('h1').innerText()).resolves.toContain(names.zhTW)
  })

  it("runs the site's and visual editing's scripts under the server's script policy, and no other", async () => {
    // The root page's inline language redirect runs: its hash is in the policy.
    const root = await page.goto(`${server.url}/`)
    expect(root?.headers()['content-security-policy']).toMatch(/script-src 'self' [^;]*'sha256-/)
    await page.waitForURL(/\/(en|zh-tw)\/$/)
    // A script the policy does not name is refused.
    await page.goto(`${server.url}/en/industries/${slug}/`)
    await page.locator('[data-draft-mode]').waitFor({ timeout: 20_000 })
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'document.documentElement.dataset.injected = "ran"'
      document.head.append(script)
    })
    await expect(page.evaluate(() => document.documentElement.dataset.injected)).resolves.toBeUndefined()
    expect(
      violations.filter((v) => !v.includes('/en/industries/')),
      'only the injected script is refused',
    ).toEqual([])
    expect(violations.length).toBeGreaterThan(0)
  })
})
