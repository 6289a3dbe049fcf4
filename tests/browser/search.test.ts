/**
 * The search page in a real browser (Debian's Chromium via playwright-core): the built site
 * is served on 127.0.0.1 by a tiny static server; typing 離岸風電 on /zh-tw/search/ and
 * "offshore wind" on /en/search/ lists the green-energy industry page among the results,
 * and only pages of that language. Variant spellings find the same pages (台灣 and 臺灣), a
 * glossary term or industry in the other language finds the pages in the reader's, excerpts
 * are tidy, and the query lives in the address (reload, Back, the language switch).
 *
 * The site is SITE_DIST, else TEST_DIST_DIR, else ./dist (build first: `npm run build`, or `npx astro build`,
 * in which case the Pagefind index is made the way the build makes it): tests/support/browser-site.ts serves it.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSite, type BrowserSite } from '../support/browser-site'

const GREEN = 'green-and-renewable-energy'

let site: BrowserSite

beforeAll(async () => {
  site = await startSite({ required: ['zh-tw/search/index.html', 'en/search/index.html'], search: true })
})

afterAll(async () => {
  await site?.close()
})

async function searchFor(segment: string, query: string): Promise<{ links: string[]; errors: string[]; filterLabel: string | null }> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    const response = await page.goto(`${site.origin}/${segment}/search/`)
    expect(response?.status()).toBe(200)
    const input = page.locator('[data-search-input]')
    await input.waitFor({ timeout: 15_000 })
    await input.fill(query)
    await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
    const links = await page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    const filterLabel = await page
      .locator('[data-search-filter-name]')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => null)
    return { links, errors, filterLabel: filterLabel?.trim() ?? null }
  } finally {
    await context.close()
  }
}

describe('search page in Chromium', () => {
  it('離岸風電 on /zh-tw/search/ finds the green-energy industry page, Chinese pages only', async () => {
    const { links, errors, filterLabel } = await searchFor('zh-tw', '離岸風電')
    expect(errors).toEqual([])
    expect(links).toContain(`/zh-tw/industries/${GREEN}/`)
    expect(links.filter((l) => !l.startsWith('/zh-tw/'))).toEqual([])
    expect(filterLabel).toBe('產業')
  })

  it('"offshore wind" on /en/search/ finds the green-energy industry page, English pages only', async () => {
    const { links, errors, filterLabel } = await searchFor('en', 'offshore wind')
    expect(errors).toEqual([])
    expect(links).toContain(`/en/industries/${GREEN}/`)
    expect(links.filter((l) => !l.startsWith('/en/'))).toEqual([])
    expect(filterLabel).toBe('Industry')
  })

  it('/en/search/?q=… searches on load (links and bookmarks to results)', async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    try {
      await page.goto(`${site.origin}/en/search/?q=${encodeURIComponent('offshore wind')}`)
      await page.locator('[data-search-result-link]').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('[data-search-input]').inputValue()).toBe('offshore wind')
      const links = await page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
      expect(links).toContain(`/en/industries/${GREEN}/`)
    } finally {
      await context.close()
    }
  })
})

/** Waits until the search has answered: a count or "no results", not "searching", no page of results loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const labels = JSON.parse(document.querySelector<HTMLElement>('[data-search]')!.dataset.searchLabels!) as { loading: string }
      const status = document.querySelector('[data-search-status]')!.textContent ?? ''
      return status !== '' && status !== labels.loading && !document.querySelector('[data-search-results]')!.hasAttribute('aria-busy')
    },
    undefined,
    { timeout: 15_000 },
  )
}

/** Every result of a query typed on a fresh search page ("more" clicked until all show), with the excerpts shown. */
async function allResults(segment: string, query: string): Promise<{ links: string[]; excerpts: string[]; subExcerpts: string[] }> {
  const context = await site.browser.newContext()
  const page = await context.newPage()
  try {
    await page.goto(`${site.origin}/${segment}/search/`)
    await page.locator('[data-search-input]').fill(query)
    await settled(page)
    const more = page.locator('[data-search-more]')
    while (await more.isVisible()) {
      await more.click()
      await settled(page)
    }
    return await page.evaluate(() => ({
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-search-result-link]'), (a) => new URL(a.href).pathname),
      excerpts: Array.from(document.querySelectorAll('[data-search-result] > p'), (p) => p.textContent ?? ''),
      subExcerpts: Array.from(document.querySelectorAll('[data-search-result] li p'), (p) => p.textContent ?? ''),
    }))
  } finally {
    await context.close()
  }
}

/** Spellings of the same words, from OpenCC's Taiwan tables and the extra 台/臺 pair; the content has the second of each. */
const VARIANT_PAIRS = [
  ['台灣', '臺灣'],
  ['成爲', '成為'],
  ['民衆', '民眾'],
  ['哪裏', '哪裡'],
] as const

describe('variant spellings on /zh-tw/search/', () => {
  for (const [a, b] of VARIANT_PAIRS) {
    it(`${a} and ${b} find the same pages`, async () => {
      const [first, second] = await Promise.all([allResults('zh-tw', a), allResults('zh-tw', b)])
      expect(first.links.length).toBeGreaterThan(0)
      expect([...first.links].sort()).toEqual([...second.links].sort())
    })
  }

  it('台灣 finds far more than the one page that spells it 台灣', async () => {
    expect((await allResults('zh-tw', '台灣')).links.length).toBeGreaterThan(20)
  })
})

