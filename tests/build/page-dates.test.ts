/**
 * Pages say when their content last changed, and the sitemap says the same: each page's
 * `data-page-updated` `<time datetime>` is the newest `_updatedAt` (from the embedded dataset)
 * among the documents it shows, worked out here from the dataset's own references; the
 * sitemap's `<lastmod>` equals it for every URL; major updates are listed under "What changed".
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { datasetDocs, distDir, localizedPages, page } from './site-lib'

type Doc = Record<string, unknown> & { _id: string; _updatedAt: string }
type Ref = { _ref: string }
const dir = distDir()
const all = (['industry', 'metric', 'source', 'section', 'glossaryTerm', 'metricGroup', 'policy', 'timelineEvent', 'update'] as const).flatMap((t) => datasetDocs(t) as Doc[])
const byId = new Map(all.map((d) => [d._id, d]))
const slugOf = (d: Doc) => (d.slug as { current: string }).current
const newest = (ids: string[]) =>
  ids
    .map((id) => byId.get(id)!._updatedAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1)
const stated = (p: ReturnType<typeof page>) => p.root.querySelector('[data-page-updated] time')?.getAttribute('datetime')
const industries = all.filter((d) => d._type === 'industry').sort((a, b) => String(a.orderRank).localeCompare(String(b.orderRank)))
const metrics = all.filter((d) => d._type === 'metric')
const groups = all.filter((d) => d._type === 'metricGroup')
const refs = (d: Doc, field: string) => ((d[field] as Ref[] | undefined) ?? []).map((r) => r._ref)
const withSource = (id: string) => [id, (byId.get(id)!.source as Ref)._ref]

describe('page dates follow _updatedAt', () => {
  it('the embedded dataset dates its documents differently (two industries changed later)', () => {
    expect(new Set(all.map((d) => d._updatedAt)).size).toBeGreaterThan(1)
  })

  for (const l of locales) {
    it(`${l.segment}: each industry page is as new as the industry, its figures and their sources, its sections and its neighbours`, () => {
      industries.forEach((ind, i) => {
        const ids = [ind._id, ...refs(ind, 'metrics').flatMap(withSource), ...refs(ind, 'sections'), ...[industries[i - 1], industries[i + 1]].flatMap((n) => (n ? [n._id] : []))]
        expect(stated(page(dir, `/${l.segment}/industries/${slugOf(ind)}/`)), slugOf(ind)).toBe(newest(ids))
        // The side-by-side view shows the same documents, so it has the same date.
        expect(stated(page(dir, `/${l.segment}/industries/${slugOf(ind)}/bilingual/`)), `${slugOf(ind)} bilingual`).toBe(newest(ids))
      })
    })

    it(`${l.segment}: each figure page is as new as the figure, its source, its charts' figures and sources, the industries and the section that cite it`, () => {
      for (const m of metrics) {
        const inGroups = groups.filter((g) => refs(g, 'metrics').includes(m._id))
        const ids = [
          ...withSource(m._id),
          ...inGroups.flatMap((g) => [g._id, ...refs(g, 'metrics').flatMap(withSource)]),
          ...industries.filter((ind) => refs(ind, 'metrics').includes(m._id)).map((ind) => ind._id),
          ...(m.statedIn ? [(m.statedIn as Ref)._ref] : []),
        ]
        expect(stated(page(dir, `/${l.segment}/metrics/${slugOf(m)}/`)), slugOf(m)).toBe(newest(ids))
      }
    })

    it(`${l.segment}: the glossary, the industries list, the about page (its frontmatter) and the updates page`, () => {
      expect(stated(page(dir, `/${l.segment}/glossary/`))).toBe(newest(all.filter((d) => d._type === 'glossaryTerm').map((d) => d._id)))
      expect(stated(page(dir, `/${l.segment}/industries/`))).toBe(newest(industries.map((d) => d._id)))
      // The about page's text is MDX: its date is the frontmatter's `updated` (the commit that last changed it).
      expect(stated(page(dir, `/${l.segment}/about/`))).toBe('2026-11-27T16:09:55Z')
      const updates = all
        .filter((d) => d._type === 'update')
        .map((d) => String(d.date))
        .sort()
      expect(stated(page(dir, `/${l.segment}/updates/`))).toBe(updates.at(-1))
    })
  }

  it('every site page but search states a date, in a <time datetime> inside data-page-updated', () => {
    const undated = localizedPages(dir)
      .filter((p) => !p.path.includes('/search/') && !stated(p))
      .map((p) => p.path)
    expect(undated).toEqual([])
  })
})

describe('sitemap <lastmod>', () => {
  it('is the date each page states', () => {
    const index = new DOMParser().parseFromString(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'), 'text/xml')
    const chunks = Array.from(index.getElementsByTagName('loc')).map((n) => new URL(n.textContent!).pathname)
    let count = 0
    for (const chunk of chunks) {
      const xml = new DOMParser().parseFromString(readFileSync(join(dir, chunk), 'utf8'), 'text/xml')
      for (const url of Array.from(xml.getElementsByTagName('url'))) {
        const loc = new URL(url.getElementsByTagName('loc')[0]!.textContent!).pathname
        const lastmod = url.getElementsByTagName('lastmod')[0]?.textContent
        const pageDate = stated(page(dir, loc))
        if (!pageDate) continue
        expect(lastmod, loc).toBeTruthy()
        expect(Date.parse(lastmod!), loc).toBe(Date.parse(pageDate))
        count += 1
      }
    }
    expect(count).toBeGreaterThan(60)
  })
})

describe('"What changed"', () => {
  it('every site page but search lists the first publication (a major update of the whole site), dated', () => {
    for (const p of localizedPages(dir).filter((x) => !x.path.includes('/search/') && !x.path.includes('/updates/'))) {
      const item = p.root.querySelector('#what-changed + ol [data-update="update-first-publication"]')
      expect(item, p.path).toBeTruthy()
      expect(item!.querySelector('time')?.getAttribute('datetime'), p.path).toBe('2026-11-27T16:01:37Z')
    }
  })

  it('the updates page lists every update with its date, significance and what it concerns', () => {
    for (const l of locales) {
      const p = page(dir, `/${l.segment}/updates/`)
      const entries = p.root.querySelectorAll('li[data-update]')
      expect(entries.map((e) => e.getAttribute('data-update'))).toEqual(all.filter((d) => d._type === 'update').map((d) => d._id))
      const first = p.root.querySelector('#update-first-publication')!
      expect(first.getAttribute('data-significance')).toBe('major')
      expect(first.querySelector('h2')?.text.trim()).toBe(l.id === 'en' ? 'First publication' : '網站首次發布')
      expect(first.querySelector('time')?.text.trim()).toBe(l.id === 'en' ? 'November 28, 2026' : '民國 115 年 11 月 28 日（2026 年 11 月 28 日）')
      expect(first.text).toContain(l.id === 'en' ? 'the whole site' : '全站')
    }
  })
})
