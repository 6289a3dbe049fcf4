/**
 * The reader's site: every route exists in both languages with the right `<html lang>`,
 * canonical and hreflang alternates point at real pages and back, the language switch goes
 * to the same page in the other language, the root picker and the 404 page are bilingual,
 * and the sitemap lists every localized page with alternates but not the root picker (nor the
 * side-by-side views, canonical to their pages).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { switchLocalePath } from '../../schemas/site-paths'
import { allPages, datasetSlugs, distDir, fileForPath, localizedPages, page, siteOrigin } from './site-lib'

let dir: string
let origin: string
beforeAll(() => {
  dir = distDir()
  origin = siteOrigin(dir)
})

const industrySlugs = datasetSlugs('industry')
const routes = ['/', '/policy/', '/policy/bilingual/', '/industries/', '/glossary/', ...industrySlugs.flatMap((s) => [`/industries/${s}/`, `/industries/${s}/bilingual/`])]
/** The side-by-side views are canonical to the page they show (tests/build/site-translations.test.ts). */
const isSideBySide = (path: string) => path.endsWith('/bilingual/')

describe('routes in every language', () => {
  it('the dataset has six industries', () => {
    expect(industrySlugs).toHaveLength(6)
  })

  for (const locale of locales) {
    for (const route of routes) {
      const path = `/${locale.segment}${route}`
      it(`${path} exists with <html lang="${locale.htmlLang}">`, () => {
        const p = page(dir, path)
        expect(p.root.querySelector('html')?.getAttribute('lang')).toBe(locale.htmlLang)
        expect(p.root.querySelector('title')?.text.trim()).toBeTruthy()
        expect(p.root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()).toBeTruthy()
        expect(p.root.querySelectorAll('h1')).toHaveLength(1)
        expect(p.root.querySelectorAll('main#main')).toHaveLength(1)
        const skip = p.root.querySelector('a.skip-link')
        expect(skip?.getAttribute('href')).toBe('#main')
      })
    }
  }

  it('headings never skip a level (h1, then h2, then h3…)', () => {
    const skips: string[] = []
    for (const locale of locales) {
      for (const route of routes) {
        const p = page(dir, `/${locale.segment}${route}`)
        let previous = 0
        for (const h of p.root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
          const level = Number(h.tagName[1])
          if (level > previous + 1) skips.push(`${p.path}: h${previous} → h${level} "${h.text.trim().slice(0, 40)}"`)
          previous = level
        }
      }
    }
    expect(skips).toEqual([])
  })

  it('the industry pages link to each other in the brief order (previous/next)', () => {
    for (const locale of locales) {
      industrySlugs.forEach((slug, i) => {
        const p = page(dir, `/${locale.segment}/industries/${slug}/`)
        const prev = p.root.querySelector('a[rel="prev"]')?.getAttribute('href')
        const next = p.root.querySelector('a[rel="next"]')?.getAttribute('href')
        expect(prev).toBe(i > 0 ? `/${locale.segment}/industries/${industrySlugs[i - 1]}/` : undefined)
        expect(next).toBe(i < industrySlugs.length - 1 ? `/${locale.segment}/industries/${industrySlugs[i + 1]}/` : undefined)
      })
    }
  })

  it('the glossary has one entry per term, each with its slug as id, sorted per locale', () => {
    const slugs = datasetSlugs('glossaryTerm')
    for (const locale of locales) {
      const p = page(dir, `/${locale.segment}/glossary/`)
      for (const slug of slugs) expect(p.ids.has(slug), `#${slug} on ${p.path}`).toBe(true)
      const names = p.root.querySelectorAll('dl > div[id] > dt dfn').map((d) => d.text.trim())
      expect(names).toHaveLength(slugs.length)
      const collator = new Intl.Collator(locale.tag, { sensitivity: 'base', numeric: true })
      expect([...names].sort(collator.compare)).toEqual(names)
    }
  })

  it('the policy page has a section per part of the brief, with the slug as id, and a table of contents', () => {
    const slugs = datasetSlugs('section')
    for (const locale of locales) {
      const p = page(dir, `/${locale.segment}/policy/`)
      for (const slug of slugs) {
        expect(p.root.querySelector(`section#${slug}`), `section#${slug} on ${p.path}`).toBeTruthy()
        expect(p.root.querySelector(`nav a[href="#${slug}"]`), `TOC link to #${slug}`).toBeTruthy()
      }
      // The framework diagram is real HTML, with the six industries linked, and a text alternative.
      const figure = p.root.querySelector('#framework figure')
      expect(figure).toBeTruthy()
      expect(figure!.querySelectorAll('a[href]').map((a) => a.getAttribute('href'))).toEqual(industrySlugs.map((s) => `/${locale.segment}/industries/${s}/`))
      expect(p.root.querySelector('#framework figure img, #framework figure svg')).toBeNull()
    }
  })

  it('the home page has the six industries, headline figures and the timeline', () => {
    for (const locale of locales) {
      const p = page(dir, `/${locale.segment}/`)
      for (const slug of industrySlugs) expect(p.root.querySelector(`a[href="/${locale.segment}/industries/${slug}/"]`)).toBeTruthy()
      expect(p.root.querySelector('#timeline ol li')).toBeTruthy()
      expect(p.root.querySelectorAll('#figures ~ * li, section[aria-labelledby="figures"] li').length).toBeGreaterThanOrEqual(4)
    }
  })
})

