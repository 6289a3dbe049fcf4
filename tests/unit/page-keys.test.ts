/**
 * Cache keys of incrementally built pages (src/content/page-keys.ts): equal for equal content,
 * different for any change a page would show, including inside Maps and shared objects; the
 * layout's slice and the link targets hold exactly what they are meant to.
 */
import { describe, expect, it } from 'vitest'
import type { PortableTextBlock } from '@portabletext/types'
import { buildSiteView, loadSiteContent, type SiteView } from '../../src/content/load'
import { layoutView, linkTargets, pageCacheKey } from '../../src/content/page-keys'
import { createLocalSource } from '../../src/content/source'
import { baseDataset } from '../fixtures/base'
import type { Localized } from '../../src/content/localize'

const figure = (value: number) => ({ slug: 'a', value, label: { value: 'A', locale: 'en', fallback: false } })

describe('pageCacheKey', () => {
  it('is the same for equal props, even as different objects', () => {
    expect(pageCacheKey({ metric: figure(1), n: 2 })).toBe(pageCacheKey({ metric: figure(1), n: 2 }))
  })

  it('changes with any value inside the props, however deep', () => {
    const base = pageCacheKey({ metric: figure(1), groups: [{ metrics: [figure(1)] }] })
    expect(pageCacheKey({ metric: figure(2), groups: [{ metrics: [figure(1)] }] })).not.toBe(base)
    expect(pageCacheKey({ metric: figure(1), groups: [{ metrics: [figure(2)] }] })).not.toBe(base)
    expect(pageCacheKey({ metric: figure(1), groups: [] })).not.toBe(base)
    expect(pageCacheKey({ metric: figure(1), groups: [{ metrics: [figure(1)] }], total: 6 })).not.toBe(base)
  })

  it('tells props apart by name, not only by value', () => {
    expect(pageCacheKey({ a: 1, b: 2 })).not.toBe(pageCacheKey({ a: 2, b: 1 }))
    expect(pageCacheKey({ a: 1, b: 2 })).toBe(pageCacheKey({ b: 2, a: 1 }))
  })

  it('sees what a Map holds (JSON alone would write every Map as {})', () => {
    const links = (slug: string) => new Map([['glossaryTerm-x', { type: 'glossaryTerm', slug }]])
    expect(pageCacheKey({ links: links('x') })).toBe(pageCacheKey({ links: links('x') }))
    expect(pageCacheKey({ links: links('x') })).not.toBe(pageCacheKey({ links: links('y') }))
    expect(pageCacheKey({ links: links('x') })).not.toBe(pageCacheKey({ links: new Map() }))
  })

  it('changes with whether the build is a drafts preview (every page then carries a banner)', async () => {
    // The build inputs are read once per process: check in a fresh module instance.
    const { vi } = await import('vitest')
    vi.resetModules()
    vi.stubEnv('SANITY_PROJECT_ID', 'p1')
    vi.stubEnv('SANITY_DATASET', 'production')
    vi.stubEnv('SANITY_PERSPECTIVE', 'drafts')
    try {
      const fresh = await import('../../src/content/page-keys')
      expect(fresh.pageCacheKey({ metric: figure(1) })).not.toBe(pageCacheKey({ metric: figure(1) }))
    } finally {
      vi.unstubAllEnvs()
      vi.resetModules()
    }
  })
})

describe('layoutView and linkTargets', () => {
  it('the layout slice holds the locale, the site settings and the brief source, and nothing else', async () => {
    const view: SiteView = buildSiteView(await loadSiteContent(createLocalSource({ documents: baseDataset() })), 'en')
    const layout = layoutView(view)
    expect(Object.keys(layout).sort()).toEqual(['locale', 'policy', 'settings'])
    expect(Object.keys(layout.policy)).toEqual(['source'])
    expect(layout.settings).toBe(view.settings)
    expect(layout.policy.source).toBe(view.policy.source)
  })

  it('link targets are the documents a body links to, a draft id finding its published document', () => {
    const body = {
      value: [
        { _type: 'block', _key: 'b', children: [], markDefs: [{ _type: 'internalLink', _key: 'l1', reference: { _ref: 'drafts.glossaryTerm-x' } }, { _type: 'internalLink', _key: 'l2', reference: { _ref: 'metric-a' } }] },
      ] as unknown as PortableTextBlock[],
      locale: 'en',
      lang: 'en',
      fallback: false,
    } as Localized<PortableTextBlock[]>
    const documentsById: SiteView['documentsById'] = new Map([
      ['glossaryTerm-x', { type: 'glossaryTerm', slug: 'x' }],
      ['metric-a', { type: 'metric', slug: 'a' }],
      ['metric-b', { type: 'metric', slug: 'b' }],
    ])
    const targets = linkTargets(body, documentsById)
    expect([...targets.keys()]).toEqual(['glossaryTerm-x', 'metric-a'])
    expect(linkTargets(undefined, documentsById).size).toBe(0)
  })
})
