/**
 * Where the policy stands now, and the accessibility statement, on the built site:
 * - every content page (every HTML page under /zh-tw/ and /en/ except search, the chart embeds,
 *   the developments list itself and the accessibility statement) has the notice right under
 *   its title: the brief's year from the policy's own date, a link to the list, and the latest
 *   development by name (home and about: every development, each with its source link);
 * - the developments page lists every development of the dataset, newest first, each with a
 *   date and a link to its https source;
 * - the accessibility statement page exists in both languages, says when it was reviewed and
 *   how to write, and every page with a footer links to it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { paths } from '../../schemas/site-paths'
import { allPages, datasetDocs, distDir, localizedPages, page, type Page } from './site-lib'

let dir: string
beforeAll(() => {
  dir = distDir()
})

type Development = { _id: string; date: string; source: { url: string } }
const developments = () => datasetDocs('policyDevelopment') as unknown as Development[]
/** The dataset's developments, newest first (a partial date after the full dates inside it). */
const newestFirst = () => [...developments()].sort((a, b) => (a.date === b.date ? a._id.localeCompare(b._id) : a.date < b.date ? 1 : -1))
const policyYear = () => String((datasetDocs('policy')[0] as { date: string }).date).slice(0, 4)

const localeOfPage = (p: Page) => locales.find((l) => p.path.startsWith(`/${l.segment}/`))!
const isSearch = (p: Page) => /^\/[^/]+\/search\//.test(p.path)
const withoutNotice = (p: Page) => {
  const l = localeOfPage(p)
  return isSearch(p) || p.path === paths.developments(l) || p.path === paths.accessibility(l)
}
const contentPages = () => localizedPages(dir).filter((p) => !withoutNotice(p))
const notices = (p: Page) => p.root.querySelectorAll('[data-policy-status]')

describe('the policy-status notice', () => {
  it('the dataset has developments to show', () => {
    expect(developments().length).toBeGreaterThan(0)
  })

  it('sits right under the title (and its Published · Last updated line) of every content page, in both languages', () => {
    const pages = contentPages()
    for (const l of locales) expect(pages.filter((p) => localeOfPage(p) === l).length).toBeGreaterThan(10)
    const wrong: string[] = []
    for (const p of pages) {
      const found = notices(p)
      const h1 = p.root.querySelector('h1')
      if (found.length !== 1) wrong.push(`${p.path}: ${found.length} notices`)
      else {
        const next = h1?.nextElementSibling
        const after = next?.hasAttribute('data-page-meta') ? next.nextElementSibling : next
        if (after !== found[0]) wrong.push(`${p.path}: the notice is not right after the h1 (or the page's dates under it)`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('names the brief year from the policy date and links the list of developments', () => {
    const year = policyYear()
    const wrong: string[] = []
    for (const p of contentPages()) {
      const notice = notices(p)[0]!
      const l = localeOfPage(p)
      const time = notice.querySelector('time')
      if (!time?.getAttribute('datetime')?.startsWith(year) || !time.text.includes(year)) wrong.push(`${p.path}: no ${year} date first`)
      if (!notice.querySelector(`a[href="${paths.developments(l)}"]`)) wrong.push(`${p.path}: no link to ${paths.developments(l)}`)
    }
    expect(wrong).toEqual([])
  })

  it('names the latest development on every page, and lists every one with its source on home and about', () => {
    const latest = newestFirst()[0]!
    for (const l of locales) {
      for (const full of [paths.home(l), paths.about(l)]) {
        const notice = notices(page(dir, full))[0]!
        const listed = notice.querySelectorAll('[data-status-development]')
        expect(listed.map((e) => e.getAttribute('data-status-development'))).toEqual(newestFirst().map((d) => d._id))
        for (const [i, item] of listed.entries()) {
          expect(item.querySelector('time'), `${full} item ${i}`).not.toBeNull()
          expect(item.querySelector(`a[href="${newestFirst()[i]!.source.url}"]`), `${full} item ${i} source link`).not.toBeNull()
        }
      }
    }
    const short = contentPages().filter((p) => ![paths.home(localeOfPage(p)), paths.about(localeOfPage(p))].includes(p.path))
    expect(short.length).toBeGreaterThan(0)
    const wrong = short.filter((p) => notices(p)[0]!.querySelector('[data-status-latest]')?.getAttribute('data-status-latest') !== latest._id).map((p) => p.path)
    expect(wrong).toEqual([])
  })

  it('is on no search, developments or accessibility page', () => {
    const extra = localizedPages(dir).filter(withoutNotice)
    expect(extra.length).toBe(3 * locales.length)
    expect(extra.filter((p) => notices(p).length > 0).map((p) => p.path)).toEqual([])
  })
})

describe('the developments page', () => {
  for (const l of locales) {
    it(`${l.segment}: every development of the dataset, newest first, each with a date and its source link`, () => {
      const p = page(dir, paths.developments(l))
      const items = p.root.querySelectorAll('[data-development]')
      expect(items.map((e) => e.getAttribute('data-development'))).toEqual(newestFirst().map((d) => d._id))
      for (const [i, item] of items.entries()) {
        const d = newestFirst()[i]!
        expect(item.querySelector('time')?.getAttribute('datetime'), d._id).toBe(d.date)
        expect(item.querySelector('time')?.text.trim().length, d._id).toBeGreaterThan(0)
        const link = item.querySelector('[data-development-source] a')
        expect(link?.getAttribute('href'), d._id).toBe(d.source.url)
        expect(link?.getAttribute('href')?.startsWith('https://'), d._id).toBe(true)
        expect(link?.getAttribute('rel'), d._id).toContain('noopener')
      }
    })
  }
})

describe('the accessibility statement', () => {
  const statement = () => datasetDocs('accessibilityStatement')[0] as { standard: string; reviewed: string }
  const settings = () => datasetDocs('siteSettings')[0] as { contactEmail: string }

  for (const l of locales) {
    it(`${l.segment}: the page states the standard, the review date and the contact address from Site settings`, () => {
      const p = page(dir, paths.accessibility(l))
      const article = p.root.querySelector('[data-accessibility-statement]')!
      expect(article.querySelector('h1')?.text.trim().length).toBeGreaterThan(0)
      expect(article.text).toContain(statement().standard)
      expect(article.querySelector('[data-accessibility-reviewed] time')?.getAttribute('datetime')).toBe(statement().reviewed)
      expect(article.querySelector(`[data-accessibility-contact] a[href="mailto:${settings().contactEmail}"]`)).not.toBeNull()
    })
  }

  it('every page with a footer links to the statement in its own language', () => {
    const withFooter = allPages(dir).filter((p) => p.root.querySelector('footer'))
    expect(withFooter.length).toBeGreaterThan(20)
    const missing = withFooter
      .filter((p) => {
        const l = locales.find((x) => p.path.startsWith(`/${x.segment}/`))
        return !l || !p.root.querySelector(`footer a[href="${paths.accessibility(l)}"]`)
      })
      .map((p) => p.path)
    expect(missing).toEqual([])
  })
})