describe('head: canonical, hreflang, Open Graph', () => {
  it('every localized page is its own canonical and lists every language plus x-default', () => {
    for (const p of localizedPages(dir).filter((p) => !isSideBySide(p.path))) {
      const canonical = p.root.querySelector('link[rel="canonical"]')?.getAttribute('href')
      expect(canonical, p.path).toBe(`${origin}${p.path}`)
      const alternates = new Map(p.root.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]))
      expect([...alternates.keys()].sort(), p.path).toEqual([...locales.map((l) => l.tag), 'x-default'].sort())
      expect(alternates.get('x-default')).toBe(`${origin}/`)
      for (const l of locales) {
        const href = alternates.get(l.tag)!
        expect(href, `${p.path} hreflang=${l.tag}`).toBe(`${origin}${switchLocalePath(p.path, l)}`)
        const target = new URL(href).pathname
        expect(fileForPath(dir, target), `${p.path} → ${target} exists`).toBeTruthy()
        // The pair is reciprocal: the other page points back here.
        const back = page(dir, target).root.querySelector(`link[rel="alternate"][hreflang="${locales.find((x) => p.path.startsWith(`/${x.segment}/`))!.tag}"]`)
        expect(back?.getAttribute('href'), `${target} points back to ${p.path}`).toBe(`${origin}${p.path}`)
      }
    }
  })

  it('Open Graph: title, description, url, image, og:locale and its alternate', () => {
    for (const locale of locales) {
      const p = page(dir, `/${locale.segment}/policy/`)
      const og = (prop: string) => p.root.querySelectorAll(`meta[property="${prop}"]`).map((m) => m.getAttribute('content'))
      expect(og('og:locale')).toEqual([locale.id === 'en' ? 'en_US' : 'zh_TW'])
      expect(og('og:locale:alternate')).toEqual([locale.id === 'en' ? 'zh_TW' : 'en_US'])
      expect(og('og:url')).toEqual([`${origin}${p.path}`])
      expect(og('og:title')[0]).toBeTruthy()
      expect(og('og:description')[0]).toBeTruthy()
      const image = og('og:image')[0]!
      expect(image).toMatch(/^https?:\/\//)
      if (image.startsWith(origin)) expect(fileForPath(dir, new URL(image).pathname), image).toBeTruthy()
    }
  })
})

