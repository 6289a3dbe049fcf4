/**
 * The Atom feeds (/{lang}/updates.xml), parsed with a real XML parser and checked against
 * RFC 4287's required elements: the feed's id, title, updated and author (or an author in
 * every entry) and a self link; each entry's id, title, updated, a link or content, and a
 * summary (no content here). Dates are RFC 3339. Every page links its language's feed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser, type Element } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { allPages, datasetDocs, distDir, siteOrigin } from './site-lib'

const ATOM = 'http://www.w3.org/2005/Atom'
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const dir = distDir()
const updates = datasetDocs('update').sort((a, b) => Date.parse(String(b.date)) - Date.parse(String(a.date)))

const children = (el: Element, name: string) =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM)
const one = (el: Element, name: string) => {
  const found = children(el, name)
  expect(found, `exactly one atom:${name} in ${el.localName}`).toHaveLength(1)
  return found[0]!
}

for (const l of locales) {
  describe(`/${l.segment}/updates.xml`, () => {
    const errors: string[] = []
    const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(
      readFileSync(join(dir, l.segment, 'updates.xml'), 'utf8'),
      'text/xml',
    )
    const feed = doc.documentElement!
    const origin = siteOrigin(dir)

    it('is well-formed Atom in the language of its pages', () => {
      expect(errors).toEqual([])
      expect(feed.localName).toBe('feed')
      expect(feed.namespaceURI).toBe(ATOM)
      expect(feed.getAttribute('xml:lang')).toBe(l.tag)
    })

    it('has the feed elements RFC 4287 requires', () => {
      expect(one(feed, 'id').textContent).toBe(`${origin}/${l.segment}/updates.xml`)
      expect(one(feed, 'title').textContent?.trim()).toBeTruthy()
      const updated = one(feed, 'updated').textContent!
      expect(updated).toMatch(RFC3339)
      expect(Date.parse(updated)).toBe(Date.parse(String(updates[0]!.date)))
      expect(one(one(feed, 'author'), 'name').textContent?.trim()).toBeTruthy()
      const links = children(feed, 'link').map((a) => [a.getAttribute('rel') ?? 'alternate', a.getAttribute('href')])
      expect(links).toContainEqual(['self', `${origin}/${l.segment}/updates.xml`])
      expect(links).toContainEqual(['alternate', `${origin}/${l.segment}/updates/`])
    })

    it('has one entry per update, newest first, each with id, title, updated, link and summary', () => {
      const entries = children(feed, 'entry')
      expect(entries).toHaveLength(updates.length)
      const ids = entries.map((e) => one(e, 'id').textContent)
      expect(new Set(ids).size).toBe(ids.length)
      entries.forEach((entry, i) => {
        const u = updates[i]!
        expect(one(entry, 'id').textContent).toBe(`${origin}/${l.segment}/updates/#${u._id}`)
        expect(one(entry, 'title').textContent).toBe((u.title as Record<string, string>)[l.id])
        expect(Date.parse(one(entry, 'updated').textContent!)).toBe(Date.parse(String(u.date)))
        expect(one(entry, 'updated').textContent).toMatch(RFC3339)
        expect(one(entry, 'summary').textContent).toBe((u.note as Record<string, string>)[l.id])
        expect(children(entry, 'link')[0]?.getAttribute('href')).toBe(`${origin}/${l.segment}/updates/#${u._id}`)
      })
    })
  })
}

describe('feed links', () => {
  it('every page links the Atom feed of its language (the root and 404 pages: both)', () => {
    for (const p of allPages(dir)) {
      const hrefs = p.root.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]').map((a) => a.getAttribute('href'))
      const own = locales.find((l) => p.path.startsWith(`/${l.segment}/`))
      expect(hrefs, p.path).toEqual(own ? [`/${own.segment}/updates.xml`] : locales.map((l) => `/${l.segment}/updates.xml`))
    }
  })
})
