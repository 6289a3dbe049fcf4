/**
 * The Content Security Policy on every page (Astro's <meta>, checked here for what it must and
 * must not allow, and against the page's own inline scripts and styles), the same policy in
 * `_headers` (one rule per section allowing what each page's <meta> allows, with what only
 * headers can say), and the chart-only embed pages.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { embedHeight } from '../../src/open-data/embed'
import { headersFor, parseHeadersFile, ruleMatches } from '../support/headers-rules'
import { allPages, datasetSlugs, distDir, embedPages, page, siteOrigin, type Page } from './site-lib'

const dir = distDir()
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
const policyOf = (p: Page) => p.root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? ''
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/)
        return [name!, values]
      }),
  )
}

describe('CSP <meta> on every page', () => {
  it('is strict: no unsafe-inline or unsafe-eval for scripts, object-src none, base-uri and form-action self', () => {
    for (const p of allPages(dir)) {
      const d = directives(policyOf(p))
      expect(d.size, p.path).toBeGreaterThan(0)
      const scripts = d.get('script-src') ?? []
      expect(scripts, p.path).toContain("'self'")
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:']) expect(scripts, p.path).not.toContain(bad)
      expect(d.get('style-src') ?? [], p.path).not.toContain("'unsafe-inline'")
      expect(d.get('object-src'), p.path).toEqual(["'none'"])
      expect(d.get('base-uri'), p.path).toEqual(["'self'"])
      expect(d.get('form-action'), p.path).toEqual(["'self'"])
      expect(d.get('default-src'), p.path).toEqual(["'self'"])
    }
  })

  it("allows 'wasm-unsafe-eval' (Pagefind) on the search pages only", () => {
    for (const p of allPages(dir)) {
      const search = /^\/[^/]+\/search\/$/.test(p.path)
      expect(directives(policyOf(p)).get('script-src')?.includes("'wasm-unsafe-eval'"), p.path).toBe(search)
    }
  })

  it('names the hash of every inline script and style the page has, and no page uses style attributes', () => {
    for (const p of allPages(dir)) {
      const d = directives(policyOf(p))
      for (const s of p.root.querySelectorAll('script')) {
        if (s.getAttribute('src') || s.getAttribute('type') === 'application/ld+json') continue
        expect(d.get('script-src'), `${p.path}: inline script`).toContain(hash(s.rawText))
      }
      for (const s of p.root.querySelectorAll('style')) expect(d.get('style-src'), `${p.path}: inline style`).toContain(hash(s.rawText))
      expect(
        p.root.querySelectorAll('[style]').map((e) => e.tagName),
        p.path,
      ).toEqual([])
    }
  })
})

describe('_headers', () => {
  const text = readFileSync(join(dir, '_headers'), 'utf8')
  const blocks = new Map(
    text
      .trim()
      .split(/\n\n/)
      .map((b) => {
        const [path, ...lines] = b.split('\n')
        return [path!, lines.map((l) => l.trim())]
      }),
  )

  it('gives every file the security headers', () => {
    expect(blocks.get('/*')).toEqual([
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      expect.stringMatching(/^Permissions-Policy: camera=\(\), microphone=\(\), geolocation=\(\)/),
    ])
  })

  it("gives every page one policy rule: its <meta> policy's directives and scripts, inline styles left to the <meta>, frame-ancestors 'self' for site pages, * for embeds", () => {
    const rules = parseHeadersFile(text)
    for (const p of allPages(dir)) {
      const matching = rules.filter((r) => ruleMatches(r.path, p.path) && r.headers.some(([n]) => n === 'Content-Security-Policy'))
      expect(
        matching.map((r) => r.path),
        p.path,
      ).toHaveLength(1)
      const header = directives(headersFor(rules, p.path).get('content-security-policy')!)
      const meta = directives(policyOf(p))
      for (const [name, sources] of meta) {
        if (name === 'style-src') continue
        if (name === 'script-src') expect(header.get(name), p.path).toEqual(expect.arrayContaining(sources))
        else expect(header.get(name), p.path).toEqual(sources)
      }
      expect(header.get('script-src')?.includes("'wasm-unsafe-eval'"), p.path).toBe(meta.get('script-src')?.includes("'wasm-unsafe-eval'"))
      expect(header.get('style-src'), p.path).toEqual(["'self'", "'unsafe-inline'"])
      expect(header.get('frame-ancestors'), p.path).toEqual([p.path.includes('/embed/') ? '*' : "'self'"])
    }
  })

  it("is within the hosts' limits: at most 100 rules, every line under 2,000 characters", () => {
    expect(parseHeadersFile(text).length).toBeLessThanOrEqual(100)
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(2000)
  })
})

describe('embed pages', () => {
  const groups = datasetSlugs('metricGroup')
  const origin = siteOrigin(dir)

  it('one per figure group and language', () => {
    expect(
      embedPages(dir)
        .map((p) => p.path)
        .sort(),
    ).toEqual(locales.flatMap((l) => groups.map((g) => `/${l.segment}/embed/${g}/`)).sort())
  })

  for (const l of locales) {
    it(`${l.segment}: the chart alone, in its language, noindex, canonical to the figures page, a link back, no script, no site chrome`, () => {
      for (const g of groups) {
        const p = page(dir, `/${l.segment}/embed/${g}/`)
        expect(p.root.querySelector('html')?.getAttribute('lang'), g).toBe(l.htmlLang)
        expect(p.root.querySelector('meta[name="robots"]')?.getAttribute('content'), g).toBe('noindex')
        expect(p.root.querySelector('[data-preview-banner]'), g).toBeNull()
        expect(p.root.querySelector('link[rel="canonical"]')?.getAttribute('href'), g).toBe(`${origin}/${l.segment}/metrics/`)
        expect(p.root.querySelectorAll('script'), g).toHaveLength(0)
        expect(p.root.querySelectorAll('header, nav, footer, .skip-link'), g).toHaveLength(0)
        expect(p.root.querySelector('h1')?.text.trim(), g).toBeTruthy()
        expect(p.root.querySelector(`figure[data-chart-group="${g}"] svg[role="img"]`), g).toBeTruthy()
        expect(p.root.querySelector('.source-line'), g).toBeTruthy()
        const back = p.root.querySelector('a[data-embed-back]')!
        expect(back.getAttribute('href'), g).toBe(`/${l.segment}/metrics/#${g}`)
        expect(back.getAttribute('target'), g).toBe('_top')
        // Every other link (sources) leaves the frame too; light unless #dark; an icon that exists.
        expect(
          p.root.querySelectorAll('base').map((b) => b.attributes),
          g,
        ).toEqual([{ target: '_top' }])
        expect(p.root.querySelector('html')?.getAttribute('data-theme'), g).toBe('light')
        expect(p.root.querySelector('body > #dark[hidden]'), g).toBeTruthy()
        const icon = p.root.querySelector('link[rel="icon"]')?.getAttribute('href') ?? ''
        expect(icon, g).toMatch(/^\//)
        expect(existsSync(join(dir, icon)), `${g}: ${icon}`).toBe(true)
      }
    })

    it(`${l.segment}: the figures page shows each chart's iframe code, pointing at its embed page`, () => {
      const p = page(dir, `/${l.segment}/metrics/`)
      for (const g of groups) {
        const code = p.root.querySelector(`[data-reuse="group:${g}"] [data-embed-code]`)?.text ?? ''
        expect(code, g).toMatch(
          new RegExp(`^<iframe src="${origin}/${l.segment}/embed/${g}/" title="[^"]+" width="100%" height="${embedHeight(l, g)}" loading="lazy" style="border:0"></iframe>$`),
        )
        expect(p.root.querySelector(`[data-reuse="group:${g}"] [data-embed-dark]`)?.text, g).toContain('#dark')
      }
    })
  }
})