/** A glossary term or industry named in the other language, and a page of the reader's language it must find. */
const CROSS_LANGUAGE = [
  { segment: 'zh-tw', query: 'foundry', finds: '/zh-tw/metrics/foundry-market-share/' },
  { segment: 'zh-tw', query: 'Offshore wind', finds: `/zh-tw/industries/${GREEN}/` },
  { segment: 'zh-tw', query: 'cybersecurity', finds: '/zh-tw/industries/cybersecurity/' },
  { segment: 'zh-tw', query: 'semiconductor', finds: '/zh-tw/industries/information-and-digital/' },
  { segment: 'en', query: '半導體', finds: '/en/industries/information-and-digital/' },
  { segment: 'en', query: '資安', finds: '/en/industries/cybersecurity/' },
  { segment: 'en', query: '晶圓代工', finds: '/en/metrics/foundry-market-share/' },
  { segment: 'en', query: '封測', finds: '/en/metrics/ic-packaging-testing-market-share/' },
] as const

describe('cross-language search from the glossary and the industries', () => {
  for (const { segment, query, finds } of CROSS_LANGUAGE) {
    it(`${query} on /${segment}/search/ finds ${finds}, pages of that language only`, async () => {
      const { links } = await allResults(segment, query)
      expect(links).toContain(finds)
      expect(links.filter((l) => !l.startsWith(`/${segment}/`))).toEqual([])
    })
  }
})

/** What an excerpt must not start with: a closing bracket or quote, a pause or a stop. */
const BAD_START = /^[\s\p{Pe}\p{Pf}、。，．,.;:；：!?！？]/u
/** Pagefind's ASCII block joiner, except between Latin letters or digits ("U.S. Department"). */
const ASCII_JOINER = /(?<![A-Za-z0-9])\. |\. (?![A-Za-z0-9])|[^\p{ASCII}]\.$/u

describe('excerpts', () => {
  const queries = { 'zh-tw': ['臺灣', '離岸風電', '半導體', '資安', '精準健康'], en: ['Taiwan', 'offshore wind', 'semiconductor', 'cybersecurity', 'precision health'] }
  for (const [segment, words] of Object.entries(queries)) {
    it(`/${segment}/search/: long enough to judge a result, never starting with closing punctuation${segment === 'zh-tw' ? ', no ASCII ". " joiner' : ''}`, async () => {
      const found = await Promise.all(words.map((q) => allResults(segment, q)))
      const excerpts = found.flatMap((f) => f.excerpts)
      const all = [...excerpts, ...found.flatMap((f) => f.subExcerpts)]
      expect(excerpts.length).toBeGreaterThan(20)
      expect(all.filter((e) => BAD_START.test(e))).toEqual([])
      if (segment === 'zh-tw') expect(all.filter((e) => ASCII_JOINER.test(e))).toEqual([])
      // Characters: about 60–120 of Chinese, about 25 words (100–170 characters) of English.
      const [min, max] = segment === 'zh-tw' ? [60, 121] : [100, 171]
      const lengths = excerpts.map((e) => e.length).sort((a, b) => a - b)
      expect(lengths.at(-1)).toBeLessThanOrEqual(max)
      expect(lengths[Math.floor(lengths.length / 2)], `median of ${lengths.join(',')}`).toBeGreaterThanOrEqual(min)
      expect(lengths[0], 'the shortest').toBeGreaterThanOrEqual(min / 3)
    })
  }
})

describe('the query in the address', () => {
  it('typing puts ?q= in the address and the language switch; reload shows the same results; Back returns to them', async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    try {
      const served = await (await page.goto(`${site.origin}/zh-tw/search/`))!.text()
      // Without JavaScript the switch goes to the other search page.
      const servedSwitch = await page.evaluate(
        (html) => new DOMParser().parseFromString(html, 'text/html').querySelector('a[data-lang-switch=""][hreflang]')?.getAttribute('href'),
        served,
      )
      expect(servedSwitch).toBe('/en/search/')
      await page.locator('[data-search-input]').fill('台灣')
      await settled(page)
      expect(new URL(page.url()).searchParams.get('q')).toBe('台灣')
      const switchLink = page.locator('a[data-lang-switch=""][hreflang]')
      expect(await switchLink.getAttribute('href')).toBe(`/en/search/?q=${encodeURIComponent('台灣')}`)
      const links = () => page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
      const typed = await links()
      expect(typed.length).toBeGreaterThan(0)

      await page.reload()
      await settled(page)
      expect(await page.locator('[data-search-input]').inputValue()).toBe('台灣')
      expect(await links()).toEqual(typed)

      await page.locator('[data-search-result-link]').first().click()
      await page.waitForURL((url) => url.pathname === typed[0])
      await page.goBack()
      await page.waitForURL((url) => url.pathname === '/zh-tw/search/' && url.searchParams.get('q') === '台灣')
      await settled(page)
      expect(await page.locator('[data-search-input]').inputValue()).toBe('台灣')
      expect(await links()).toEqual(typed)

      // Clearing the box clears the address and the switch.
      await page.locator('[data-search-input]').fill('')
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'))
      expect(await switchLink.getAttribute('href')).toBe('/en/search/')
    } finally {
      await context.close()
    }
  })

  it('the language switch carries the query to the other search, which runs it', async () => {
    const context = await site.browser.newContext()
    const page = await context.newPage()
    try {
      await page.goto(`${site.origin}/en/search/?q=${encodeURIComponent('資安')}`)
      await settled(page)
      await page.locator('a[data-lang-switch=""][hreflang]').click()
      await page.waitForURL((url) => url.pathname === '/zh-tw/search/' && url.searchParams.get('q') === '資安')
      await settled(page)
      expect(await page.locator('[data-search-input]').inputValue()).toBe('資安')
      const links = await page.locator('[data-search-result-link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
      expect(links).toContain('/zh-tw/industries/cybersecurity/')
    } finally {
      await context.close()
    }
  })
})
