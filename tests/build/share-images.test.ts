/**
 * The pictures the build renders: a PNG of every figure's and group's chart per language, and
 * a share card per page that every page's head links (Open Graph, Twitter).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { allPages, datasetDocs, distDir, fileForPath, page, siteOrigin } from './site-lib'

const dir = distDir()
const origin = siteOrigin(dir)
const slugOf = (d: Record<string, unknown>) => (d.slug as { current: string }).current
const png = (path: string) => PNG.sync.read(readFileSync(join(dir, path)))
/** A PNG's size from its header (signature, then the IHDR chunk), without decoding it. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(join(dir, path))
  expect(bytes.subarray(0, 8).toString('hex'), path).toBe('89504e470d0a1a0a')
  expect(bytes.subarray(12, 16).toString('latin1'), path).toBe('IHDR')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}
const svgSize = (path: string) => {
  const root = /<svg\b[^>]*>/.exec(readFileSync(join(dir, path), 'utf8'))![0]
  return [Number(/ width="(\d+)"/.exec(root)![1]), Number(/ height="(\d+)"/.exec(root)![1])]
}

describe('chart PNGs', () => {
  const figures = [...datasetDocs('metric').map((d) => `metrics/${slugOf(d)}`), ...datasetDocs('metricGroup').map((d) => `groups/${slugOf(d)}`)]

  it('every figure and group has a PNG per language: its SVG at 2× (1280 pixels wide), on white', () => {
    expect(figures.length).toBeGreaterThan(10)
    for (const f of figures)
      for (const l of locales) {
        const image = png(`data/${f}.${l.segment}.png`)
        const [width, height] = svgSize(`data/${f}.${l.segment}.svg`)
        expect([image.width, image.height], `${f} ${l.segment}`).toEqual([2 * width!, 2 * height!])
        expect(image.width).toBe(1280)
        expect([...image.data.subarray(0, 4)], `${f} corner`).toEqual([255, 255, 255, 255])
      }
  })

  it("each figure's page links its PNG in the page's language", () => {
    const slug = slugOf(datasetDocs('metric')[0]!)
    for (const l of locales) {
      const link = page(dir, `/${l.segment}/metrics/${slug}/`).root.querySelector(`[data-reuse="metric:${slug}"] a[data-file="png"]`)
      expect(link?.getAttribute('href')).toBe(`/data/metrics/${slug}.${l.segment}.png`)
    }
  })
})

describe('share cards', () => {
  const pages = allPages(dir)
  const meta = (p: ReturnType<typeof page>, key: string) => p.root.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`).map((m) => m.getAttribute('content') ?? '')

  it('every HTML page has og:image pointing to an existing 1200×630 PNG of its own, with size and alt', () => {
    expect(pages.length).toBeGreaterThan(50)
    for (const p of pages) {
      const [image] = meta(p, 'og:image')
      expect(image, p.path).toMatch(new RegExp(`^${origin}/og/.+\\.png$`))
      const file = fileForPath(dir, new URL(image!).pathname)
      expect(file, `${p.path} → ${image}`).toBeTruthy()
      expect(pngSize(file!), image).toEqual([1200, 630])
      expect(meta(p, 'og:image:width'), p.path).toEqual(['1200'])
      expect(meta(p, 'og:image:height'), p.path).toEqual(['630'])
      expect(meta(p, 'og:image:alt')[0], p.path).toBeTruthy()
      expect(meta(p, 'twitter:card'), p.path).toEqual(['summary_large_image'])
      expect(meta(p, 'twitter:image'), p.path).toEqual([image])
    }
  })

  it('cards of different pages differ', () => {
    const byHash = new Map<string, string>()
    for (const p of pages) {
      const image = new URL(meta(p, 'og:image')[0]!).pathname
      const hash = createHash('sha256')
        .update(readFileSync(join(dir, image)))
        .digest('hex')
      const other = byHash.get(hash)
      expect(other === undefined || other === image, `${p.path}: same card as ${other}`).toBe(true)
      byHash.set(hash, image)
    }
    expect(byHash.size).toBe(pages.length)
  })

  it('the root page has the Open Graph and Twitter tags, in both languages', () => {
    const root = page(dir, '/')
    for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image', 'og:locale', 'og:locale:alternate', 'twitter:card', 'twitter:title', 'twitter:image'])
      expect(meta(root, key)[0], key).toBeTruthy()
    expect(meta(root, 'og:url')).toEqual([`${origin}/`])
    expect(meta(root, 'og:locale')).toEqual(['zh_TW'])
    expect(meta(root, 'og:locale:alternate')).toEqual(['en_US'])
  })

  it("a Chinese figure page's description uses Chinese punctuation, an English one English", () => {
    const slug = slugOf(datasetDocs('metric')[0]!)
    const zh = meta(page(dir, `/zh-tw/metrics/${slug}/`), 'og:description')[0]!
    const en = meta(page(dir, `/en/metrics/${slug}/`), 'og:description')[0]!
    expect(zh).toMatch(/^[^:()]+：.+（.+）。$/)
    expect(en).toMatch(/^[^：（]+: .+ \(.+\)\.$/)
  })
})
