import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { FONT_FAMILY } from '../../src/open-data/fonts'
import { eachPng, FONT_FILES, type Png, pngStats, renderPngs, svgCharacters } from '../../src/open-data/png'
import { cardText, shareCardSvg } from '../../src/open-data/share-card'
import { figureSvg, svgFontStack } from '../../src/open-data/standalone-svg'

const made: string[] = []
const cacheDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'png-test-')))
  return made.at(-1)!
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})
const decode = (png: Buffer) => PNG.sync.read(png)
const site = new URL('https://example.org')

/** Pixels darker than mid grey inside a rectangle. */
function darkPixels(image: PNG, box = { x: 0, y: 0, width: image.width, height: image.height }): number {
  let n = 0
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * image.width + x) * 4
      if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 3 * 128) n++
    }
  return n
}

const textSvg = (text: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" font-family="${family}"><text x="10" y="50" font-size="32" font-weight="bold">${text}</text></svg>`

describe('the PNG renderer', () => {
  let views: SiteViews
  beforeAll(async () => {
    views = buildSiteViews(await loadSiteContent(createLocalSource()))
  })

  it("renders a figure's standalone SVG at 2×, on white, with ink on it", async () => {
    for (const locale of locales) {
      const view = views[locale.id]
      const svg = figureSvg(view, { what: 'metric', item: view.metrics.find((m) => m.slug === 'foundry-market-share')! }, site)
      const [width, height] = [Number(/ width="(\d+)"/.exec(svg)![1]), Number(/ height="(\d+)"/.exec(svg)![1])]
      const image = decode((await renderPngs([{ svg, zoom: 2 }], { cacheDir: cacheDir() }))[0]!)
      expect([image.width, image.height], locale.tag).toEqual([2 * width, 2 * height])
      expect([...image.data.subarray(0, 4)], 'the corner is opaque white').toEqual([255, 255, 255, 255])
      expect(darkPixels(image), locale.tag).toBeGreaterThan(2000)
    }
  })

  it('draws Chinese and English titles with the npm fonts: the text area differs from the same SVG without text', async () => {
    for (const [text, family] of [
      ['六大核心戰略產業', FONT_FAMILY.chinese],
      ['Six Core Industries', FONT_FAMILY.latin],
    ] as const) {
      const [withText, without] = await renderPngs(
        [
          { svg: textSvg(text, family), zoom: 1 },
          { svg: textSvg('', family), zoom: 1 },
        ],
        { cacheDir: cacheDir() },
      )
      const area = { x: 10, y: 15, width: 300, height: 45 }
      expect(darkPixels(decode(without!), area), text).toBe(0)
      expect(darkPixels(decode(withText!), area), text).toBeGreaterThan(500)
    }
  })

  it('loads fonts from the npm packages only, never the machine: a family only the machine has draws with the npm fonts', async () => {
    const project = realpathSync(resolve('node_modules'))
    for (const file of FONT_FILES) {
      expect(realpathSync(file).startsWith(join(project, '@expo-google-fonts') + sep), file).toBe(true)
      expect(file).toMatch(/\.ttf$/)
    }
    // DejaVu Serif is on Debian machines (fonts-dejavu-core); resvg must not find it (loadSystemFonts: false), so
    // the text falls back to the default npm face and looks exactly as when that face is named.
    const [system, npm] = await renderPngs(
      [
        { svg: textSvg('Sample', 'DejaVu Serif'), zoom: 1 },
        { svg: textSvg('Sample', FONT_FAMILY.latin), zoom: 1 },
      ],
      { cacheDir: cacheDir() },
    )
    expect(Buffer.compare(decode(system!).data, decode(npm!).data)).toBe(0)
  })

  it('caches by input: the same SVG again is a hit, another zoom a miss; a whole run keeps only its own PNGs', async () => {
    const dir = cacheDir()
    const job = { svg: textSvg('快取', FONT_FAMILY.chinese), zoom: 1 }
    const [first] = await renderPngs([job], { cacheDir: dir })
    expect(pngStats).toMatchObject({ hits: 0, misses: 1 })
    const [again] = await renderPngs([job], { cacheDir: dir })
    expect(pngStats).toMatchObject({ hits: 1, misses: 0 })
    expect(again!.equals(first!)).toBe(true)
    await renderPngs([{ ...job, zoom: 2 }], { cacheDir: dir, whole: true })
    expect(pngStats).toMatchObject({ hits: 0, misses: 1 })
    expect(readdirSync(join(dir, 'png'))).toHaveLength(1)
  })

  it('hands a PNG with the cache file that holds it, drawn or found, with the same bytes', async () => {
    const dir = cacheDir()
    const job = () => ({ svg: textSvg('連結', FONT_FAMILY.chinese), zoom: 1 })
    const got: Png[] = []
    await eachPng([job], (_, png) => got.push(png), { cacheDir: dir })
    expect(pngStats).toMatchObject({ hits: 0, misses: 1 })
    const drawn = got[0]!
    expect(drawn.cacheFile).toBe(join(dir, 'png', readdirSync(join(dir, 'png'))[0]!))
    expect(readFileSync(drawn.cacheFile!).equals(drawn.bytes)).toBe(true)

    await eachPng([job], (_, png) => got.push(png), { cacheDir: dir })
    expect(pngStats).toMatchObject({ hits: 1, misses: 0 })
    expect(got[1]!.cacheFile).toBe(drawn.cacheFile)
    expect(got[1]!.bytes.equals(drawn.bytes)).toBe(true)
  })

  it('draws a batch on worker threads, byte for byte what it draws one picture at a time', async () => {
    const svgs = ['半導體', 'Foundry', '市占率 75%'].map(
      (text) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-size="20">${text}</text></svg>`,
    )
    const batch = await renderPngs(
      svgs.map((svg) => ({ svg, zoom: 1 })),
      { cacheDir: cacheDir() },
    )
    expect(pngStats.threads).toBeGreaterThan(0)
    for (const [i, svg] of svgs.entries()) {
      const [alone] = await renderPngs([{ svg, zoom: 1 }], { cacheDir: cacheDir() })
      expect(pngStats.threads, 'one picture is drawn here').toBe(0)
      expect(Buffer.compare(batch[i]!, alone!), `picture ${i}`).toBe(0)
    }
  })

  it('cuts the fonts to the characters of the SVGs, entities decoded', () => {
    const chars = svgCharacters(['<svg><text>市占率&#xFF1A;75&#37;</text></svg>'])
    // ASCII always (labels resvg makes itself), plus the text's own characters, each once: no markup.
    expect([...chars].filter((c) => c.charCodeAt(0) > 126).join('')).toBe([...'市占率：'].sort().join(''))
    expect(new Set(chars).size).toBe([...chars].length)
    expect(chars).toContain('%')
  })
})

describe('standalone SVG fonts', () => {
  it('English names a Latin font first, Chinese a CJK font first; both name the npm families', () => {
    const first = (stack: string) => stack.split(',')[0]!.trim().replace(/'/g, '')
    expect(first(svgFontStack('en'))).toBe(FONT_FAMILY.latin)
    expect(first(svgFontStack('zh-TW'))).toBe(FONT_FAMILY.chinese)
    for (const stack of [svgFontStack('en'), svgFontStack('zh-TW')]) {
      expect(stack).toContain(`'${FONT_FAMILY.chinese}'`)
      expect(stack).toContain(`'${FONT_FAMILY.latin}'`)
      expect(stack.endsWith('sans-serif')).toBe(true)
    }
  })
})

describe('share cards', () => {
  let views: SiteViews
  beforeAll(async () => {
    views = buildSiteViews(await loadSiteContent(createLocalSource()))
  })

  it('escape CMS text: a hostile title stays text of a well-formed SVG', async () => {
    const hostile = `</text><script>alert("x")</script> & 'quotes'`
    const card = { ...cardText(views, '/en/policy/', site)!, title: [hostile] }
    const svg = shareCardSvg(card, locales[1]!)
    const errors: string[] = []
    const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(svg, 'image/svg+xml')
    expect(errors).toEqual([])
    expect(doc.getElementsByTagName('script').length).toBe(0)
    expect(
      Array.from(doc.getElementsByTagName('text'))
        .map((t) => t.textContent)
        .join(''),
    ).toContain('<script>')
    const image = decode((await renderPngs([{ svg, zoom: 1 }], { cacheDir: cacheDir() }))[0]!)
    expect([image.width, image.height]).toEqual([1200, 630])
  })

  it("say what the page is in the page's language, and a figure's card carries its chart", () => {
    expect(cardText(views, '/zh-tw/industries/', site)!.kind).toBe('產業')
    expect(cardText(views, '/en/metrics/foundry-market-share/', site)).toMatchObject({ kind: 'Figures', lang: 'en', figure: { what: 'metric' } })
    const root = cardText(views, '/', site)!
    expect(root.title).toEqual(locales.map((l) => views[l.id].settings.title.value))
    expect(cardText(views, '/en/no-such-page/', site)).toBeUndefined()
  })
})
