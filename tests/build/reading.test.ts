/**
 * How the built pages read, in both languages: big numbers written one way ("5,800 億"), no
 * date nested in parentheses, one date per figure card, the glossary's "Also known as" apart
 * from its search keywords and in one language per list, "Published · Last updated · See all
 * updates" under each content page's title, and on the policy page a way back to the
 * contents and to the same section in the other language after every section.
 */
import { describe, expect, it } from 'vitest'
import { locales, type Locale } from '../../schemas/locales'
import { distDir, localizedPages, page, type Page } from './site-lib'

const dir = distDir()
const zh = locales.find((l) => l.id === 'zhTW')!
const en = locales.find((l) => l.id === 'en')!

/** The text a reader sees: no scripts, styles or attributes. */
const textOf = (p: Page) => p.root.querySelector('body')!.structuredText.replace(/\s+/g, ' ')

describe('numbers and dates', () => {
  it('no page writes a 4+ digit number without grouping next to 億, 萬 or 兆', () => {
    const ungrouped = localizedPages(dir).flatMap((p) => [...textOf(p).matchAll(/\d{4,}\s*[億萬兆]/g)].map((m) => `${p.path}: ${m[0]}`))
    expect(ungrouped).toEqual([])
    expect(textOf(page(dir, '/zh-tw/metrics/invest-in-taiwan-in-place-2020/'))).toContain('超過新臺幣 5,800 億元')
  })

  it("no date is nested in parentheses (a figure's date inside prose is one parenthetical)", () => {
    const nested = localizedPages(dir).flatMap((p) =>
      [...textOf(p).matchAll(/[（(][^（）()]*[（(][^（）()]*[）)][^（）()]*[）)]/g)].filter((m) => /\d{4}/.test(m[0])).map((m) => `${p.path}: ${m[0]}`),
    )
    expect(nested).toEqual([])
    expect(textOf(page(dir, '/zh-tw/about/'))).toContain('75%（民國 109 年 4 月，2020 年 4 月）')
    expect(textOf(page(dir, '/en/about/'))).toContain('75% (April 2020)')
  })

  for (const l of locales) {
    it(`${l.segment}: a figure card never shows the same date twice`, () => {
      const repeated: string[] = []
      for (const path of [`/${l.segment}/metrics/`, `/${l.segment}/industries/information-and-digital/`, `/${l.segment}/policy/`]) {
        for (const card of page(dir, path).root.querySelectorAll('.metric-figure')) {
          const dates = card.querySelectorAll('time').map((t) => t.text)
          if (new Set(dates).size !== dates.length) repeated.push(`${path} ${card.getAttribute('data-metric')}: ${dates.join(' | ')}`)
        }
      }
      expect(repeated).toEqual([])
    })
  }

  it('the foundry card says its date once, in the source line no more', () => {
    const card = page(dir, '/zh-tw/metrics/').root.querySelector('.metric-figure[data-metric="foundry-market-share"]')!
    expect(card.structuredText.split('民國 109 年 4 月').length - 1).toBe(1)
  })
})

describe('glossary', () => {
  const entry = (l: Locale, slug: string) => page(dir, `/${l.segment}/glossary/`).root.querySelector(`[id="${slug}"]`)!
  const shown = (l: Locale, slug: string) => entry(l, slug).querySelector('[data-also-known-as]')?.text

  it('"Also known as" lists curated names, one language per list, spaced where Han meets Latin', () => {
    expect(shown(zh, 'five-plus-two')).toBe('又稱：5+2 和五加二')
    expect(shown(en, 'five-plus-two')).toBe('Also known as: 5+2 and 5+2 innovative industries')
    expect(shown(zh, 'aiot')).toBe('又稱：智慧物聯網')
    expect(shown(en, 'aiot')).toBeUndefined()
    expect(shown(zh, 'industry-4-0')).toBeUndefined()
    expect(shown(en, 'industry-4-0')).toBe('Also known as: Industrie 4.0')
  })

  for (const l of locales) {
    it(`${l.segment}: search keywords are indexed from an attribute, never shown`, () => {
      const p = page(dir, `/${l.segment}/glossary/`)
      const five = entry(l, 'five-plus-two')
      expect(five.getAttribute('data-pagefind-index-attrs')).toBe('data-search-keywords')
      expect(five.getAttribute('data-search-keywords')).toContain('五+二')
      expect(five.getAttribute('data-search-keywords')).toContain('5＋2')
      expect(textOf(p)).not.toContain('5＋2')
      expect(textOf(p)).not.toContain('台商回台')
      expect(textOf(p)).not.toMatch(/[^\p{Script=Han}]和[A-Za-z]/u)
      for (const list of p.root.querySelectorAll('[data-also-known-as]')) expect(list.text, list.text).not.toMatch(/\bIoT\b|Internet of Things/)
    })
  }
})