describe('language switch', () => {
  it('on every localized page, links to the same page in each other language, labelled in that language', () => {
    for (const p of localizedPages(dir)) {
      const current = locales.find((l) => p.path.startsWith(`/${l.segment}/`))!
      // The plain page links (the section links are tested below).
      const links = p.root.querySelectorAll('a[data-lang-switch=""]')
      const others = locales.filter((l) => l.id !== current.id)
      expect(
        links.map((a) => a.getAttribute('href')),
        p.path,
      ).toEqual(others.map((l) => switchLocalePath(p.path, l)))
      links.forEach((a, i) => {
        const l = others[i]!
        expect(a.getAttribute('hreflang')).toBe(l.tag)
        expect(a.getAttribute('lang')).toBe(l.htmlLang)
        expect(a.text.trim()).toBe(l.label)
        expect(fileForPath(dir, a.getAttribute('href')!), `${p.path} switch target`).toBeTruthy()
      })
    }
  })
  it('keeps the section without JavaScript: a link per section, shown by a :target rule', () => {
    for (const l of locales) {
      const p = page(dir, `/${l.segment}/policy/`)
      const sectionLinks = p.root.querySelectorAll('a[data-lang-switch]').filter((a) => a.getAttribute('data-lang-switch') !== '')
      const tocTargets = p.root
        .querySelectorAll('nav a[href^="#"]')
        .map((a) => a.getAttribute('href')!.slice(1))
        .filter((id) => id !== 'main')
      expect(tocTargets.length, 'policy table of contents').toBeGreaterThanOrEqual(5)
      const css = p.root
        .querySelectorAll('style')
        .map((s) => s.text)
        .join('')
      for (const id of tocTargets) {
        const link = sectionLinks.find((a) => a.getAttribute('data-lang-switch') === id)
        expect(link, `${p.path}: switch link for #${id}`).toBeTruthy()
        const other = locales.find((o) => o.id !== l.id)!
        expect(link!.getAttribute('href')).toBe(`/${other.segment}/policy/#${id}`)
        // The other page really has that section.
        expect(page(dir, `/${other.segment}/policy/`).root.querySelector(`[id="${id}"]`), `#${id} on the other page`).toBeTruthy()
        expect(css).toContain(`html:has([id="${id}"]:target) [data-lang-switch="${id}"]`)
      }
    }
  })
})

describe('root language picker and 404', () => {
  it('the root page links to both homes without JavaScript and sends readers on by navigator.languages', () => {
    const p = page(dir, '/')
    for (const l of locales) {
      const a = p.root.querySelector(`a[href="/${l.segment}/"]`)
      expect(a, `link to /${l.segment}/`).toBeTruthy()
      expect(a!.getAttribute('hreflang')).toBe(l.tag)
      expect(a!.getAttribute('lang')).toBe(l.htmlLang)
    }
    const script = p.root
      .querySelectorAll('script')
      .map((s) => s.text)
      .join('\n')
    expect(script).toContain('navigator.languages')
    expect(script).toContain('/zh-tw/')
    expect(script).toContain('/en/')
    // Indexable (it is the x-default), not a robots-noindex page.
    expect(p.root.querySelector('meta[name="robots"]')).toBeNull()
  })

  it('the 404 page speaks both languages, links to both homes and is not indexed', () => {
    const p = page(dir, '/404.html')
    expect(p.root.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex')
    for (const l of locales) {
      expect(p.root.querySelector(`section[lang="${l.htmlLang}"] a[href="/${l.segment}/"]`), l.id).toBeTruthy()
    }
  })
})

describe('sitemap', () => {
  it('lists every localized page with hreflang alternates, and neither the root picker, the 404 page nor a side-by-side view', () => {
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')
    const chunks = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/^\//, ''))
    const xml = chunks.map((c) => readFileSync(join(dir, c), 'utf8')).join('\n')
    const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(urls).not.toContain(`${origin}/`)
    expect(urls.some((u) => u.includes('404'))).toBe(false)
    for (const l of locales) {
      for (const route of routes) {
        if (isSideBySide(route)) expect(urls, `${l.segment}${route}`).not.toContain(`${origin}/${l.segment}${route}`)
        else expect(urls, `${l.segment}${route}`).toContain(`${origin}/${l.segment}${route}`)
      }
    }
    expect(xml).toContain(`hreflang="${locales[0].tag}"`)
    expect(xml).toContain(`hreflang="${locales[1].tag}"`)
  })

  it('every page in the sitemap exists', () => {
    const pages = new Set(allPages(dir).map((p) => p.path))
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')
    const chunks = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/^\//, ''))
    for (const c of chunks) {
      for (const m of readFileSync(join(dir, c), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
        expect(pages.has(new URL(m[1]!).pathname), m[1]).toBe(true)
      }
    }
  })
})
