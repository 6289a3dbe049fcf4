/**
 * The Presentation tool's "Used on" list and main documents: every document type of the
 * embedded dataset gets its pages in both languages, from the site's URL map, through the
 * location query as groq-js answers it; every page that is about one document finds it.
 */
import { describe, expect, it } from 'vitest'
import { evaluate, parse } from 'groq-js'
import { documentTypes } from '../../schemas'
import { locales } from '../../schemas/locales'
import { LOCATION_QUERY, previewLocations, type LocatedDocument } from '../../studio/lib/previewLocations'
import { mainDocuments } from '../../studio/presentation'
import { embeddedDataset } from '../support/live-fixtures'

const dataset = embeddedDataset()
const located = async (id: string) => (await (await evaluate(parse(LOCATION_QUERY, { params: { id } }), { dataset, params: { id } })).get()) as LocatedDocument

describe('Presentation locations', () => {
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
