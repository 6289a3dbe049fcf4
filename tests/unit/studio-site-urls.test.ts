/** "Open on the site": where each document type appears on the site, in each language. */
import { describe, expect, it } from 'vitest'
import { normalizeSiteUrl, resolveSiteUrl, siteLinks, sitePaths, typesOnSite } from '../../studio/lib/siteUrls'
import { documentTypes } from '../../schemas'
import { locales } from '../../schemas/locales'

const slug = (current: string) => ({ _type: 'slug', current })
const paths = (doc: Parameters<typeof sitePaths>[0]) => {
  const result = sitePaths(doc)
  if ('reason' in result) throw new Error(`no path: ${result.reason}`)
  return Object.fromEntries(result.links.map((l) => [l.locale.segment, l.path]))
}

describe('site URL map', () => {
  it.each([
    ['industry', slug('cybersecurity'), '/zh-tw/industries/cybersecurity/', '/en/industries/cybersecurity/'],
    ['metric', slug('foundry-market-share'), '/zh-tw/metrics/foundry-market-share/', '/en/metrics/foundry-market-share/'],
    ['section', slug('background'), '/zh-tw/policy/#background', '/en/policy/#background'],
    ['glossaryTerm', slug('beri'), '/zh-tw/glossary/#beri', '/en/glossary/#beri'],
    ['metricGroup', slug('investment-plan'), '/zh-tw/metrics/#investment-plan', '/en/metrics/#investment-plan'],
    ['policy', undefined, '/zh-tw/policy/', '/en/policy/'],
    ['siteSettings', undefined, '/zh-tw/', '/en/'],
    ['timelineEvent', undefined, '/zh-tw/#timeline', '/en/#timeline'],
  ])('%s → %s and %s', (type, s, zh, en) => {
    expect(paths({ _type: type, slug: s })).toEqual({ 'zh-tw': zh, en })
  })

  it('gives one link per locale, in the order of schemas/locales.ts', () => {
    const result = sitePaths({ _type: 'industry', slug: slug('cybersecurity') })
    expect('links' in result && result.links.map((l) => l.locale.id)).toEqual(locales.map((l) => l.id))
  })

  it('covers every document type except sources (cited, not pages)', () => {
    expect([...typesOnSite].sort()).toEqual(documentTypes.filter((t) => t !== 'source').sort())
    expect(sitePaths({ _type: 'source' })).toEqual({ reason: 'not-on-site' })
    expect(sitePaths({ _type: 'sanity.imageAsset' })).toEqual({ reason: 'not-on-site' })
  })

  it('asks for a slug where the page needs one', () => {
    for (const type of ['industry', 'metric', 'section', 'glossaryTerm', 'metricGroup']) {
      expect(sitePaths({ _type: type })).toEqual({ reason: 'missing-slug' })
      expect(sitePaths({ _type: type, slug: slug('  ') })).toEqual({ reason: 'missing-slug' })
    }
    // A slug on a fixed page does not change it.
    expect(paths({ _type: 'policy', slug: slug('ignored') })).toEqual({ 'zh-tw': '/zh-tw/policy/', en: '/en/policy/' })
  })

  it('escapes a slug that is not URL-safe instead of breaking the URL', () => {
    expect(paths({ _type: 'industry', slug: 'a b/c' }).en).toBe('/en/industries/a%20b%2Fc/')
  })
})

describe('site URL', () => {
  it('normalizes http(s) URLs and drops trailing slashes, queries and fragments', () => {
    expect(normalizeSiteUrl('https://example.org/')).toBe('https://example.org')
    expect(normalizeSiteUrl(' https://example.org/six-core/?x=1#y ')).toBe('https://example.org/six-core')
    expect(normalizeSiteUrl('http://localhost:4321')).toBe('http://localhost:4321')
  })

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', '/relative', '', '   ', undefined, null, 42])('refuses %s', (value) => {
    expect(normalizeSiteUrl(value)).toBeUndefined()
  })

  it('prefers SANITY_STUDIO_SITE_URL, falls back to siteSettings.siteUrl, skips unusable values', () => {
    expect(resolveSiteUrl('http://localhost:4321', 'https://example.org')).toBe('http://localhost:4321')
    expect(resolveSiteUrl(undefined, 'https://example.org/')).toBe('https://example.org')
    expect(resolveSiteUrl('javascript:alert(1)', 'https://example.org')).toBe('https://example.org')
    expect(resolveSiteUrl(undefined, undefined)).toBeUndefined()
  })

  it('builds absolute links in both languages', () => {
    const result = siteLinks({ _type: 'industry', slug: slug('cybersecurity') }, 'https://example.org/base/')
    expect('links' in result && result.links.map((l) => l.url)).toEqual([
      'https://example.org/base/zh-tw/industries/cybersecurity/',
      'https://example.org/base/en/industries/cybersecurity/',
    ])
    const withoutBase = siteLinks({ _type: 'policy' }, undefined)
    expect('links' in withoutBase && withoutBase.links.every((l) => l.url === undefined)).toBe(true)
  })
})
