/**
 * Every file a reader can take away, made from the views: per figure and per figure group
 * `{slug}.json` (both languages: the record from the open data plus its scale, the licence
 * and its citations), and `{slug}.{lang}.csv`, `{slug}.{lang}.svg`, `{slug}.{lang}.png` (the
 * SVG rendered at 2×) and `{slug}.{lang}.zip` (src/open-data/zip.ts) per language; plus
 * /data/metrics.csv and /data/metrics.json with every figure; the search's term table per
 * language (search-terms.ts); and every page's share card (share-card.ts). The build writes them all
 * next to the pages (scripts/build.ts, phase `files`); the preview server answers one at a
 * time (src/preview/open-data-files.ts). Paths come from the site's URL map.
 *
 * Nothing here loads content: the caller passes the views (published content only, so the
 * files never carry the preview's edit marks) and the site's address.
 */
import { locales, type Locale } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import { hasChartsFromEarlierBuilds } from '../charts/render.ts'
import type { SiteView, SiteViews } from '../content/views.ts'
import { figureCitations } from './citation.ts'
import { figureCsv, metricsCsv } from './csv.ts'
import { collectWhenGrown } from './heap.ts'
import type { Figure } from './figure.ts'
import { byCodePoint, openDataModel, type OpenDataModel, type OpenMetric } from './model.ts'
import { eachPng, type PngJob } from './png.ts'
import { searchTermFiles } from './search-terms.ts'
import { shareCards } from './share-card.ts'
import { figureSvg } from './standalone-svg.ts'
import { zipFiles, zipKey, zipOf, type ZipEntries } from './zip.ts'

/** One file to take away: its path on the site, its content (text, or bytes for a ZIP or PNG) and its Content-Type. */
export interface OpenDataFile {
  path: string
  bytes: string | Uint8Array
  type: string
  /** A file in the build's cache with exactly these bytes (a PNG): the build links it instead of writing a copy. */
  cacheFile?: string
  /**
   * Names the bytes without making them (a ZIP: its entries, zip.ts `zipKey`): the build links
   * the file an earlier build stored under this key, and reads `bytes` only when there is none.
   */
  key?: string
}

const TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', svg: 'image/svg+xml; charset=utf-8', png: 'image/png' }

/** Pixels per SVG unit of a chart's PNG: 640 units wide, 1280 pixels. */
export const CHART_PNG_ZOOM = 2

/** A file not made yet: its path and type, and how to make it (a text, a ZIP's entries, or a picture to render). */
type Planned = { path: string; type: string } & ({ make: () => string } | { entries: () => ZipEntries } | { render: () => PngJob })

/**
 * Writes every file to take away: each is handed to `write` as soon as it is made (in no set
 * order), so a whole site's files never sit in memory together. Returns how many.
 */
export async function writeOpenDataFiles(views: SiteViews, site: URL, write: (file: OpenDataFile) => void, options: { drawAfter?: Promise<unknown> } = {}): Promise<number> {
  const planned = plan(views, site)
  await make(planned, write, { whole: true, ...options })
  return planned.length
}

/** Every file to take away, sorted by path (for tests: a whole site's files, in memory). */
export async function openDataFiles(views: SiteViews, site: URL): Promise<OpenDataFile[]> {
  const files: OpenDataFile[] = []
  await writeOpenDataFiles(views, site, (file) => files.push(file))
  return files.sort((a, b) => byCodePoint(a.path, b.path))
}

/** The one file at `path`, made alone; undefined when the site has no such file. */
export async function openDataFile(views: SiteViews, site: URL, path: string): Promise<OpenDataFile | undefined> {
  const planned = plan(views, site).find((p) => p.path === path)
  let file: OpenDataFile | undefined
  if (planned)
    await make(
      [planned],
      (made) => {
        file = made
      },
      { whole: false },
    )
  return file
}

/** Makes the texts one by one, then the pictures (png.ts), handing each file to `write`. */
async function make(planned: Planned[], write: (file: OpenDataFile) => void, options: { whole: boolean; drawAfter?: Promise<unknown> }): Promise<void> {
  // With no charts from earlier builds (a first build, a new renderer, the cache off), every
  // chart is drawn here: like the pictures, that waits until Astro is done, so the two never
  // hold their memory at once. A warm cache draws the few changed charts beside Astro.
  if (options.drawAfter && !hasChartsFromEarlierBuilds()) await options.drawAfter
  const pictures: Extract<Planned, { render: unknown }>[] = []
  for (const p of planned) {
    if ('make' in p) write({ path: p.path, type: p.type, bytes: p.make() })
    else if ('entries' in p) write(zipFile(p.path, p.type, p.entries()))
    else pictures.push(p)
    collectWhenGrown()
  }
  await eachPng(
    pictures.map((p) => p.render),
    (i, png) =>
      write({
        path: pictures[i]!.path,
        type: pictures[i]!.type,
        cacheFile: png.cacheFile,
        // Read only by a caller that asks: the build links the cache file.
        get bytes() {
          return png.bytes
        },
      }),
    options,
  )
}

