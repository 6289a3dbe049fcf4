/**
 * Figures that travel, on the built site in both languages: on a figure's page each download
 * link names its file (this figure's CSV, its chart, its ZIP, its JSON; all N figures apart,
 * N counted from the dataset) and the file it points to exists; no citation anywhere in dist
 * (pages, JSON, the ZIPs' READMEs) leaves a placeholder for the reader; the licence is in the
 * footer of every page, in the JSON-LD and in each feed's <rights>.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { licenceOf } from '../../schemas/licences'
import { locales } from '../../schemas/locales'
import { allPages, datasetDocs, embedPages, datasetSlugs, distDir, fileForPath, listFiles, page } from './site-lib'

const dir = distDir()
const licence = licenceOf((datasetDocs('siteSettings')[0] as { licence?: string }).licence)
const figureCount = datasetSlugs('metric').length
// A citation that leaves something for the reader to fill in (tests/unit/open-data-reuse.test.ts
// shows it catches the placeholders the citations used to carry).
const PLACEHOLDER = /\[[^\]]*(date|access|retriev|fill)[^\]]*\]|〔[^〕]*(日期|填入|檢索)[^〕]*〕|Y{4}|M{2}-D{2}|urldate/i

describe('download links say which file they download', () => {
  for (const l of locales) {
    it(`${l.segment}: a figure's page links its own CSV, chart, ZIP and JSON, and all ${figureCount} figures apart`, () => {
      for (const slug of datasetSlugs('metric')) {
        const p = page(dir, `/${l.segment}/metrics/${slug}/`)
        const link = (file: string) => p.root.querySelector(`[data-reuse="metric:${slug}"] a[data-file="${file}"]`)
        const own = {
          csv: `/data/metrics/${slug}.${l.segment}.csv`,
          svg: `/data/metrics/${slug}.${l.segment}.svg`,
          zip: `/data/metrics/${slug}.${l.segment}.zip`,
          json: `/data/metrics/${slug}.json`,
        }
        for (const [kind, href] of Object.entries(own)) {
          expect(link(kind)?.getAttribute('href'), `${slug} ${kind}`).toBe(href)
          expect(fileForPath(dir, href), href).toBeDefined()
        }
        expect(link('csv')!.text, slug).toContain(l.id === 'en' ? 'this figure’s CSV' : '此數據的 CSV')
        expect(link('zip')!.text, slug).toContain('ZIP')
        expect(link('svg')!.text, slug).toContain('SVG')
        expect(link('json')!.text, slug).toContain('JSON')
        const all = p.root.querySelector('a[data-file="all-csv"]')!
        expect(all.getAttribute('href'), slug).toBe('/data/metrics.csv')
        expect(all.text, slug).toContain(l.id === 'en' ? `all ${figureCount} figures (CSV` : `全部 ${figureCount} 項數據（CSV`)
        // The page's own CSV link never downloads every figure, and says it is this figure's.
        expect(link('csv')!.text, slug).not.toMatch(/all|全部/)
      }
    })

    it(`${l.segment}: a chart's links say they are the chart's, with how many figures its CSV holds`, () => {
      const p = page(dir, `/${l.segment}/metrics/`)
      const groups = datasetDocs('metricGroup') as { slug: { current: string }; metrics: unknown[] }[]
      for (const g of groups) {
        const csv = p.root.querySelector(`[data-reuse="group:${g.slug.current}"] a[data-file="csv"]`)
        if (!csv) continue // a chart on a later page of the index
        expect(csv.getAttribute('href')).toBe(`/data/groups/${g.slug.current}.${l.segment}.csv`)
        expect(csv.text).toContain(l.id === 'en' ? `(${g.metrics.length} figures` : `（${g.metrics.length} 項數據`)
      }
    })
  }
})

describe('citations without placeholders, everywhere in dist', () => {
  it('on every page', () => {
    let seen = 0
    for (const p of allPages(dir))
      for (const cite of p.root.querySelectorAll('[data-citation]')) {
        seen++
        expect(cite.text, `${p.path} ${cite.getAttribute('data-citation')}`).not.toMatch(PLACEHOLDER)
      }
    expect(seen).toBeGreaterThan(100)
  })

  it('in every JSON file and every README of every ZIP', () => {
    const files = listFiles(join(dir, 'data'))
    const zips = files.filter((f) => f.endsWith('.zip'))
    expect(zips.length).toBe((datasetSlugs('metric').length + datasetSlugs('metricGroup').length) * locales.length)
    // Every citation text of a JSON file: the strings under any `citation` key, at any depth.
    const citationsIn = (value: unknown, inCitation = false): string[] =>
      typeof value === 'string'
        ? inCitation
          ? [value]
          : []
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, v]) => citationsIn(v, inCitation || key === 'citation'))
          : []
    let seen = 0
    for (const f of files.filter((x) => x.endsWith('.json')))
      for (const cite of citationsIn(JSON.parse(readFileSync(join(dir, 'data', f), 'utf8')))) {
        seen++
        expect(cite, f).not.toMatch(PLACEHOLDER)
      }
    expect(seen).toBeGreaterThan(200)
    for (const f of zips) {
      const readme = strFromU8(unzipSync(readFileSync(join(dir, 'data', f)))['README.txt']!)
      expect(readme, f).not.toMatch(PLACEHOLDER)
      expect(readme, f).toContain(licence.url)
    }
  })
})

describe('the licence', () => {
  for (const l of locales) {
    it(`${l.segment}: named and linked in the footer of every page`, () => {
      const pages = allPages(dir).filter((p) => p.path.startsWith(`/${l.segment}/`) && !p.path.includes('/embed/'))
      expect(pages.length).toBeGreaterThan(10)
      for (const p of pages) {
        const a = p.root.querySelector(`footer [data-licence="${licence.id}"] a[rel="license"]`)
        expect(a?.getAttribute('href'), p.path).toBe(licence.url)
        expect(a?.text, p.path).toBe(licence.name[l.id])
      }
    })

    it(`${l.segment}: on every embed page, under the chart`, () => {
      const embeds = embedPages(dir).filter((p) => p.path.startsWith(`/${l.segment}/`))
      expect(embeds.length).toBeGreaterThan(0)
      for (const p of embeds) {
        const a = p.root.querySelector(`[data-licence="${licence.id}"] a[rel="license"]`)
        expect(a?.getAttribute('href'), p.path).toBe(licence.url)
        expect(a?.text, p.path).toBe(licence.name[l.id])
      }
    })

    it(`${l.segment}: in the JSON-LD of the home page (WebSite) and of every figure (Dataset)`, () => {
      const ld = (path: string) =>
        page(dir, path)
          .root.querySelectorAll('script[type="application/ld+json"]')
          .map((s) => JSON.parse(s.text) as Record<string, unknown>)
      expect(ld(`/${l.segment}/`).find((d) => d['@type'] === 'WebSite')?.license).toBe(licence.url)
      for (const slug of datasetSlugs('metric')) {
        const dataset = ld(`/${l.segment}/metrics/${slug}/`).find((d) => d['@type'] === 'Dataset')
        expect(dataset?.license, slug).toBe(licence.url)
        expect(dataset?.inLanguage, slug).toBe(l.tag)
      }
    })

    it(`${l.segment}: in the feed's <rights>`, () => {
      const doc = new DOMParser().parseFromString(readFileSync(join(dir, l.segment, 'updates.xml'), 'utf8'), 'text/xml')
      const rights = doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'rights')
      expect(rights).toHaveLength(1)
      expect(rights[0]!.textContent).toContain(licence.name[l.id])
      expect(rights[0]!.textContent).toContain(licence.url)
    })
  }
})
