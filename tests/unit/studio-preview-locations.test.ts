/**
 * The Presentation tool's "Used on" list and main documents: every document lists the pages
 * the site's build.json gives it (made here by the build's own manifest code from the page
 * layer), and only a document build.json does not know falls back to the URL map, titled so;
 * every document type of the embedded dataset also gets its pages in both languages from that
 * map, through the location query as groq-js answers it; every page that is about one document
 * finds it.
 */
import { describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import { documentTypes } from '../../schemas'
import { locales } from '../../schemas/locales'
import { buildManifest } from '../../scripts/lib/build-manifest'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews } from '../../src/content/views'
import { allPages } from '../../src/page-model'
import { FALLBACK_TITLES, LOCATION_QUERY, previewLocations, type LocatedDocument } from '../../studio/lib/previewLocations'
import type { ManifestState } from '../../studio/lib/siteStatus'
import { mainDocuments } from '../../studio/presentation'
import { embeddedDataset } from '../support/live-fixtures'

const dataset = embeddedDataset()
const located = async (id: string) => (await (await evaluate(parse(LOCATION_QUERY, { params: { id } }), { dataset, params: { id } })).get()) as LocatedDocument

describe('Presentation locations from build.json', () => {
  const content = loadSiteContent(createLocalSource({ documents: dataset }))
  const site = async () => {
    const views = buildSiteViews(await content)
    const manifest = buildManifest({ builtAt: new Date(), origin: { kind: 'dataset', file: null }, changes: (await content).changes, views })
    return { views, state: { status: 'ok', manifest } satisfies ManifestState }
  }

  it('lists exactly the pages the page layer says show each document', async () => {
    const { views, state } = await site()
    const pages = allPages(views)
    for (const doc of dataset) {
      const expected = [...new Set(pages.filter((p) => p.documents.includes(doc._id)).map((p) => p.path))].sort()
      const result = previewLocations(await located(doc._id), doc._id, state)
      if (doc._id === 'siteSettings') {
        // In every page's chrome, declared by none: its places are the home pages, by address.
        expect(expected).toEqual([])
        expect('locations' in result && result.locations.map((l) => l.href)).toEqual(locales.map((l) => `/${l.segment}/`))
        continue
      }
      if (expected.length === 0) {
        expect(result, doc._id).toEqual({ message: expect.stringMatching(/No page of the site shows/) })
        continue
      }
      expect('locations' in result && result.message, doc._id).toBeFalsy()
      expect('locations' in result && result.locations.map((l) => l.href).sort(), doc._id).toEqual(expected)
    }
  })

  it("puts a figure's own page first in each language, named; a source is listed where figures cite it", async () => {
    const { state } = await site()
    const metric = dataset.find((d) => d._type === 'metric')!
    const slug = (metric.slug as { current: string }).current
    const labels = metric.label as Record<string, string>
    const result = previewLocations(await located(metric._id), metric._id, state)
    if (!('locations' in result)) throw new Error(JSON.stringify(result))
    const first = locales.map((l) => result.locations.find((x) => x.href.startsWith(`/${l.segment}/`)))
    expect(first).toEqual(locales.map((l) => ({ title: `${l.label} · ${labels[l.id]}`, href: `/${l.segment}/metrics/${slug}/` })))
    expect(result.locations.length).toBeGreaterThan(2)
    // Other pages (an industry, the figures index…) carry their path after the language.
    for (const l of result.locations) expect(l.title).toMatch(/^(繁體中文|English) · /)
    const sourceId = (metric.source as { _ref: string })._ref
    const cited = previewLocations(await located(sourceId), sourceId, state)
    expect('locations' in cited && cited.locations.map((l) => l.href)).toEqual(expect.arrayContaining(locales.map((l) => `/${l.segment}/metrics/${slug}/`)))
  })

  it('falls back to the URL map, and says so, for a document build.json does not know or when it cannot be read', async () => {
    const { state } = await site()
    const fresh: LocatedDocument = { _type: 'industry', slug: { current: 'new-industry' }, name: { zhTW: '新產業', en: 'A new industry' } }
    expect(previewLocations(fresh, 'industry-new', state)).toEqual({
      message: FALLBACK_TITLES.notBuilt,
      tone: 'caution',
      locations: locales.map((l) => ({ title: `${l.label} · ${l.id === 'en' ? 'A new industry' : '新產業'}`, href: `/${l.segment}/industries/new-industry/` })),
    })
    expect(previewLocations(fresh, 'industry-new', { status: 'error', error: 'HTTP 404' })).toMatchObject({ message: FALLBACK_TITLES.unreadable, tone: 'caution' })
    // Still loading, or no site to ask: the URL map, as before build.json existed.
    expect(previewLocations(fresh, 'industry-new', { status: 'loading' })).not.toHaveProperty('message')
    expect(previewLocations(fresh, 'industry-new')).not.toHaveProperty('message')
  })
})

