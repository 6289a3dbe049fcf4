/**
 * No broken internal link: every same-site `href` / `src` in every built HTML file resolves
 * to a file, and every `#fragment` to an element with that id on the target page.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { allPages, distDir, fileForPath, page, siteOrigin, type Page } from './site-lib'

let dir: string
let origin: string
beforeAll(() => {
  dir = distDir()
  origin = siteOrigin(dir)
})

interface Broken {
  from: string
  href: string
  reason: string
}

function check(p: Page, raw: string, broken: Broken[]) {
  const href = raw.trim()
  if (!href || /^(mailto|tel|data|javascript):/i.test(href)) {
    if (/^javascript:/i.test(href)) broken.push({ from: p.path, href, reason: 'javascript: URL' })
    return
  }
  const url = new URL(href, `${origin}${p.path}`)
  if (url.origin !== origin) return // external
  const target = url.pathname
  const file = fileForPath(dir, target)
  // The search index is written by Pagefind after `astro build`; a bare `astro build` has none.
  if (!file && target.startsWith('/pagefind/') && !fileForPath(dir, '/pagefind/pagefind.js')) return
  if (!file) {
    broken.push({ from: p.path, href, reason: `no file for ${target}` })
    return
  }
  if (!target.endsWith('/') && !/\.[a-z0-9]+$/i.test(target)) {
    broken.push({ from: p.path, href, reason: 'page URL without trailing slash (trailingSlash: always)' })
  }
  if (url.hash && file.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1))
    if (id && !page(dir, target).ids.has(id)) broken.push({ from: p.path, href, reason: `no element with id "${id}" on ${target}` })
  }
}

describe('internal links', () => {
  it('every same-site href and src resolves to a file (and #id to an element)', () => {
    const broken: Broken[] = []
    let checked = 0
    for (const p of allPages(dir)) {
      for (const el of p.root.querySelectorAll('[href], [src]')) {
        for (const attr of ['href', 'src']) {
          const value = el.getAttribute(attr)
          if (value === undefined) continue
          checked++
          check(p, value, broken)
        }
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(broken).toEqual([])
  })

  it('the language switch keeps section anchors resolvable in the other language', () => {
    // Every id on a page in one language exists on the same page in the other language, for
    // the anchors the language switch may carry over: the policy sections and glossary terms.
    for (const path of ['/policy/', '/glossary/']) {
      const zh = page(dir, `/zh-tw${path}`)
      const en = page(dir, `/en${path}`)
      const anchors = (p: Page) => new Set(p.root.querySelectorAll('section[id], dl > div[id]').map((e) => e.getAttribute('id')!))
      expect([...anchors(zh)].sort()).toEqual([...anchors(en)].sort())
      expect(anchors(zh).size).toBeGreaterThan(3)
    }
  })

  it('ids are unique on every page', () => {
    const duplicates: string[] = []
    for (const p of allPages(dir)) {
      const seen = new Set<string>()
      for (const el of p.root.querySelectorAll('[id]')) {
        const id = el.getAttribute('id')!
        if (seen.has(id)) duplicates.push(`${p.path}#${id}`)
        seen.add(id)
      }
    }
    expect(duplicates).toEqual([])
  })
})