describe('page dates under the title', () => {
  const contentPages = ['/policy/', '/industries/information-and-digital/', '/glossary/', '/about/', '/metrics/', '/metrics/foundry-market-share/', '/industries/']
  for (const l of locales) {
    it(`${l.segment}: every content page says Published · Last updated · See all updates right after its h1`, () => {
      for (const rest of contentPages) {
        const p = page(dir, `/${l.segment}${rest}`)
        const meta = p.root.querySelector('[data-page-meta]')
        expect(meta, rest).toBeTruthy()
        expect(meta!.previousElementSibling?.tagName, rest).toBe('H1')
        const link = meta!.querySelector('a')!
        expect(link.getAttribute('href'), rest).toBe('#what-changed')
        expect(p.ids.has('what-changed'), rest).toBe(true)
        expect(meta!.querySelector('time')!.getAttribute('datetime'), rest).toBe('2026-11-27T16:01:37Z')
      }
    })
  }

  it('dates go through the one formatter, ROC calendar on zh-TW pages', () => {
    const zhMeta = page(dir, '/zh-tw/policy/').root.querySelector('[data-page-meta]')!.text
    expect(zhMeta).toContain('發布：民國 115 年 11 月 28 日（2026 年 11 月 28 日）')
    expect(zhMeta).toContain('查看所有更新')
    const enMeta = page(dir, '/en/policy/').root.querySelector('[data-page-meta]')!.text
    expect(enMeta).toContain('Published November 28, 2026')
    expect(enMeta).toContain('See all updates')
  })

  for (const l of locales) {
    it(`${l.segment}: "Last updated" is the bottom's date, and never the published day again`, () => {
      const glossary = page(dir, `/${l.segment}/glossary/`)
      const updated = glossary.root.querySelectorAll('[data-page-meta] li')[1]!
      expect(updated.text).toMatch(l.id === 'zhTW' ? /^最後更新：民國 \d+ 年 \d+ 月 \d+ 日（\d{4} 年 \d+ 月 \d+ 日）$/ : /^Last updated [A-Z][a-z]+ \d+, \d{4}$/)
      expect(updated.querySelector('time')!.getAttribute('datetime')).toBe(glossary.root.querySelector('[data-page-updated] time')!.getAttribute('datetime'))
      for (const rest of contentPages) {
        const shown = page(dir, `/${l.segment}${rest}`)
          .root.querySelectorAll('[data-page-meta] time')
          .map((t) => t.text)
        expect(new Set(shown).size, rest).toBe(shown.length)
      }
    })
  }
})

describe('the policy page, a long page', () => {
  for (const l of locales) {
    const other = locales.find((o) => o.id !== l.id)!
    it(`${l.segment}: every section ends with "back to contents" and links its heading to the same section in ${other.segment}`, () => {
      const p = page(dir, `/${l.segment}/policy/`)
      const twin = page(dir, `/${other.segment}/policy/`)
      expect(p.root.querySelector('nav#contents')).toBeTruthy()
      const sections = p.root.querySelectorAll('main section.section')
      expect(sections.length).toBeGreaterThanOrEqual(8)
      for (const section of sections) {
        const id = section.getAttribute('id')!
        const back = section.querySelectorAll('[data-back-to-contents]')
        expect(back.length, id).toBe(1)
        expect(back[0]!.getAttribute('href')).toBe('#contents')
        expect(back[0]!.text).toBe(l.id === 'zhTW' ? '↑ 回到本頁內容' : '↑ Back to contents')
        const switcher = section.querySelector(`a[data-section-lang="${id}"]`)!
        expect(switcher.getAttribute('href'), id).toBe(`/${other.segment}/policy/#${id}`)
        expect(switcher.getAttribute('hreflang')).toBe(other.tag)
        expect(switcher.getAttribute('lang')).toBe(other.htmlLang)
        expect(switcher.text).toBe(other.label)
        expect(twin.ids.has(id), `${other.segment} has #${id}`).toBe(true)
      }
    })
  }
})

describe('headings that mix Chinese and Latin', () => {
  it('tie a Latin word to the Han character after it', () => {
    const heading = page(dir, '/zh-tw/metrics/').root.querySelector('#chart-digital-competitiveness-ranks-title')!
    expect(heading.innerHTML).toContain('<span class="nobr">IMD 世</span>界數位競爭力評比的臺灣排名')
    expect(page(dir, '/en/metrics/').root.querySelector('#chart-digital-competitiveness-ranks-title')!.querySelector('.nobr')).toBeNull()
  })
})
