/**
 * Sharing without JavaScript (src/components/Share.astro): every page of the localized tree
 * has a link to LINE's share page carrying its canonical address, encoded, and that address
 * in a labelled read-only field to copy by hand; the chart-only embed pages have neither.
 */
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { distDir, embedPages, localizedPages } from './site-lib'

const dir = distDir()

describe('share links', () => {
  for (const l of locales) {
    it(`${l.segment}: a LINE link with the canonical address encoded, and the address in a read-only, labelled field`, () => {
      const pages = localizedPages(dir).filter((p) => p.path.startsWith(`/${l.segment}/`))
      expect(pages.length).toBeGreaterThan(10)
      for (const p of pages) {
        const canonical = p.root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? ''
        expect(canonical, p.path).toMatch(/^https?:\/\//)
        const share = p.root.querySelectorAll('[data-share]')
        expect(share, p.path).toHaveLength(1)
        const line = share[0]!.querySelector('a[data-share-line]')?.getAttribute('href')
        expect(line, p.path).toBe(`https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(canonical)}`)
        expect(new URL(line!).searchParams.get('url'), p.path).toBe(canonical)
        const field = share[0]!.querySelector('input[data-share-address]')!
        expect(field.getAttribute('value'), p.path).toBe(canonical)
        expect(field.hasAttribute('readonly'), p.path).toBe(true)
        const id = field.getAttribute('id')
        expect(share[0]!.querySelector(`label[for="${id}"]`)?.text.trim(), p.path).toBeTruthy()
        // Copying by hand: no script, no form to submit.
        expect(share[0]!.querySelectorAll('script, form, button'), p.path).toHaveLength(0)
      }
    })
  }

  it('embed pages carry no share block', () => {
    for (const p of embedPages(dir)) expect(p.root.querySelector('[data-share]'), p.path).toBeNull()
  })
})
