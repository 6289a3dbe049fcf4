/**
 * A chart as a file of its own: the site's ECharts SVG (src/charts/render.ts) inside an SVG
 * document that also carries the title, the unit, the sources and the page's address as text,
 * on a white background, with the colours written out (no page CSS to paint it) and a font
 * stack that falls back well for Chinese. Nothing in it refers outside the file: no fonts,
 * stylesheets, images or links.
 */
import { groupChartSpec } from '../charts/metricGroupChart.ts'
import { renderBarChart, wrapLabel, type BarChartSpec } from '../charts/render.ts'
import type { MetricGroupView, SiteView } from '../content/views.ts'
import { formatDate } from '../../schemas/i18n/calendar.ts'
import { t } from '../../schemas/i18n/t.ts'
import { sourceCitation } from './citation.ts'
import { FONT_FAMILY } from './fonts.ts'
import { figurePage, licenceLine, uniqueSources, unitText, type Figure } from './figure.ts'

const LATIN_FONTS = `'${FONT_FAMILY.latin}', 'Helvetica Neue', Arial`
const CJK_FONTS = `'${FONT_FAMILY.chinese}', 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', 'Heiti TC'`

/**
 * Fonts tried in order, for a text in `lang`: English names a Latin face first (a CJK face
 * first would draw its quotes and punctuation full width), Chinese a CJK face first (its
 * punctuation is the Chinese one); each names the npm fonts' families (src/open-data/png.ts)
 * and the usual faces on Linux, macOS and Windows, then any sans-serif.
 */
export const svgFontStack = (lang: string): string => (/^zh\b/i.test(lang) ? `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif` : `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`)

const WIDTH = 640
const PAD = 20
const INK = '#1f2328'
const MUTED = '#4a5058'

/** The parts of a standalone chart. */
export interface StandaloneChart {
  /** BCP-47 tag of the text. */
  lang: string
  title: string
  /** Lines under the title (unit, date). */
  subtitle: string[]
  chart: BarChartSpec
  /** Lines under the chart (sources, reuse terms, the page's address). */
  footer: string[]
}

/** Text made safe for an SVG document's text and attribute values. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Text lines, each wrapped to the width, from `y` on; returns the markup and the next free y. */
function textBlock(lines: string[], y: number, size: number, options: { weight?: string; fill: string }): { markup: string; y: number } {
  const lineHeight = Math.round(size * 1.4)
  let markup = ''
  for (const line of lines.flatMap((l) => wrapLabel(l, WIDTH - 2 * PAD, size))) {
    y += lineHeight
    markup += `<text x="${PAD}" y="${y}" font-size="${size}"${options.weight ? ` font-weight="${options.weight}"` : ''} fill="${options.fill}">${escapeXml(line)}</text>`
  }
  return { markup, y }
}

/**
 * A chart rendered by src/charts/render.ts, placed at (x, y) inside another SVG document, in
 * `box` (width × height, scaled to fit) or at its own size (`scale`: rendered that many times
 * smaller and drawn enlarged, for bigger text); returns the markup and its height.
 * `color` gives its currentColor text the ink. Renderers other than browsers (librsvg) clip a
 * nested <svg> at its box and ignore dominant-baseline: the chart may overflow, and its
 * labels' baselines are set with `dy` (0.35em puts the middle of the text on `y`, as
 * `central` does in browsers).
 */
export function placeChart(spec: BarChartSpec, x: number, y: number, box: { width: number; height?: number; scale?: number }): { markup: string; height: number } {
  const scale = box.scale ?? 1
  const inner = renderBarChart({ ...spec, width: box.width / scale })
  const root = /^<svg\b[^>]*>/.exec(inner)?.[0] ?? ''
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1]
  const natural = Number(attr('height') ?? 0) * scale
  const height = Math.min(natural, box.height ?? natural)
  // Shrunk to fit the box: drawn from its top left corner, its proportions kept.
  const fit = height < natural ? ' preserveAspectRatio="xMinYMin meet"' : ''
  const markup = inner
    .replace(
      /^<svg\b[^>]*>/,
      `<svg x="${x}" y="${y}" width="${Number(attr('width')) * scale}" height="${height}" viewBox="${attr('viewBox') ?? ''}"${fit} color="${INK}" overflow="visible">`,
    )
    .replace(/ dominant-baseline="central"/g, ' dy="0.35em"')
  return { markup, height }
}

/** The standalone SVG document. */
export function standaloneChartSvg(parts: StandaloneChart): string {
  const title = textBlock([parts.title], PAD - 4, 20, { weight: 'bold', fill: INK })
  const subtitle = textBlock(parts.subtitle, title.y + 2, 14, { fill: MUTED })
  const chartY = subtitle.y + 14
  const { markup: chart, height: innerHeight } = placeChart(parts.chart, PAD, chartY, { width: WIDTH - 2 * PAD })
  const footer = textBlock(parts.footer, chartY + innerHeight + 8, 12, { fill: MUTED })
  const height = Math.ceil(footer.y + PAD)
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xml:lang="${escapeXml(parts.lang)}" role="img" aria-labelledby="chart-title chart-desc" font-family="${escapeXml(svgFontStack(parts.lang))}">` +
    `<title id="chart-title">${escapeXml(parts.title)}</title>` +
    `<desc id="chart-desc">${escapeXml(parts.chart.ariaLabel)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    title.markup +
    subtitle.markup +
    chart +
    footer.markup +
    `</svg>\n`
  )
}

/** A figure as a group of one, or the group: what its chart shows. */
export const figureGroup = (figure: Figure): MetricGroupView =>
  figure.what === 'group' ? figure.item : { id: figure.item.id, slug: figure.item.slug, title: figure.item.label, summary: figure.item.label, metrics: [figure.item] }

/** A figure's or group's chart as a standalone SVG document in `view`'s language. */
export function figureSvg(view: SiteView, figure: Figure, site: URL | string): string {
  const locale = view.locale
  const group = figureGroup(figure)
  const first = group.metrics[0]!
  const asOf = [...new Set(group.metrics.map((m) => m.asOf))].map((d) => formatDate(d, locale, view.settings.dateCalendar)).join(', ')
  const sources = uniqueSources(group.metrics).map((s) => sourceCitation(view, s))
  const licence = licenceLine(view)
  return standaloneChartSvg({
    lang: locale.tag,
    title: group.title.value,
    subtitle: [`${t(locale, 'svg.unit', { unit: unitText(view, first) })} · ${t(locale, 'figure.asOf', { date: asOf })}`],
    chart: groupChartSpec(group, locale),
    footer: [
      sources.length === 1 ? t(locale, 'figure.source', { source: sources[0]! }) : t(locale, 'svg.sources', { sources: sources.join('; ') }),
      licence,
      view.settings.title.value,
      new URL(figurePage(view, figure), site).toString(),
    ],
  })
}
