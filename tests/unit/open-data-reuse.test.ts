/**
 * Figures that travel, made from the embedded dataset in both languages: every CSV has exactly
 * one header row and numbers that parse as numbers (csv-parse); each figure's and group's ZIP
 * holds its CSV, JSON and a README in the reader's language (unzipped with fflate) and is the
 * same bytes in any time zone; no citation leaves a placeholder for the reader; the licence
 * that Site settings names is in the JSON, CSV, README, SVG and the feed's <rights>.
 */
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { licences } from '../../schemas/licences'
import { locales } from '../../schemas/locales'
import { parseNdjson } from '../../src/content/ndjson'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { updatesFeed } from '../../src/feeds/updates-feed'
import { FIGURE_CSV_COLUMNS } from '../../src/open-data/csv'
import { openDataFile, openDataFiles, type OpenDataFile } from '../../src/open-data/files'

type Doc = Record<string, unknown> & { _id: string }
const site = new URL('https://example.org')
const dataset = () => parseNdjson(readFileSync('content/dataset.ndjson', 'utf8')) as Doc[]
const viewsOf = async (documents: Doc[]) => buildSiteViews(await loadSiteContent(createLocalSource({ documents: documents as never })))
const text = (file: OpenDataFile) => (typeof file.bytes === 'string' ? file.bytes : strFromU8(file.bytes))

// A citation that leaves something for the reader to fill in: a bracketed date or access
// note, 〔…〕 asking for a date, or a date pattern such as YYYY-MM-DD.
const PLACEHOLDER = /\[[^\]]*(date|access|retriev|fill)[^\]]*\]|〔[^〕]*(日期|填入|檢索)[^〕]*〕|Y{4}|M{2}-D{2}|urldate/i

let views: SiteViews
let files: OpenDataFile[]
beforeAll(async () => {
  views = await viewsOf(dataset())
  files = await openDataFiles(views, site)
})
const figureCsvs = () => files.filter((f) => /^\/data\/(metrics|groups)\/.+\.csv$/.test(f.path))

describe('CSV: one header row, numbers as numbers', () => {
  it('every figure and group CSV in both languages: exactly one header, then one row per figure', async () => {
    expect(figureCsvs()).toHaveLength((views.zhTW.metrics.length + views.zhTW.metricGroups.length) * locales.length)
    for (const file of figureCsvs()) {
      const rows = parse(text(file), { bom: true }) as string[][]
      expect(rows[0], file.path).toEqual(FIGURE_CSV_COLUMNS)
      // No second header: every row after the first is a figure, whose id is no column name.
      for (const row of rows.slice(1)) expect(FIGURE_CSV_COLUMNS, file.path).not.toContain(row[0])
      const records = parse(text(file), { bom: true, columns: true, cast: true }) as Record<string, unknown>[]
      expect(records.length, file.path).toBe(rows.length - 1)
      for (const r of records) {
        expect(typeof r.value, `${file.path} ${r.figure_id}`).toBe('number')
        expect(Number.isFinite(r.value), file.path).toBe(true)
      }
    }
  })

  it("text cells are in the file's language; the column names are the same in both", async () => {
    const zh = parse(text((await openDataFile(views, site, '/data/metrics/foundry-market-share.zh-tw.csv'))!), { bom: true, columns: true }) as Record<string, string>[]
    const en = parse(text((await openDataFile(views, site, '/data/metrics/foundry-market-share.en.csv'))!), { bom: true, columns: true }) as Record<string, string>[]
    expect(zh[0]!.label).toMatch(/[\u4e00-\u9fff]/)
    expect(en[0]!.label).not.toMatch(/[\u4e00-\u9fff]/)
    expect(Object.keys(zh[0]!)).toEqual(Object.keys(en[0]!))
    expect([zh[0]!.value, en[0]!.value]).toEqual(['75', '75'])
    expect(zh[0]!.license).toBe(licences['OGDL-Taiwan-1.0'].name.zhTW)
    expect(en[0]!.license).toBe(licences['OGDL-Taiwan-1.0'].name.en)
    expect(en[0]!.license_url).toBe('https://data.gov.tw/license')
  })

  it('/data/metrics.csv: one header of snake_case names, numbers as numbers, every figure once', async () => {
    const file = files.find((f) => f.path === '/data/metrics.csv')!
    const [header, ...rows] = parse(text(file), { bom: true }) as string[][]
    for (const name of header!) expect(name).toMatch(/^[a-z][a-z0-9_]*$/)
    expect(header).toContain('label_zh_tw')
    expect(header).toContain('label_en')
    expect(rows).toHaveLength(views.zhTW.metrics.length)
    const records = parse(text(file), { bom: true, columns: true, cast: true }) as Record<string, unknown>[]
    for (const r of records) expect(typeof r.value, String(r.figure_id)).toBe('number')
  })
})

