/**
 * The editors' Studio in a real browser: the production build (offline, placeholder project)
 * served on 127.0.0.1, opened in Debian's Chromium, with every Sanity API call answered by a
 * test double over content/dataset.ndjson. Checks what an editor sees first: the structure,
 * the six industries in editorial order, and an industry with both languages side by side.
 * Screenshots go to test-results/studio-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { installFakeSanityApi, readNdjson, serveStatic, type RecordedCall, type StudioDocument } from '../support/studio-fake-api'
import { PLACEHOLDER_PROJECT_ID, DEFAULT_DATASET } from '../../studio/env'
import { locales } from '../../schemas/locales'
import { label } from '../../schemas/lib/label'
import { provenanceRecord, sourceHashOf } from '../../schemas/lib/provenance'
import { buildStudio } from '../support/studio-build'

const root = resolve(import.meta.dirname, '../..')
/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check that a missing browser fails the run). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const datasetFile = join(root, 'content/dataset.ndjson')
const outDir = join(root, '.tmp/studio-e2e-dist')
const results = join(root, 'test-results')

/** The content: the project's dataset, or a small fixture while it does not exist. */
function loadDocuments(): { documents: StudioDocument[]; fromDataset: boolean } {
  if (existsSync(datasetFile)) return { documents: readNdjson(datasetFile), fromDataset: true }
  const name = (zhTW: string, en: string) => ({ _type: 'localeString', zhTW, en })
  return {
    fromDataset: false,
    documents: [
      { _id: 'siteSettings', _type: 'siteSettings', title: name('六大核心戰略產業', 'Six Core Strategic Industries'), siteUrl: 'https://six-core-industries.example.org' },
      { _id: 'policy', _type: 'policy', title: name('六大核心戰略產業推動方案', 'Six Core Strategic Industries') },
      {
        _id: 'industry-a',
        _type: 'industry',
        orderRank: '0|100000:',
        name: name('資訊及數位相關產業', 'Information and Digital Industries'),
        slug: { current: 'information-and-digital' },
      },
      { _id: 'industry-b', _type: 'industry', orderRank: '0|200000:', name: name('資安卓越產業', 'Cybersecurity Excellence Industry'), slug: { current: 'cybersecurity' } },
    ],
  }
}

const loaded = loadDocuments()
const { fromDataset } = loaded
/** One glossary term loses its English term, to see the preview flag a missing translation. */
const untranslated: StudioDocument = {
  _id: 'glossary-untranslated-test',
  _type: 'glossaryTerm',
  term: { _type: 'localeString', zhTW: '測試用詞', en: '' },
  slug: { _type: 'slug', current: 'untranslated-test' },
  definition: { _type: 'localeText', zhTW: '只有中文的定義。', en: '' },
}
/** A glossary term with an unpublished change, for "Publish with change note". */
const published5g = loaded.documents.find((d) => d._id === 'glossaryTerm-5g')
const changed5g: StudioDocument[] = published5g
  ? [{ ...published5g, _id: 'drafts.glossaryTerm-5g', definition: { ...(published5g.definition as object), en: 'Changed in a draft.' } }]
  : []
/**
 * A glossary term whose Chinese definition changed after the English was confirmed (its
 * term is current), to see the stale translation in the list, the form and the tool.
 */
const STALE_SOURCE = '新版的中文定義，多了一句話。'
const staleTerm: StudioDocument = {
  _id: 'glossary-stale-test',
  _type: 'glossaryTerm',
  term: {
    _type: 'localeString',
    zhTW: '測試過時譯文',
    en: 'A stale translation test',
    provenance: { _type: 'translationProvenance', en: provenanceRecord('測試過時譯文', '2026-01-15T02:00:00.000Z') },
  },
  slug: { _type: 'slug', current: 'stale-translation-test' },
  definition: {
    _type: 'localeText',
    zhTW: STALE_SOURCE,
    en: 'The English definition.',
    provenance: { _type: 'translationProvenance', en: provenanceRecord('舊版的中文定義。', '2026-01-15T02:00:00.000Z') },
  },
}
/** A figure in full units, to see the Studio write it out as the site does. */
const moneyMetric: StudioDocument = {
  _id: 'metric-echo-test',
  _type: 'metric',
  label: {
    _type: 'localeString',
    zhTW: '測試金額',
    en: 'A test amount',
    provenance: { _type: 'translationProvenance', en: provenanceRecord('測試金額', '2026-01-15T02:00:00.000Z') },
  },
  slug: { _type: 'slug', current: 'echo-test' },
  value: 1_700_000_000_000,
  comparator: 'exact',
  unit: 'currency',
  currency: 'TWD',
  asOf: '2021',
}
const documents = [...loaded.documents, untranslated, staleTerm, moneyMetric, ...changed5g]
const industries = documents.filter((d) => d._type === 'industry' && !d._id.startsWith('drafts.')).sort((a, b) => String(a.orderRank).localeCompare(String(b.orderRank)))
const nameOf = (d: StudioDocument) => d.name as Record<string, string>
const siteUrl = String(documents.find((d) => d._id === 'siteSettings')?.siteUrl ?? '').replace(/\/+$/, '')

