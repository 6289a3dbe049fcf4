/**
 * Missing and stale translations on the pages, from one site built from a copy of the
 * dataset with some fields removed in one language and some sources changed after their
 * translations were confirmed (tests/support/stale-translations.ts):
 * - a missing translation shows the other language's text with its own `lang`, a visible
 *   notice in the reader's language, and `data-pagefind-ignore`;
 * - a stale one is marked `data-translation-status="stale"`, stays in the search index, and
 *   a block says so in the reader's language with a link to the same place in the other;
 * - the side-by-side view of the policy and of each industry: both languages by `_key`, each
 *   with its own `lang`, a block missing on one side said so, stale rows marked, canonical
 *   to the page, out of the search index and the sitemap, no JavaScript.
 * Built once into a temporary folder from a snapshot of the project (other builds and edits
 * in the shared checkout cannot interfere).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FALLBACK_SITE_URL } from '../../schemas/site-paths'
import { parseNdjson } from '../../src/content/ndjson'
import { buildSite, snapshotProject } from '../support/live-build'
import { projectFile } from '../support/project'
import { makeStale } from '../support/stale-translations'
import { allPages, distDir, page } from './site-lib'

const work = mkdtempSync(join(tmpdir(), 'site-translations-'))
const out = join(work, 'dist')
let report: { counts: Record<string, number>; translations: { missing: Record<string, unknown>[]; stale: Record<string, unknown>[] } }
const EN_NOTICE = 'Not yet translated; shown in Traditional Chinese'
const ZH_NOTICE = '此段尚無中文版本，以下為英文原文'

type Doc = Record<string, any>

beforeAll(async () => {
  const docs = parseNdjson(readFileSync(projectFile('content/dataset.ndjson'), 'utf8')) as Doc[]
  const byId = new Map(docs.map((d) => [d._id as string, d]))
  const need = (id: string) => {
    const d = byId.get(id)
    if (!d) throw new Error(`content/dataset.ndjson has no "${id}"; the translation tests need it.`)
    return d
  }
  delete need('industry-cybersecurity').summary.en // plain text → <Text> block fallback
  delete need('industry-precision-health').body.en // Portable Text → <RichText> fallback
  delete need('policy').vision.zhTW // the other direction: English shown on the Chinese page
  makeStale(need)
  const file = join(work, 'dataset.ndjson')
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
  const project = snapshotProject(join(work, 'project'))
  const result = await buildSite(out, { CONTENT_FILE: file }, project)
  if (result.code !== 0) throw new Error(`Build failed (${result.command}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`)
  report = JSON.parse(readFileSync(join(project, 'build-report.json'), 'utf8'))
}, 600_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a page with a missing translation', () => {
  it('shows the Chinese summary on the English industry page, marked zh, ignored by search, with the English notice', () => {
    const p = page(out, '/en/industries/cybersecurity/')
    const fallbacks = p.root.querySelectorAll('main [data-fallback]')
    expect(fallbacks.length).toBeGreaterThan(0)
    const summary = fallbacks[0]!
    expect(summary.hasAttribute('data-pagefind-ignore')).toBe(true)
    const notice = summary.querySelector('.fallback-note')!
    expect(notice.text.trim()).toBe(EN_NOTICE)
    expect(notice.getAttribute('lang')).toBe('en')
    const text = summary.querySelector('[lang="zh-Hant-TW"]')!
    expect(text.text).toMatch(/[\u4e00-\u9fff]/)
    // The rest of the page is still English.
    expect(p.root.querySelector('html')!.getAttribute('lang')).toBe('en')
    expect(p.root.querySelector('h1')!.getAttribute('lang')).toBeUndefined()
  })

  it('marks the same summary on the English home and industries pages (cards)', () => {
    for (const path of ['/en/', '/en/industries/']) {
      const cards = page(out, path).root.querySelectorAll('main [data-fallback][data-pagefind-ignore]')
      expect(cards.length, path).toBeGreaterThan(0)
      expect(cards[0]!.querySelector('[lang="zh-Hant-TW"]'), path).toBeTruthy()
    }
  })

  it('shows a Portable Text body in the other language with its own lang and the notice', () => {
    const p = page(out, '/en/industries/precision-health/')
    const body = p.root.querySelector('main [data-fallback][data-pagefind-ignore] .prose[lang="zh-Hant-TW"]')
    expect(body).toBeTruthy()
    expect(body!.querySelector('p')!.text).toMatch(/[\u4e00-\u9fff]/)
    // Internal links inside the fallback body still go to English pages.
    for (const a of body!.querySelectorAll('a[href^="/"]')) expect(a.getAttribute('href')).toMatch(/^\/en\//)
    expect(p.html).toContain(EN_NOTICE)
  })

  it('shows English on the Chinese policy page with lang="en" and the Chinese notice', () => {
    const p = page(out, '/zh-tw/policy/')
    const fallback = p.root.querySelector('main [data-fallback][data-pagefind-ignore]')!
    expect(fallback).toBeTruthy()
    expect(fallback.querySelector('.fallback-note')!.text.trim()).toBe(ZH_NOTICE)
    expect(fallback.querySelector('.fallback-note')!.getAttribute('lang')).toBe('zh-Hant-TW')
    expect(fallback.querySelector('[lang="en"]')!.text).toMatch(/[A-Za-z]{4,}/)
  })

  it('leaves complete pages alone: no notice on the Chinese industry pages', () => {
    expect(page(out, '/zh-tw/industries/cybersecurity/').root.querySelectorAll('[data-fallback]')).toHaveLength(0)
    expect(page(out, '/zh-tw/industries/precision-health/').root.querySelectorAll('[data-fallback]')).toHaveLength(0)
  })
})

const STALE = '[data-translation-status="stale"]'
const EN_STALE =
  /^↻?This English text was translated from an earlier version of the Chinese original, which has changed since [A-Z][a-z]+ \d{1,2}, \d{4}\. Read the current Chinese$/

describe('a page with a stale translation', () => {
  it('the build report lists every stale translation, and the summary counts them', () => {
    expect(report.counts).toMatchObject({ errors: 0, missingTranslations: 3, staleTranslations: 6 })
    expect(report.translations.stale.map((s) => `${s.documentId} · ${s.path} · ${s.locale}`)).toEqual([
      'industry-green-and-renewable-energy · body · en',
      'industry-information-and-digital · body · en',
      'industry-information-and-digital · directions[1] · en',
      'industry-information-and-digital · summary · en',
      'section-supply-chain-trends · points[0].title · en',
      'section-taiwan-advantages · title · zh-TW',
    ])
    expect(report.translations.stale[3]).toMatchObject({ sourceLocale: 'zh-TW', confirmedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
  })

  it('marks a stale English summary, in the search index, with the English notice linking to the same place in Chinese', () => {
    const p = page(out, '/en/industries/information-and-digital/')
    const stale = p.root.querySelectorAll(`main ${STALE}`)
    expect(stale.length).toBe(3) // summary, explanation, one direction
    const summary = stale[0]!
    expect(summary.hasAttribute('data-pagefind-ignore')).toBe(false)
    expect(summary.closest('[data-pagefind-ignore]')).toBeNull()
    expect(summary.querySelector('p.measure')!.text).toMatch(/^Builds on Taiwan's lead/)
    const notice = summary.querySelector('.stale-note')!
    expect(notice.getAttribute('lang')).toBe('en')
    expect(notice.hasAttribute('data-pagefind-ignore')).toBe(true)
    expect(notice.text.trim()).toMatch(EN_STALE)
    const link = notice.querySelector('a')!
    const [path, anchor] = link.getAttribute('href')!.split('#')
    expect(path).toBe('/zh-tw/industries/information-and-digital/')
    expect(link.getAttribute('hreflang')).toBe('zh-TW')
    // The same place exists on the Chinese page: the current Chinese summary, unmarked.
    const target = page(out, path!).root.querySelector(`#${anchor}`)!
    expect(target.tagName).toBe('P')
    expect(target.text).toMatch(/（內容已更新）$/)
    expect(target.closest(STALE)).toBeNull()
  })

  it('marks a stale rich-text body as a whole and a list item with a short mark, no link inside the list', () => {
    const p = page(out, '/en/industries/information-and-digital/')
    const body = p.root.querySelectorAll(`main ${STALE}`)[1]!
    expect(body.querySelector('.prose p')).toBeTruthy()
    expect(body.querySelector('.stale-note a')!.getAttribute('href')).toBe(`/zh-tw/industries/information-and-digital/#${body.getAttribute('id')}`)
    expect(page(out, '/zh-tw/industries/information-and-digital/').ids.has(body.getAttribute('id')!)).toBe(true)
    const direction = p.root.querySelector(`#directions ${STALE}`)!
    expect(direction.tagName).toBe('SPAN')
    expect(direction.querySelector('.stale-note')!.text).toBe('(older translation)')
    expect(direction.querySelector('a')).toBeNull()
  })

  it('on the Chinese page, a Chinese title translated from English carries the Chinese notice, linking to the English', () => {
    const p = page(out, '/zh-tw/policy/')
    const heading = p.root.querySelector('#taiwan-advantages-h')!
    const stale = heading.closest(STALE)!
    expect(stale).toBeTruthy()
    const notice = stale.querySelector('.stale-note')!
    expect(notice.getAttribute('lang')).toBe('zh-Hant-TW')
    // The dataset's Site settings leave the calendar empty (both): the ROC date, the Gregorian beside it.
    expect(notice.text.trim()).toMatch(
      /^↻?這段中文譯自較早版本的英文原文；英文原文在民國 \d{3} 年 \d{1,2} 月 \d{1,2} 日（\d{4} 年 \d{1,2} 月 \d{1,2} 日）之後已有修改。 閱讀最新的英文原文$/,
    )
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/en/policy/#taiwan-advantages-h')
    expect(notice.querySelector('a')!.getAttribute('hreflang')).toBe('en')
    expect(page(out, '/en/policy/').root.querySelector('#taiwan-advantages-h')!.text).toBe("Taiwan's five strengths")
  })

  it('leaves the Chinese originals unmarked, and no page repeats an id', () => {
    // The one mark on the Chinese page is a Chinese translation: a related part's title written first in English.
    const marks = page(out, '/zh-tw/industries/information-and-digital/').root.querySelectorAll(STALE)
    expect(marks.map((m) => m.closest('a')?.getAttribute('href'))).toEqual(['/zh-tw/policy/#taiwan-advantages'])
    for (const p of allPages(out)) {
      const ids = p.root.querySelectorAll('[id]').map((e) => e.getAttribute('id'))
      expect(ids.length - new Set(ids).size, `${p.path} repeats an id`).toBe(0)
    }
  })
})

describe('the side-by-side view', () => {
  const cells = (row: ReturnType<typeof page>['root']) => row.querySelectorAll('.bi-cell')

  it('exists for the policy page and every industry in both languages, linked from the page, canonical to it', () => {
    const industries = allPages(out)
      .filter((p) => /^\/en\/industries\/[^/]+\/$/.test(p.path))
      .map((p) => p.path)
    expect(industries).toHaveLength(6)
    for (const path of ['/en/policy/', '/zh-tw/policy/', ...industries, ...industries.map((i) => i.replace('/en/', '/zh-tw/'))]) {
      const view = page(out, `${path}bilingual/`)
      expect(page(out, path).root.querySelector(`main a[href="${path}bilingual/"]`), `${path} links to its side-by-side view`).toBeTruthy()
      expect(view.root.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(new URL(path, FALLBACK_SITE_URL).href)
      expect(view.root.querySelectorAll('link[rel="alternate"][hreflang]')).toHaveLength(0)
      expect(view.html).not.toContain('data-pagefind-body')
      expect(view.root.querySelector('main article')!.hasAttribute('data-pagefind-ignore')).toBe(true)
      expect(view.root.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0)
    }
  })

  it("puts each language in its own column with its own lang, in the reader's page", () => {
    const view = page(out, '/zh-tw/industries/cybersecurity/bilingual/')
    expect(view.root.querySelector('html')!.getAttribute('lang')).toBe('zh-Hant-TW')
    const name = view.root.querySelector('#bi-name')!
    expect(cells(name).map((c) => [c.getAttribute('lang'), c.querySelector('p')!.text])).toEqual([
      ['zh-Hant-TW', '資安卓越產業'],
      ['en', 'Cybersecurity Excellence Industry'],
    ])
    // The English summary is missing here: said so in the reader's language, not shown in Chinese twice.
    const summary = cells(view.root.querySelector('#bi-summary')!)
    expect(summary[1]!.classList.contains('bi-missing')).toBe(true)
    expect(summary[1]!.querySelector('p')!.getAttribute('lang')).toBe('zh-Hant-TW')
    expect(summary[1]!.text).toContain('此語言尚無內容。')
  })

  it('aligns the explanation by block key: a block only one language has is missing on the other side', () => {
    const view = page(out, '/en/industries/green-and-renewable-energy/bilingual/')
    const rows = view.root.querySelectorAll('[id^="bi-body-"]').map((r) => r.getAttribute('id'))
    expect(rows.slice(0, 3)).toEqual(['bi-body-b1', 'bi-body-zh-only', 'bi-body-b2'])
    expect(rows.at(-1)).toBe('bi-body-en-only')
    const zhOnly = cells(view.root.querySelector('#bi-body-zh-only')!)
    expect(zhOnly[0]!.text).toContain('這是新加入、尚未翻譯的一段。')
    expect(zhOnly[1]!.text).toContain('Not written in this language yet.')
    const enOnly = cells(view.root.querySelector('#bi-body-en-only')!)
    expect(enOnly[0]!.text).toContain('Not written in this language yet.')
    expect(enOnly[1]!.text).toContain('A closing paragraph that only the English has.')
    // Block b2 says the same thing in both columns, in the same row.
    const b2 = cells(view.root.querySelector('#bi-body-b2')!)
    expect(b2[0]!.getAttribute('lang')).toBe('zh-Hant-TW')
    expect(b2[0]!.text).toContain('這個產業有兩個目標')
    expect(b2[1]!.text).toContain('The industry has two goals')
  })

  it('marks the stale rows only: the changed block, not the rest of the body', () => {
    const view = page(out, '/en/industries/information-and-digital/bilingual/')
    const stale = view.root.querySelectorAll(`.bi-row${STALE}`).map((r) => r.getAttribute('id'))
    expect(stale).toEqual(['bi-summary', 'bi-body-b2', 'bi-directions-1'])
    const row = view.root.querySelector('#bi-body-b2')!
    expect(row.querySelector('.stale-note')!.getAttribute('lang')).toBe('en')
    expect(row.querySelector('.stale-note')!.text).toMatch(/^Older translation: the original has changed since /)
    expect(cells(row)[1]!.getAttribute('data-translation-status')).toBe('stale')
    expect(cells(row)[0]!.hasAttribute('data-translation-status')).toBe(false)
  })

  it('is in neither the search index nor the sitemap', () => {
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8')
    expect(sitemap).toContain('/en/policy/</loc>')
    expect(sitemap).not.toContain('/bilingual/')
    // Pagefind indexes the pages with data-pagefind-body, which no side-by-side view has.
    const searchable = allPages(out).filter((p) => p.html.includes('data-pagefind-body'))
    expect(searchable.some((p) => p.path.endsWith('/bilingual/'))).toBe(false)
    expect(report.counts.searchPages).toBe(searchable.length)
  })
})

describe('the complete dataset', () => {
  it('builds without a single fallback notice or stale mark', () => {
    const dir = distDir()
    const marked = allPages(dir).filter((p) => p.html.includes('data-fallback') || p.root.querySelector('[data-translation-status]'))
    expect(marked.map((p) => p.path)).toEqual([])
  })
})
