/**
 * No client JavaScript on content pages (only JSON-LD data blocks), structured data that parses and fits the page, and the
 * Pagefind markers only where they belong.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { allPages, datasetSlugs, distDir, embedPages, listFiles, localizedPages, page, type Page } from './site-lib'

let dir: string
beforeAll(() => {
  dir = distDir()
})

/** The search pages load Pagefind's script: the one page kind that needs JavaScript to work. */
const isSearch = (p: Page) => /^\/[^/]+\/search\//.test(p.path)
const contentPages = () => localizedPages(dir).filter((p) => !isSearch(p))

function jsonLd(p: Page): Record<string, unknown>[] {
  return p.root.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text) as Record<string, unknown>)
}
const types = (p: Page) => jsonLd(p).map((d) => d['@type'])

describe('no client JavaScript', () => {
  it('content pages and embed pages have no <script> except JSON-LD data blocks', () => {
    const offenders: string[] = []
    expect(embedPages(dir).length).toBeGreaterThan(0)
    for (const p of [...contentPages(), ...embedPages(dir)]) {
      for (const s of p.root.querySelectorAll('script')) {
        const type = s.getAttribute('type')
        if (type === 'application/ld+json') continue
        offenders.push(`${p.path}: <script${type ? ` type="${type}"` : ''}${s.getAttribute('src') ? ` src="${s.getAttribute('src')}"` : ''}> ${s.text.slice(0, 60)}`)
      }
      if (/<script[^>]+type="module"/.test(p.html)) offenders.push(`${p.path}: module script`)
      if (/\son(click|load|error|mouseover|focus|submit)=/i.test(p.html)) offenders.push(`${p.path}: inline event handler`)
    }
    expect(offenders).toEqual([])
  })

  it('the build emits no JavaScript bundle for the reader pages', () => {
    const js = listFiles(dir).filter((f) => f.startsWith('_astro/') && f.endsWith('.js'))
    const referenced = js.filter((f) => contentPages().some((p) => p.html.includes(f)))
    expect(referenced).toEqual([])
  })

  it('the 404 page has no script at all', () => {
    expect(page(dir, '/404.html').root.querySelectorAll('script')).toHaveLength(0)
  })

  it('JSON-LD never contains a raw "<" (it cannot close its script element)', () => {
    for (const p of allPages(dir)) {
      for (const s of p.root.querySelectorAll('script[type="application/ld+json"]')) expect(s.text, p.path).not.toContain('<')
    }
  })
})

describe('structured data', () => {
  for (const l of locales) {
    it(`${l.segment}: WebSite and Organization on home, Article on policy and industries, DefinedTermSet on glossary, BreadcrumbList below home`, () => {
      const home = page(dir, `/${l.segment}/`)
      expect(types(home)).toEqual(expect.arrayContaining(['WebSite', 'Organization']))
      const site = jsonLd(home).find((d) => d['@type'] === 'WebSite')!
      expect(site.inLanguage).toBe(l.tag)

      const policy = page(dir, `/${l.segment}/policy/`)
      expect(types(policy)).toEqual(expect.arrayContaining(['Article', 'BreadcrumbList']))
      const article = jsonLd(policy).find((d) => d['@type'] === 'Article')!
      expect(article.headline).toBe(policy.root.querySelector('h1')!.text.trim())
      expect(article.inLanguage).toBe(l.tag)

      const glossary = page(dir, `/${l.segment}/glossary/`)
      const set = jsonLd(glossary).find((d) => d['@type'] === 'DefinedTermSet')!
      expect((set.hasDefinedTerm as unknown[]).length).toBe(datasetSlugs('glossaryTerm').length)

      for (const slug of datasetSlugs('industry')) {
        const p = page(dir, `/${l.segment}/industries/${slug}/`)
        expect(types(p)).toEqual(expect.arrayContaining(['Article', 'BreadcrumbList']))
        const crumbs = jsonLd(p).find((d) => d['@type'] === 'BreadcrumbList')!.itemListElement as { position: number; item: string }[]
        expect(crumbs.map((c) => c.position)).toEqual([1, 2, 3])
        expect(new URL(crumbs[2]!.item).pathname).toBe(p.path)
      }
    })
  }
})

describe('search markers (Pagefind)', () => {
  it('data-pagefind-body is on the <main> of content pages only, once; never on a side-by-side view', () => {
    for (const p of contentPages()) {
      const bodies = p.root.querySelectorAll('[data-pagefind-body]')
      // A side-by-side view repeats its page in both languages: the page itself is the search hit.
      expect(
        bodies.map((b) => b.tagName.toLowerCase()),
        p.path,
      ).toEqual(p.path.endsWith('/bilingual/') ? [] : ['main'])
    }
    for (const path of ['/', '/404.html']) expect(page(dir, path).root.querySelectorAll('[data-pagefind-body]'), path).toHaveLength(0)
  })

  it('industry pages carry the industry filter inside the indexed content', () => {
    for (const l of locales) {
      for (const slug of datasetSlugs('industry')) {
        const p = page(dir, `/${l.segment}/industries/${slug}/`)
        const filter = p.root.querySelector('main [data-pagefind-filter="industry"]')
        expect(filter?.text.trim(), p.path).toBeTruthy()
      }
    }
  })
})