/**
 * A click that survives a busy machine: Playwright's real click, and if the input pipeline
 * stalls, the DOM click event (what React listens to).
 */
async function press(locator: import('playwright-core').Locator) {
  try {
    await locator.click({ timeout: 20_000 })
  } catch {
    await locator.dispatchEvent('click')
  }
}

let browser: Browser
let context: BrowserContext
let page: Page
let server: Awaited<ReturnType<typeof serveStatic>>
let calls: RecordedCall[] = []
const consoleErrors: string[] = []

/** What the double saw, for failure messages. */
const callLog = () =>
  calls
    .filter((c) => c.kind !== 'telemetry')
    .map((c) => `${c.status} ${c.kind} ${c.method} ${c.url.slice(0, 160)}${c.note ? ` (${c.note})` : ''}`)
    .join('\n')

// A test of its own, so a missing browser shows as a failed test, not only as skipped ones.
it(`finds Chromium at ${CHROMIUM}`, () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`).toBe(true)
})

describe('Studio in Chromium', () => {
  beforeAll(async () => {
    // Fail, never skip, when the browser is missing: the test is the only check that the Studio renders.
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found. Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
    }
    // A fresh production build of the Studio (offline: no project id in the environment).
    const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1' }
    for (const key of ['SANITY_STUDIO_PROJECT_ID', 'SANITY_STUDIO_DATASET', 'SANITY_STUDIO_SITE_URL']) delete env[key]
    buildStudio(outDir, env)

    server = await serveStatic(outDir)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    })
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' })
    ;({ calls } = await installFakeSanityApi(context, { documents, projectId: PLACEHOLDER_PROJECT_ID, dataset: DEFAULT_DATASET, allowOrigin: server.url }))
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`))
    mkdirSync(results, { recursive: true })
  }, 300_000)

  afterAll(async () => {
    if (process.env.STUDIO_E2E_DEBUG) console.log(`Calls:\n${callLog()}\nConsole errors:\n${consoleErrors.join('\n')}`)
    await browser?.close()
    await server?.close()
    rmSync(outDir, { recursive: true, force: true })
  })

  it('shows the structure: Site settings, Policy and the content lists', async () => {
    await page.goto(`${server.url}/structure`)
    const pane = page.locator('[data-testid="structure-tool-list-pane"]').first()
    try {
      await pane.getByText(label('網站設定', 'Site settings'), { exact: true }).waitFor({ timeout: 90_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png'), fullPage: true })
      throw new Error(`The Structure tool did not render.\nCalls:\n${callLog()}\nConsole:\n${consoleErrors.join('\n')}\n${(error as Error).message}`)
    }
    const titles = [label('網站設定', 'Site settings'), label('政策', 'Policy'), label('章節', 'Sections'), label('產業', 'Industries')]
    titles.push(label('數據組', 'Figure groups'), label('數據', 'Metrics'), label('出處', 'Sources'), label('名詞解釋', 'Glossary'), label('大事記', 'Timeline'))
    for (const title of titles) {
      await expect(pane.getByText(title, { exact: true }).count(), `"${title}" in the structure`).resolves.toBeGreaterThan(0)
    }
    // The placeholder project is announced, not hidden.
    await expect(page.getByTestId('studio-env-warning').textContent()).resolves.toMatch(/SANITY_STUDIO_PROJECT_ID/)
  })

  it(`lists the ${fromDataset ? 'six ' : ''}industries in editorial order`, async () => {
    if (fromDataset) expect(industries).toHaveLength(6)
    await press(page.locator('[data-testid="structure-tool-list-pane"]').first().getByText(label('產業', 'Industries'), { exact: true }))
    const first = nameOf(industries[0]!)
    await page.getByText(first.en!, { exact: false }).first().waitFor({ timeout: 60_000 })
    // Each row's preview shows both names ("資安卓越產業 · Cybersecurity Excellence Industry").
    const rows = page.locator('[data-rfd-draggable-id]')
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(industries.length)
    const texts = await rows.allInnerTexts()
    expect(texts.map((t) => industries.findIndex((d) => t.includes(nameOf(d).en!)))).toEqual(industries.map((_, i) => i))
    for (const [i, d] of industries.entries()) expect(texts[i]).toContain(nameOf(d).zhTW)
    await page.screenshot({ path: join(results, 'studio-structure.png') })
  })

  it('opens an industry with both languages of every localized field visible', async () => {
    const industry = industries[0]!
    await press(page.locator('[data-rfd-draggable-id]').first())
    const form = page.locator('[data-testid="document-panel-scroller"]').first()
    try {
      await form.waitFor({ timeout: 60_000 })
      await form.locator('input').first().waitFor({ timeout: 60_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png'), fullPage: true })
      throw new Error(`The industry did not open.\nCalls:\n${callLog()}\nConsole:\n${consoleErrors.join('\n')}\n${(error as Error).message}`)
    }
    // Both names are in inputs, side by side under their language labels.
    const values = await form.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(values).toContain(nameOf(industry).zhTW)
    expect(values).toContain(nameOf(industry).en)
    for (const locale of locales) await expect(form.getByText(label(locale.zhTitle, locale.title), { exact: true }).count()).resolves.toBeGreaterThan(3)
    const zh = form.locator('input').nth(values.indexOf(nameOf(industry).zhTW!))
    const en = form.locator('input').nth(values.indexOf(nameOf(industry).en!))
    const [zhBox, enBox] = [await zh.boundingBox(), await en.boundingBox()]
    expect(zhBox && enBox && Math.abs(zhBox.y - enBox.y) < 4 && zhBox.x < enBox.x, 'zh-TW and en inputs on one row, zh-TW first').toBe(true)
    await page.screenshot({ path: join(results, 'studio-industry.png') })
  })
  it('the language filter hides a language and brings it back', async () => {
    const industry = industries[0]!
    const form = page.locator('[data-testid="document-panel-scroller"]').first()
    const inputValues = () => form.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    const filterButton = page.getByRole('button', { name: /Showing/ }).first()
    await press(filterButton)
    const english = page.getByRole('button', { name: /English \(en\)/ })
    await english.waitFor({ timeout: 20_000 })
    await expect(page.getByRole('button', { name: /繁體中文 \(zh-TW\)/ }).count()).resolves.toBe(1)
    await press(english)
    await expect.poll(inputValues, { timeout: 20_000 }).not.toContain(nameOf(industry).en)
    expect(await inputValues()).toContain(nameOf(industry).zhTW)
    await page.screenshot({ path: join(results, 'studio-language-filter.png') })
    await press(english)
    await expect.poll(inputValues, { timeout: 20_000 }).toContain(nameOf(industry).en)
    await page.keyboard.press('Escape')
  })

  it('"Open on the site" offers the page in each language', async () => {
    const industry = industries[0]!
    const slug = (industry.slug as { current: string }).current
    await press(page.getByTestId('action-menu-button'))
    const item = page.getByRole('menuitem', { name: 'Open on the site' })
    await item.waitFor({ timeout: 20_000 })
    await press(item)
    const dialog = page.getByTestId('open-on-site')
    await dialog.waitFor({ timeout: 20_000 })
    const links = await dialog
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), lang: a.getAttribute('hreflang'), target: a.getAttribute('target') })))
    expect(links).toEqual(locales.map((locale) => ({ href: `${siteUrl}/${locale.segment}/industries/${slug}/`, lang: locale.tag, target: '_blank' })))
    await page.screenshot({ path: join(results, 'studio-open-on-site.png') })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached', timeout: 20_000 })
  })

  it('an industry can be duplicated and deleted; the "Create" menu offers no singleton', async () => {
    await press(page.getByTestId('action-menu-button'))
    await page.getByRole('menuitem', { name: 'Open on the site' }).waitFor({ timeout: 20_000 })
    const actions = await page.getByRole('menuitem').allInnerTexts()
    expect(actions.join(' | ')).toMatch(/Duplicate/)
    expect(actions.join(' | ')).toMatch(/Delete/)
    await page.keyboard.press('Escape')

    await press(page.getByTestId('new-document-button'))
    await page.getByTestId('create-new-industry').waitFor({ timeout: 20_000 })
    const offered = await page.locator('[data-testid^="create-new-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('create-new-'.length)))
    expect(offered).toContain('industry')
    expect(offered).toContain('metric')
    for (const hidden of ['siteSettings', 'policy', 'metric-with-source']) expect(offered).not.toContain(hidden)
    await page.keyboard.press('Escape')
  })

  it('Site settings opens on its fixed id and cannot be duplicated, deleted or unpublished', async () => {
    await press(page.locator('[data-testid="structure-tool-list-pane"]').first().getByText(label('網站設定', 'Site settings'), { exact: true }))
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/structure\/siteSettings(?:$|[;?/])/)
    const form = page.locator('[data-testid="document-panel-scroller"]').first()
    await form.waitFor({ timeout: 60_000 })
    await press(page.getByTestId('action-menu-button'))
    await page.getByRole('menuitem', { name: 'Open on the site' }).waitFor({ timeout: 20_000 })
    const actions = (await page.getByRole('menuitem').allInnerTexts()).join(' | ')
    for (const forbidden of ['Duplicate', 'Delete', 'Unpublish']) expect(actions).not.toMatch(new RegExp(forbidden))
    await page.screenshot({ path: join(results, 'studio-singleton.png') })
    await page.keyboard.press('Escape')
  })
  it('previews flag a missing translation', async () => {
    await page.goto(`${server.url}/structure/glossary`)
    const row = page.getByText('測試用詞 · ⚠ 未填 en', { exact: true })
    try {
      await row.waitFor({ timeout: 60_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png') })
      throw new Error(`No flagged preview in the glossary.\nCalls:\n${callLog().split('\n').slice(-15).join('\n')}\n${(error as Error).message}`)
    }
    await expect(page.getByText('⚠ 缺少 en · missing en', { exact: true }).count()).resolves.toBeGreaterThan(0)
    await page.screenshot({ path: join(results, 'studio-glossary.png') })
  })

  it('"Publish with change note" creates the update and publishes the change', async () => {
    expect(changed5g, 'the dataset has glossaryTerm-5g').toHaveLength(1)
    await page.goto(`${server.url}/intent/edit/id=glossaryTerm-5g;type=glossaryTerm/`)
    const form = page.locator('[data-testid="document-panel-scroller"]').first()
    await form.waitFor({ timeout: 60_000 })
    // The actions settle once the draft and the published version are loaded (Publish enabled):
    // before that the menu's list can still change under the pointer.
    await expect
      .poll(
        () =>
          page
            .getByRole('button', { name: 'Publish', exact: true })
            .first()
            .isEnabled({ timeout: 5_000 })
            .catch(() => false),
        { timeout: 60_000 },
      )
      .toBe(true)
    await page.waitForTimeout(1_000)
    await press(page.getByTestId('action-menu-button'))
    const item = page.getByRole('menuitem', { name: 'Publish with change note' })
    try {
      await item.waitFor({ timeout: 30_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png') })
      throw new Error(`No "Publish with change note" in the menu.\nCalls:\n${callLog().split('\n').slice(-15).join('\n')}\n${(error as Error).message}`)
    }
    await item.click({ timeout: 20_000 })
    const dialog = page.getByTestId('change-note-form')
    try {
      await dialog.waitFor({ timeout: 20_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png') })
      const state = await item.getAttribute('data-disabled').catch(() => 'gone')
      const dialogs = await page.locator('[role="dialog"]').allInnerTexts()
      throw new Error(
        `The change note dialog did not open (menu item disabled: ${state}; dialogs: ${JSON.stringify(dialogs).slice(0, 500)}).\nConsole:\n${consoleErrors
          .filter((e) => !/Failed to (fetch|load resource)/.test(e))
          .slice(-10)
          .join('\n')
          .slice(0, 3000)}\n${(error as Error).message}`,
      )
    }
    await dialog.locator('#change-title-zhTW').fill('5G 定義修訂')
    await dialog.locator('#change-title-en').fill('5G definition revised')
    await dialog.locator('#change-note-zhTW').fill('定義改寫得更清楚。')
    await dialog.locator('#change-note-en').fill('The definition now reads more plainly.')
    // The dialog is rendered from the action's description, which the Studio refreshes a moment
    // after the state changes: the box shows its new state then, not within the click.
    const major = dialog.getByRole('checkbox')
    await major.click()
    await expect.poll(() => major.isChecked(), { timeout: 10_000 }).toBe(true)
    // Every field keeps what was typed, however quickly (no field overwrites another's state).
    const typed = {
      '#change-title-zhTW': '5G 定義修訂',
      '#change-title-en': '5G definition revised',
      '#change-note-zhTW': '定義改寫得更清楚。',
      '#change-note-en': 'The definition now reads more plainly.',
    }
    await expect.poll(() => Promise.all(Object.keys(typed).map((id) => dialog.locator(id).inputValue())), { timeout: 10_000 }).toEqual(Object.values(typed))
    const submit = dialog.getByRole('button', { name: 'Create the note and publish' })
    await expect.poll(() => submit.isEnabled(), { timeout: 10_000 }).toBe(true)
    await page.screenshot({ path: join(results, 'studio-change-note.png') })
    await press(submit)
    const writes = () => calls.filter((c) => c.kind === 'write').map((c) => JSON.stringify(c.body))
    await expect.poll(() => writes().some((b) => b.includes('"_type":"update"')), { timeout: 30_000 }).toBe(true)
    const created = JSON.parse(writes().find((b) => b.includes('"_type":"update"'))!) as { mutations: { create: Record<string, unknown> }[] }
    expect(created.mutations[0]!.create).toMatchObject({
      _type: 'update',
      significance: 'major',
      title: { zhTW: '5G 定義修訂', en: '5G definition revised' },
      note: { zhTW: '定義改寫得更清楚。', en: 'The definition now reads more plainly.' },
      documents: [{ _type: 'reference', _ref: 'glossaryTerm-5g' }],
    })
    expect(Date.parse(String(created.mutations[0]!.create.date))).toBeGreaterThan(Date.now() - 5 * 60_000)
    // Then the change itself is published (Sanity's publish action on the draft).
    await expect.poll(() => writes().some((b) => b.includes('sanity.action.document.publish') && b.includes('glossaryTerm-5g')), { timeout: 30_000 }).toBe(true)
    await dialog.waitFor({ state: 'detached', timeout: 20_000 })
  })

  it('previews flag a stale translation: "英文待更新 · EN outdated"', async () => {
    await page.goto(`${server.url}/structure/glossary`)
    const title = page.getByText('測試過時譯文 · A stale translation test', { exact: true })
    await title.waitFor({ timeout: 60_000 })
    const item = page.locator('a').filter({ has: title }).first()
    await expect(item.innerText()).resolves.toContain('英文待更新 · EN outdated')
    // A term whose translations are all current is not flagged.
    const current = page
      .locator('a')
      .filter({ has: page.getByText('AIoT（人工智慧物聯網） · AIoT (Artificial Intelligence of Things)', { exact: true }) })
      .first()
    await expect(current.innerText()).resolves.toContain('Glossary')
    await expect(current.innerText()).resolves.not.toContain('outdated')
    await page.screenshot({ path: join(results, 'studio-stale-preview.png') })
  })

  it('a stale field shows its badge and what changed in the Chinese; "Mark as up to date" sends fresh provenance', async () => {
    await press(
      page
        .locator('a')
        .filter({ has: page.getByText('測試過時譯文 · A stale translation test', { exact: true }) })
        .first(),
    )
    const panel = page.getByTestId('translation-stale-en')
    try {
      await panel.waitFor({ timeout: 60_000 })
    } catch (error) {
      await page.screenshot({ path: join(results, 'studio-failure.png'), fullPage: true })
      throw new Error(`No stale panel.\nConsole:\n${consoleErrors.join('\n')}\n${(error as Error).message}`)
    }
    // The definition's English is outdated; the term's English is up to date; the Chinese is the original.
    const statuses = await page
      .locator('[data-testid^="translation-status-"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-status')}`))
    expect(statuses).toEqual(['translation-status-zhTW=source', 'translation-status-en=current', 'translation-status-zhTW=source', 'translation-status-en=stale'])
    await expect(panel.innerText()).resolves.toMatch(/Outdated|changed after this English was confirmed on 2026-01-15/)
    // Character by character, in Chinese: 舊 became 新, and a clause was added before the full stop.
    const diff = panel.getByTestId('translation-diff')
    await expect(diff.getAttribute('lang')).resolves.toBe('zh-Hant-TW')
    await expect(diff.locator('del').allInnerTexts()).resolves.toEqual(['舊'])
    await expect(diff.locator('ins').allInnerTexts()).resolves.toEqual(['新', '，多了一句話'])
    await expect(diff.innerText()).resolves.toBe('舊新版的中文定義，多了一句話。')
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(results, 'studio-stale-field.png') })

    const writesBefore = calls.filter((c) => c.kind === 'write').length
    await press(panel.getByTestId('mark-up-to-date-en'))
    // The form shows it at once; the Studio sends the patch to the Content Lake.
    await page.locator('[data-testid="translation-status-en"][data-status="current"]').nth(1).waitFor({ timeout: 20_000 })
    await expect(page.getByTestId('translation-stale-en').count()).resolves.toBe(0)
    const hash = sourceHashOf(STALE_SOURCE)
    await expect
      .poll(
        () =>
          calls
            .filter((c) => c.kind === 'write')
            .slice(writesBefore)
            .map((c) => JSON.stringify(c.body))
            .join('\n'),
        { timeout: 30_000 },
      )
      .toContain(hash)
    const sent = calls
      .filter((c) => c.kind === 'write')
      .slice(writesBefore)
      .map((c) => JSON.stringify(c.body))
      .find((b) => b.includes(hash))!
    expect(sent).toContain('definition.provenance.en')
    expect(sent).toContain(JSON.stringify(STALE_SOURCE))
    expect(sent).toMatch(/"confirmedAt":"\d{4}-\d\d-\d\dT/)
    expect(sent).toContain('glossary-stale-test')
  })

  it('the Translations tool lists the stale field and the missing ones, with counts per language and links that open the field', async () => {
    await page.goto(`${server.url}/translations`)
    const tool = page.getByTestId('translations-tool')
    await tool.locator('[data-testid="translations-document"]').first().waitFor({ timeout: 60_000 })
    // Polled: the Studio may mount the tool again (and load again) just as the list is read.
    const rows = () =>
      tool
        .locator('[data-testid="translations-row"]')
        .evaluateAll((els) => els.map((e) => `${e.closest('[data-document]')?.getAttribute('data-document')} ${e.getAttribute('data-path')} ${e.getAttribute('data-status')}`))
    // The test double does not apply writes, so the stale definition is still stale here.
    await expect
      .poll(rows, { timeout: 30_000 })
      .toEqual(['glossary-stale-test definition.en stale', 'glossary-untranslated-test term.en missing', 'glossary-untranslated-test definition.en missing'])
    const english = tool.locator('[data-testid="translations-counts"] [data-locale="en"]')
    await expect(english.getAttribute('data-stale')).resolves.toBe('1')
    await expect(english.getAttribute('data-missing')).resolves.toBe('2')
    await page.screenshot({ path: join(results, 'studio-translations-tool.png') })

    const link = tool.locator('[data-document="glossary-stale-test"] a').first()
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(/\/intent\/edit\//)
    expect(decodeURIComponent(href)).toMatch(/id=glossary-stale-test/)
    expect(decodeURIComponent(href)).toMatch(/path=definition\.en/)
    await press(link)
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/glossary-stale-test/)
    await page.getByTestId('translation-stale-en').waitFor({ timeout: 60_000 })
  })

  it('writes a metric out as the site does: in the list and under the value, following each edit', async () => {
    await page.goto(`${server.url}/structure/metrics;metrics-all`)
    const title = page.getByText('測試金額 · A test amount', { exact: true }).first()
    await title.waitFor({ timeout: 60_000 })
    const row = page.locator('a').filter({ has: title }).first()
    await expect(row.innerText()).resolves.toContain('新臺幣 1.7 兆元 · NT$1.7 trillion · 2021')

    await page.goto(`${server.url}/intent/edit/id=${moneyMetric._id};type=metric/`)
    const echo = page.getByTestId('metric-value-echo')
    await echo.waitFor({ timeout: 60_000 })
    await expect(echo.innerText()).resolves.toBe('新臺幣 1.7 兆元 · NT$1.7 trillion')
    const value = echo.locator('xpath=preceding::input[1]')
    await expect(value.inputValue()).resolves.toBe('1700000000000')
    await value.fill('17000000000000')
    await page.getByText('新臺幣 17 兆元 · NT$17 trillion', { exact: true }).waitFor({ timeout: 20_000 })
    await page.screenshot({ path: join(results, 'studio-metric-echo.png') })
  })
})
