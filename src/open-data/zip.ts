/**
 * One ZIP per figure and per figure group in each language (`/data/metrics/{slug}.{lang}.zip`,
 * `/data/groups/{slug}.{lang}.zip`), for readers who take a figure away whole: its CSV in that
 * language, its JSON (both languages) and a README.txt in the reader's language saying what the
 * figure is, its source with the address, the as-of date, the licence with its address, how to
 * cite it, and what each CSV column holds.
 *
 * fflate writes the archive; Node's zlib (native code) deflates each entry, through the
 * entry class fflate offers for other compressors: a site has thousands of these small ZIPs, and
 * fflate's own deflate, in JavaScript, was the slower part of making them.
 *
 * A ZIP is named by its entries (`zipKey`) before it is made: the build finds the ZIP an earlier
 * build made of the same entries in its cache and links it, so only changed figures are deflated.
 *
 * Builds must be byte-stable (the build test compares every file with what this code makes):
 * every entry has the same fixed modification time, 1980-01-01 00:00, the earliest a ZIP can
 * record. fflate writes that time from the local clock's fields, so the date is made from local
 * fields too and the bytes are the same in every time zone.
 */
import { deflateRawSync } from 'node:zlib'
import { strToU8, Zip, ZipPassThrough } from 'fflate'
import { locales, type Locale } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import { formatDate } from '../../schemas/i18n/calendar.ts'
import { formatMetricValue } from '../../schemas/i18n/format.ts'
import { t } from '../../schemas/i18n/t.ts'
import { sha256 } from '../utils/hash.ts'
import type { SiteView, SiteViews } from '../content/views.ts'
import { figureCitations, sourceCitation } from './citation.ts'
import { figureCsvColumns } from './csv.ts'
import { figureMetrics, figurePage, uniqueSources, type Figure } from './figure.ts'
import { packageVersion } from './package-version.ts'

/** A ZIP's entries: name and text, in the archive's order. */
export type ZipEntries = [name: string, text: string][]

/** A file the ZIPs add to the site: its path, its type and how to make its entries. */
export interface PlannedZip {
  path: string
  type: string
  entries: () => ZipEntries
}

/**
 * What the bytes of a ZIP depend on besides its entries: the archiver, the deflater, and the
 * options below (change `zip-1` with the compression level or the dates), so that no build links
 * a ZIP made another way.
 */
export const ZIP_FORMAT = ['zip-1', packageVersion('fflate'), `zlib@${process.versions.zlib}`].join(' ')

/** The bytes zipOf makes of these entries, named without making them. */
export const zipKey = (entries: ZipEntries): string => sha256([ZIP_FORMAT, ...entries.flat()].join('\0'))

/** What a figure's ZIP holds besides its README: the CSV in one language and the JSON. */
export interface ZipParts {
  csv(what: Figure['what'], slug: string, locale: Locale): string
  json(what: Figure['what'], slug: string): string
  figure(view: SiteView, what: Figure['what'], slug: string): Figure
}

const ZIP_TYPE = 'application/zip'
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/** Every figure's and group's ZIP in every language. */
export function zipFiles(views: SiteViews, site: URL, slugs: Record<Figure['what'], string[]>, parts: ZipParts): PlannedZip[] {
  return (['metric', 'group'] as const).flatMap((what) =>
    slugs[what].flatMap((slug) =>
      locales.map((locale) => ({
        path: paths.dataFile(what, slug, 'zip', locale),
        type: ZIP_TYPE,
        entries: () => figureZipEntries(views[locale.id], site, what, slug, parts),
      })),
    ),
  )
}

/** What one figure's or group's ZIP in `view`'s language holds: CSV, JSON, README.txt, in that order. */
export function figureZipEntries(view: SiteView, site: URL, what: Figure['what'], slug: string, parts: ZipParts): ZipEntries {
  const locale = view.locale
  const csvName = fileName(paths.dataFile(what, slug, 'csv', locale))
  const jsonName = fileName(paths.dataFile(what, slug, 'json'))
  const readme = figureReadme(view, parts.figure(view, what, slug), site, { csv: csvName, json: jsonName })
  return [
    [csvName, parts.csv(what, slug, locale)],
    [jsonName, parts.json(what, slug)],
    ['README.txt', readme],
  ]
}

/** An entry deflated by zlib at its best compression; fflate adds its size and checksum. */
class ZlibEntry extends ZipPassThrough {
  constructor(name: string) {
    super(name)
    this.compression = 8 // deflate
    // Made per entry from local fields: a date made once would shift if the time zone did.
    this.mtime = new Date(1980, 0, 1, 0, 0, 0)
  }
  override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 9 }), final)
  }
}

/** A ZIP of the named texts, in this order, as bytes on their own ArrayBuffer (what a Response body and a file write take). */
export function zipOf(entries: ZipEntries): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = []
  // fflate calls back at once, within add, push and end: the archive is whole when end returns.
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  for (const [name, text] of entries) {
    const entry = new ZlibEntry(name)
    zip.add(entry)
    entry.push(strToU8(text), true)
  }
  zip.end()
  // Buffer.concat may hand out a slice of Node's shared pool: copied onto a buffer of its own.
  return new Uint8Array(Buffer.concat(chunks))
}

/** The README of a figure's ZIP, in `view`'s language; CRLF line ends, so that every text editor shows its lines. */
export function figureReadme(view: SiteView, figure: Figure, site: URL, names: { csv: string; json: string }): string {
  const locale = view.locale
  const tr = (key: Parameters<typeof t>[1], vars?: Parameters<typeof t>[2]) => t(locale, key, vars)
  const date = (iso: string) => formatDate(iso, locale, view.settings.dateCalendar)
  const title = figure.what === 'metric' ? figure.item.label.value : figure.item.title.value
  const metrics = figureMetrics(figure)
  const values =
    figure.what === 'metric'
      ? [tr('readme.value', { value: formatMetricValue(figure.item, locale), date: date(figure.item.asOf) })]
      : [tr('readme.figures'), ...metrics.map((m) => `- ${m.label.value}: ${formatMetricValue(m, locale)} (${date(m.asOf)})`)]
  const sources = uniqueSources(metrics).flatMap((s) => [tr('readme.source', { source: sourceCitation(view, s) }), ...(s.url ? [tr('readme.sourceUrl', { url: s.url })] : [])])
  const lines = [
    tr('readme.title', { title }),
    tr('readme.from', { site: view.settings.title.value, url: new URL(figurePage(view, figure), site).toString() }),
    '',
    ...values,
    '',
    ...sources,
    '',
    tr('readme.licence', { name: view.settings.licence.name, url: view.settings.licence.url }),
    '',
    tr('readme.cite'),
    figureCitations(view, figure, site).plain,
    '',
    tr('readme.files'),
    tr('readme.csvFile', { file: names.csv }),
    tr('readme.jsonFile', { file: names.json }),
    '',
    tr('readme.columns'),
    ...figureCsvColumns(locale).map(([name, description]) => `${name}: ${description}`),
  ]
  return `${lines.join('\r\n')}\r\n`
}