describe('ZIP per figure and group, per language', () => {
  const zipOf = async (path: string) => {
    const file = await openDataFile(views, site, path)
    if (!file || typeof file.bytes === 'string') throw new Error(`no ZIP at ${path}`)
    return file
  }

  it('every figure and group has one in each language', async () => {
    const zips = files.filter((f) => f.path.endsWith('.zip'))
    expect(zips).toHaveLength((views.zhTW.metrics.length + views.zhTW.metricGroups.length) * locales.length)
    for (const zip of zips) expect(zip.type, zip.path).toBe('application/zip')
  })

  for (const l of locales) {
    it(`${l.segment}: a figure's ZIP holds its CSV, JSON and a README in the reader's language`, async () => {
      const entries = unzipSync((await zipOf(`/data/metrics/foundry-market-share.${l.segment}.zip`)).bytes as Uint8Array)
      expect(Object.keys(entries)).toEqual([`foundry-market-share.${l.segment}.csv`, 'foundry-market-share.json', 'README.txt'])
      const csv = parse(strFromU8(entries[`foundry-market-share.${l.segment}.csv`]!), { bom: true, columns: true, cast: true }) as Record<string, unknown>[]
      expect(csv.map((r) => [r.figure_id, r.value])).toEqual([['foundry-market-share', 75]])
      const json = JSON.parse(strFromU8(entries['foundry-market-share.json']!))
      expect(json.license).toEqual({
        id: 'OGDL-Taiwan-1.0',
        name: { 'zh-TW': licences['OGDL-Taiwan-1.0'].name.zhTW, en: licences['OGDL-Taiwan-1.0'].name.en },
        url: 'https://data.gov.tw/license',
      })
      const readme = strFromU8(entries['README.txt']!)
      const metric = views[l.id].metrics.find((m) => m.slug === 'foundry-market-share')!
      expect(readme).toContain(metric.label.value)
      expect(readme).toContain(`${l.id === 'en' ? 'Licence: ' : '授權條款：'}${licences['OGDL-Taiwan-1.0'].name[l.id]}`)
      expect(readme).toContain('https://data.gov.tw/license')
      if (metric.source.url) expect(readme).toContain(metric.source.url)
      expect(readme).toContain(l.id === 'en' ? 'April 2020' : '民國 109 年 4 月')
      expect(readme).toContain(`https://example.org/${l.segment}/metrics/foundry-market-share/`)
      expect(readme).toContain(l.id === 'en' ? 'How to cite:' : '引用方式：')
      for (const column of FIGURE_CSV_COLUMNS) expect(readme).toContain(`\r\n${column}: `)
      expect(readme).not.toMatch(PLACEHOLDER)
    })
  }

  it("a group's ZIP holds every figure of the group", async () => {
    const group = views.en.metricGroups[0]!
    const entries = unzipSync((await zipOf(`/data/groups/${group.slug}.en.zip`)).bytes as Uint8Array)
    const csv = parse(strFromU8(entries[`${group.slug}.en.csv`]!), { bom: true, columns: true }) as Record<string, string>[]
    expect(csv.map((r) => r.figure_id)).toEqual(group.metrics.map((m) => m.slug))
    const readme = strFromU8(entries['README.txt']!)
    for (const m of group.metrics) expect(readme).toContain(m.label.value)
  })

  it('is the same bytes whatever the time zone of the machine that builds', async () => {
    const before = process.env.TZ
    try {
      process.env.TZ = 'UTC'
      const utc = (await zipOf('/data/metrics/foundry-market-share.en.zip')).bytes
      process.env.TZ = 'Pacific/Kiritimati'
      const far = (await zipOf('/data/metrics/foundry-market-share.en.zip')).bytes
      expect(Buffer.from(far).equals(Buffer.from(utc))).toBe(true)
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })
})

describe('citations without placeholders', () => {
  it('no citation of any figure or group, in either language, asks the reader to fill something in', async () => {
    const jsons = files.filter((f) => /^\/data\/(metrics|groups)\/[^/]+\.json$/.test(f.path))
    expect(jsons.length).toBeGreaterThan(30)
    for (const file of jsons) {
      const { citation } = JSON.parse(text(file)) as { citation: Record<string, Record<string, string>> }
      for (const [tag, styles] of Object.entries(citation))
        for (const [style, value] of Object.entries(styles)) expect(value, `${file.path} ${tag} ${style}`).not.toMatch(PLACEHOLDER)
    }
  })

  it('the pattern catches the placeholders these citations used to carry', async () => {
    for (const old of ['Retrieved [date accessed], from', '檢索日期：〔請填入檢索日期〕', '  urldate = {YYYY-MM-DD},']) expect(old).toMatch(PLACEHOLDER)
    for (const fine of ['[Data set]', '〔資料集〕', '(2026, November 28)']) expect(fine).not.toMatch(PLACEHOLDER)
  })

  it('the plain citation names the licence', async () => {
    const json = JSON.parse(text((await openDataFile(views, site, '/data/metrics/foundry-market-share.json'))!))
    for (const l of locales) expect(json.citation[l.tag].plain).toContain(licences['OGDL-Taiwan-1.0'].name[l.id])
  })
})

describe('the licence Site settings names', () => {
  let cc: SiteViews
  beforeAll(async () => {
    cc = await viewsOf(dataset().map((d) => (d._id === 'siteSettings' ? { ...d, licence: 'CC-BY-4.0' } : d)))
  })

  it('OGDL-Taiwan-1.0 when none is set', async () => {
    const none = await viewsOf(dataset().map((d) => (d._id === 'siteSettings' ? { ...d, licence: undefined } : d)))
    expect(none.en.settings.licence).toEqual({ id: 'OGDL-Taiwan-1.0', name: 'Open Government Data License, version 1.0', url: 'https://data.gov.tw/license' })
  })

  it('CC-BY-4.0 when picked: in the JSON, the CSV, the README, the SVG and metrics.json', async () => {
    const url = 'https://creativecommons.org/licenses/by/4.0/'
    const json = JSON.parse(text((await openDataFile(cc, site, '/data/groups/semiconductor-market-share.json'))!))
    expect(json.license).toMatchObject({ id: 'CC-BY-4.0', url })
    expect(JSON.parse(text((await openDataFile(cc, site, '/data/metrics.json'))!)).license).toMatchObject({ id: 'CC-BY-4.0', url })
    const [row] = parse(text((await openDataFile(cc, site, '/data/metrics/foundry-market-share.zh-tw.csv'))!), { bom: true, columns: true }) as Record<string, string>[]
    expect([row!.license, row!.license_url]).toEqual([licences['CC-BY-4.0'].name.zhTW, url])
    const zip = (await openDataFile(cc, site, '/data/metrics/foundry-market-share.en.zip'))!.bytes as Uint8Array
    expect(strFromU8(unzipSync(zip)['README.txt']!)).toContain(`Licence: ${licences['CC-BY-4.0'].name.en}, ${url}`)
    const svg = text((await openDataFile(cc, site, '/data/metrics/foundry-market-share.en.svg'))!)
    const svgText = Array.from(new DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('text'))
      .map((t) => t.textContent)
      .join(' ')
    expect(svgText.replace(/\s+/g, '')).toContain(`Licence:${licences['CC-BY-4.0'].name.en}(${url})`.replace(/\s+/g, ''))
  })

  it("each feed's <rights> names the licence and its address, in the feed's language", async () => {
    for (const l of locales) {
      const atom = new DOMParser().parseFromString(updatesFeed(cc[l.id], site), 'application/xml')
      const rights = atom.getElementsByTagName('rights')[0]?.textContent ?? ''
      expect(rights, l.tag).toContain(licences['CC-BY-4.0'].name[l.id])
      expect(rights, l.tag).toContain('https://creativecommons.org/licenses/by/4.0/')
    }
  })
})