describe('Presentation locations by the URL map (no build.json)', () => {
  it.each(documentTypes.map((type) => [type]))('every %s lists its pages in both languages', async (type) => {
    const docs = dataset.filter((d) => d._type === type)
    expect(docs.length, `the dataset has a ${type}`).toBeGreaterThan(0)
    for (const doc of docs) {
      const result = previewLocations(await located(doc._id))
      // A source that nothing cites is shown nowhere on the site, and says so.
      const cited = type !== 'source' || dataset.some((d) => (d.source as { _ref?: string } | undefined)?._ref === doc._id)
      if (!cited) {
        expect(result, doc._id).toEqual({ message: expect.stringMatching(/No figure cites/) })
        continue
      }
      expect('locations' in result, `${doc._id}: ${JSON.stringify(result)}`).toBe(true)
      if (!('locations' in result)) continue
      for (const locale of locales) {
        const mine = result.locations.filter((l) => l.href.startsWith(`/${locale.segment}/`))
        expect(mine.length, `${doc._id} in ${locale.tag}`).toBeGreaterThan(0)
        for (const l of mine) expect(l.title.startsWith(`${locale.label} · `)).toBe(true)
      }
    }
  })

  it('names an industry in each language and links its page', async () => {
    const industry = dataset.find((d) => d._type === 'industry')!
    const slug = (industry.slug as { current: string }).current
    const names = industry.name as Record<string, string>
    expect(previewLocations(await located(industry._id))).toEqual({
      locations: locales.map((l) => ({ title: `${l.label} · ${names[l.id]}`, href: `/${l.segment}/industries/${slug}/` })),
    })
  })

  it('lists a source on the pages of the figures that cite it', async () => {
    const metric = dataset.find((d) => d._type === 'metric')!
    const sourceId = (metric.source as { _ref: string })._ref
    const result = previewLocations(await located(sourceId))
    const slug = (metric.slug as { current: string }).current
    expect('locations' in result && result.locations.map((l) => l.href)).toEqual(expect.arrayContaining(locales.map((l) => `/${l.segment}/metrics/${slug}/`)))
  })

  it('says why there is no page: unsaved, no slug', () => {
    expect(previewLocations(null)).toEqual({ message: expect.stringMatching(/not published or saved/) })
    expect(previewLocations({ _type: 'industry' })).toEqual({ message: expect.stringMatching(/slug/) })
    expect(previewLocations({ _type: 'source', citedBy: [] })).toEqual({ message: expect.stringMatching(/No figure/) })
  })
})

describe('Presentation main documents', () => {
  // The routes use only `:name` segments; the Presentation tool matches them with URLPattern
  // (not in Node 22), which for such routes is this regular expression.
  const match = (route: string, path: string) => {
    const names: string[] = []
    const segment = (_: string, name: string) => {
      names.push(name)
      return '([^/]+)'
    }
    const pattern = new RegExp(`^${route.replace(/:(\w+)/g, segment)}$`)
    const found = pattern.exec(path)
    return found ? Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])) : undefined
  }
  const resolve = (path: string) => {
    for (const resolver of mainDocuments) {
      for (const route of [resolver.route].flat()) {
        const params = match(route, path)
        if (params) return { filter: resolver.filter as string, params }
      }
    }
    return undefined
  }
  const documentAt = async (path: string) => {
    const found = resolve(path)
    if (!found) return undefined
    const query = `*[${found.filter}][0]._id`
    return (await evaluate(parse(query, { params: found.params }), { dataset, params: found.params })).get()
  }
  it.each(locales.map((l) => [l.segment]))('in %s: industry, figure, policy and home pages open their document', async (segment) => {
    const industry = dataset.find((d) => d._type === 'industry')!
    const metric = dataset.find((d) => d._type === 'metric')!
    await expect(documentAt(`/${segment}/industries/${(industry.slug as { current: string }).current}/`)).resolves.toBe(industry._id)
    await expect(documentAt(`/${segment}/metrics/${(metric.slug as { current: string }).current}/`)).resolves.toBe(metric._id)
    await expect(documentAt(`/${segment}/policy/`)).resolves.toBe('policy')
    await expect(documentAt(`/${segment}/`)).resolves.toBe('siteSettings')
    expect(resolve(`/${segment}/glossary/`)).toBeUndefined()
  })
})