/** A ZIP, named by its entries and deflated only when its bytes are asked for. */
function zipFile(path: string, type: string, entries: ZipEntries): OpenDataFile {
  let bytes: Uint8Array<ArrayBuffer> | undefined
  return {
    path,
    type,
    key: zipKey(entries),
    get bytes() {
      bytes ??= zipOf(entries)
      return bytes
    },
  }
}

function plan(views: SiteViews, site: URL): Planned[] {
  const model = openDataModel(views, site)
  // A figure's JSON goes into its own file and into its ZIP in each language, its CSV into its
  // file and its ZIP: each is made once and kept for the phase (texts, small beside the pictures).
  const made = new Map<string, string>()
  const once = (key: string, make: () => string) => made.get(key) ?? made.set(key, make()).get(key)!
  const csvOf = (what: Figure['what'], slug: string, l: Locale) =>
    once(`${what}/${slug}.${l.id}.csv`, () => figureCsv(metricsOf(model, what, slug), l, views[l.id].settings.licence))
  const jsonOf = (what: Figure['what'], slug: string) => once(`${what}/${slug}.json`, () => figureJson(model, what, slug, site))
  const perFigure = (what: Figure['what'], slugs: string[]): Planned[] =>
    slugs.flatMap((slug) => [
      { path: paths.dataFile(what, slug, 'json'), type: TYPES.json, make: () => jsonOf(what, slug) },
      ...locales.flatMap((l) => {
        const view = views[l.id]
        const figure = () => figureIn(model, view, what, slug)
        return [
          { path: paths.dataFile(what, slug, 'csv', l), type: TYPES.csv, make: () => csvOf(what, slug, l) },
          { path: paths.dataFile(what, slug, 'svg', l), type: TYPES.svg, make: () => figureSvg(view, figure(), site) },
          { path: paths.dataFile(what, slug, 'png', l), type: TYPES.png, render: () => ({ svg: figureSvg(view, figure(), site), zoom: CHART_PNG_ZOOM }) },
        ]
      }),
    ])
  const all: Planned[] = [
    { path: paths.dataCsv(), type: TYPES.csv, make: () => metricsCsv(model.metricSlugs.map((slug) => model.metric(slug)!)) },
    { path: paths.dataJson(), type: TYPES.json, make: () => metricsJson(model) },
    ...perFigure('metric', model.metricSlugs),
    ...perFigure('group', model.groupSlugs),
    ...searchTermFiles(views).map((f) => ({ ...f, type: TYPES.json })),
    ...zipFiles(
      views,
      site,
      { metric: model.metricSlugs, group: model.groupSlugs },
      {
        csv: csvOf,
        json: jsonOf,
        figure: (view, what, slug) => figureIn(model, view, what, slug),
      },
    ),
    ...shareCards(views, site).map((card) => ({ path: card.path, type: TYPES.png, render: () => ({ svg: card.svg(), zoom: 1 }) })),
  ]
  return all
}

function figureIn(model: OpenDataModel, view: SiteView, what: Figure['what'], slug: string): Figure {
  return what === 'metric' ? { what, item: model.inView(view, what, slug)! } : { what, item: model.inView(view, what, slug)! }
}

/** The figures a file holds: one, or the group's in its order. */
function metricsOf(model: OpenDataModel, what: Figure['what'], slug: string): OpenMetric[] {
  const slugs = what === 'metric' ? [slug] : model.group(slug)!.metrics
  return slugs.map((s) => model.metric(s)!)
}

const json = (body: unknown) => `${JSON.stringify(body, null, 2)}\n`

/** The JSON of a figure or group, both languages. */
function figureJson(model: OpenDataModel, what: Figure['what'], slug: string, site: URL): string {
  const first = model.first
  const metrics = metricsOf(model, what, slug)
  const group = what === 'group' ? model.group(slug)! : undefined
  const common = {
    languages: locales.map((l) => l.tag),
    // Values are in full units: the quantity is value × scale, in the unit (percent points, days, a rank, a count, money in the currency).
    scale: 1,
    license: { id: first.settings.licence.id, name: model.perView((v) => v.settings.licence.name), url: first.settings.licence.url },
    permalink: group ? group.pages : metrics[0]!.pages,
    citation: model.perView((v) => figureCitations(v, figureIn(model, v, what, slug), site)),
  }
  return json(group ? { ...group, ...common, figures: metrics } : { ...metrics[0]!, ...common })
}

/** /data/metrics.json: every figure and group, sorted by slug; no timestamps, so identical content gives an identical file. */
function metricsJson(model: OpenDataModel): string {
  const licence = model.first.settings.licence
  return json({
    description:
      "Figures from the National Development Council's policy brief on Taiwan's Six Core Strategic Industries, with their sources. " +
      'Values are in full units (75 = 75%, 1700000000000 = NT$1.7 trillion); comparator says how the number relates to the figure (exact, about, over, atLeast).',
    languages: locales.map((l) => l.tag),
    license: { id: licence.id, name: model.perView((v) => v.settings.licence.name), url: licence.url },
    metrics: model.metricSlugs.map((slug) => model.metric(slug)!),
    groups: model.groupSlugs.map((slug) => model.group(slug)!),
  })
}
