/**
 * Build-time bar charts: Apache ECharts' server-side SVG renderer, no browser, no script
 * shipped. The SVG is post-processed so its colours follow the page (light, dark, print):
 * ECharts draws with sentinel colours, which become `currentColor` (text) and
 * `data-chart="bar|track|axis|halo"` hooks (with a plain fallback colour) that
 * src/components/chart/chart.css paints with CSS custom properties (CSS rules beat SVG
 * presentation attributes).
 *
 * Rendering is memoized by input: identical specs (same labels, values, texts, locale and
 * size) render once per process, i.e. once per build, however many pages show the chart.
 */
import { createRequire } from 'node:module'
import { sha256 } from '../utils/hash.ts'
import { openChartDiskCache, type ChartDiskCache } from './disk-cache.ts'
// This file's own source: part of the disk cache's version, so any change to the layout or
// the post-processing below invalidates charts rendered by earlier builds.
import renderSource from './render.ts?raw'

/** One bar. */
export interface BarRow {
  /** The category label, already localized. */
  label: string
  /** The number the bar's length shows. */
  value: number
  /** The value as text beside the bar, already formatted for the locale ("> 80%"). */
  text: string
}

/** Everything a chart depends on: the memo key. */
export interface BarChartSpec {
  /** The accessible name of the SVG (`aria-label`). */
  ariaLabel: string
  /** BCP-47 tag of the chart's language, for `lang` on the SVG. */
  lang: string
  rows: BarRow[]
  /** Axis maximum (100 for percent); defaults to the largest value. */
  max?: number
  /**
   * `bar` (default): bar length is the value. `rank`: a dot on a track from 1 (left) to
   * `max`, since a longer bar for a worse place would mislead.
   */
  kind?: 'bar' | 'rank'
  /** For `rank`: the end labels of the track ("No. 1", "No. 10"). */
  trackLabels?: [string, string]
  /** viewBox width; the SVG scales to its container. */
  width?: number
}

// Sentinel colours ECharts draws with, replaced after rendering.
const TEXT = '#010203'
const BAR = '#0a0b0c'
const AXIS = '#0d0e0f'
const TRACK = '#0e0f10'
const HALO = '#0f1011'

const FONT_SIZE = 14
const LINE_HEIGHT = 18
const BAR_HEIGHT = 16
const ROW_GAP = 14
const PAD = 4

const cacheKey = Symbol.for('six-industries.chart-cache')
type Cache = { svgs: Map<string, string>; renders: number; requests: number; disk?: ChartDiskCache | null; diskFile?: string }
const globalStore = globalThis as unknown as Record<symbol, Cache | undefined>
// On globalThis, so two copies of this module in one build (e.g. two bundles) share it.
const cache: Cache = (globalStore[cacheKey] ??= { svgs: new Map(), renders: 0, requests: 0 })

const require = createRequire(import.meta.url)

type ECharts = typeof import('echarts')
let echartsModule: ECharts | undefined
/**
 * ECharts, loaded on the first chart the caches do not have (a build whose charts all come
 * from the disk cache never loads it). Its own single-file build, not the tree-shakable
 * `echarts/core` + `echarts/charts`: the modular package is hundreds of files, each resolved
 * through Vite's and Tailwind's module hooks at render time; the single file loads at once and
 * renders byte-identical SVG.
 */
function echarts(): ECharts {
  return (echartsModule ??= require('echarts/dist/echarts.min.js') as ECharts)
}

/** The version of rendered charts: this file's source and the ECharts version. */
export const chartRendererVersion = sha256(`${renderSource}\u0000echarts@${(require('echarts/package.json') as { version: string }).version}`).slice(0, 16)

/**
 * Once per process (a flag on globalThis, like the cache): at exit, the disk cache is written
 * back, and with CHART_STATS=1 (`CHART_STATS=1 npx astro build`) the memoization is reported:
 * "[charts] 46 requested, 14 rendered".
 */
const exitHook = Symbol.for('six-industries.chart-exit-hook')
if (!(globalStore as Record<symbol, unknown>)[exitHook]) {
  ;(globalStore as Record<symbol, unknown>)[exitHook] = true
  process.once('exit', () => {
    cache.disk?.flush()
    if (process.env.CHART_STATS) console.log(`[charts] ${cache.requests} requested, ${cache.renders} rendered`)
  })
}

/** The disk cache of charts from earlier builds (src/charts/disk-cache.ts), opened on first use. */
function diskCache(): ChartDiskCache | undefined {
  // null: looked for and turned off (not looked for again on every chart).
  if (cache.disk === undefined) cache.disk = openChartDiskCache(chartRendererVersion, undefined, cache.diskFile) ?? null
  return cache.disk ?? undefined
}

/**
 * Names this process's disk cache file (before its first chart). Each process keeps only the
 * charts it used, so two processes of one build (Astro's pages, the build's own files) sharing
 * one file would each drop the other's charts and render them again on the next build.
 */
export function setChartDiskCacheFile(name: string): void {
  cache.diskFile = name
}

/**
 * Whether earlier builds left charts for this renderer in this process's disk cache. Without
 * them every chart is drawn anew, which is most of the memory the build's files take.
 */
export function hasChartsFromEarlierBuilds(): boolean {
  return (diskCache()?.stats().loaded ?? 0) > 0
}

/** How many charts were asked for and how many were actually rendered in this process. */
export function chartStats(): { requests: number; renders: number; cached: number } {
  return { requests: cache.requests, renders: cache.renders, cached: cache.svgs.size }
}

/** Forget rendered charts (tests); the disk cache is dropped unwritten and opened again on next use. */
export function clearChartCache(): void {
  cache.disk = undefined
  cache.svgs.clear()
  cache.renders = 0
  cache.requests = 0
}

/** A rough text width in px: CJK and full-width glyphs are 1em, others about 0.6em. */
export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code >= 0x2e80 && code <= 0xffef && !(code >= 0xff61 && code <= 0xff9f)) em += 1
    else if (ch === ' ') em += 0.3
    else if (/[A-Z0-9$%]/.test(ch)) em += 0.65
    else em += 0.55
  }
  return em * fontSize
}

/**
 * Breaks a label into lines no wider than `max` px: at spaces for words, anywhere between
 * CJK characters (which is how Chinese wraps), never inside a Latin word.
 */
export function wrapLabel(text: string, max: number, fontSize = FONT_SIZE): string[] {
  const tokens = text.match(/[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+/g) ?? [text]
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const candidate = line + token
    if (line.trim() !== '' && estimateTextWidth(candidate.trimEnd(), fontSize) > max) {
      lines.push(line.trimEnd())
      line = token.trimStart()
    } else {
      line = candidate
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd())
  return lines.length > 0 ? lines : ['']
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The layout a spec gets: exported for tests. */
export function layoutFor(spec: BarChartSpec) {
  const width = spec.width ?? 320
  const labelLines = spec.rows.map((r) => wrapLabel(r.label, width - 2 * PAD))
  const maxLines = Math.max(1, ...labelLines.map((l) => l.length))
  const rowHeight = maxLines * LINE_HEIGHT + PAD + BAR_HEIGHT + ROW_GAP
  // Value labels are bold: about 12% wider than the estimate for regular text.
  const valueWidth = Math.max(...spec.rows.map((r) => estimateTextWidth(r.text) * 1.12)) + 3 * PAD
  const height = spec.rows.length * rowHeight + PAD + (spec.kind === 'rank' ? LINE_HEIGHT + PAD : 0)
  return { width, height, rowHeight, labelLines, valueWidth: Math.ceil(Math.min(valueWidth, width * 0.6)) }
}

function render(spec: BarChartSpec): string {
  if (spec.rows.length === 0) throw new Error(`The chart "${spec.ariaLabel}" has no rows. Hint: a figure group needs at least two figures.`)
  for (const row of spec.rows) {
    if (!Number.isFinite(row.value)) throw new Error(`The chart "${spec.ariaLabel}" has a bar "${row.label}" without a number.`)
  }
  const { width, height, rowHeight, labelLines, valueWidth } = layoutFor(spec)
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      silent: true,
      textStyle: { fontFamily: 'inherit', fontSize: FONT_SIZE, color: TEXT },
      grid: { left: PAD, right: valueWidth, top: PAD / 2, bottom: spec.kind === 'rank' ? PAD / 2 + LINE_HEIGHT + PAD : PAD / 2, containLabel: false },
      xAxis:
        spec.kind === 'rank'
          ? {
              type: 'value',
              min: 0.5,
              max: rankMax(spec) + 0.5,
              axisLine: { show: false },
              axisTick: { show: false },
              splitLine: { show: false },
              // The scale of the track, once, under the last row: "No. 1" … "No. 10".
              axisLabel: {
                show: Boolean(spec.trackLabels),
                customValues: [1, rankMax(spec)],
                formatter: (v: number) => (v === 1 ? spec.trackLabels?.[0] : spec.trackLabels?.[1]) ?? '',
                color: TEXT,
                fontSize: FONT_SIZE - 2,
              },
            }
          : { type: 'value', show: false, min: 0, max: spec.max ?? 'dataMax' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labelLines.map((lines) => lines.join('\n')),
        axisTick: { show: false },
        axisLine: { show: true, lineStyle: { color: AXIS, width: 1 } },
        axisLabel: {
          inside: true,
          verticalAlign: 'bottom',
          lineHeight: LINE_HEIGHT,
          padding: [0, 0, BAR_HEIGHT / 2 + PAD, 0],
          color: TEXT,
          fontSize: FONT_SIZE,
          margin: PAD,
        },
      },
      series: spec.kind === 'rank' ? rankSeries(spec, rowHeight) : barSeries(spec, rowHeight),
    })
    const raw = chart.renderToSVGString({ useViewBox: true })
    return postProcess(raw, spec)
  } finally {
    chart.dispose()
  }
}

function valueLabel(spec: BarChartSpec) {
  return {
    show: true,
    position: 'right' as const,
    distance: PAD,
    color: TEXT,
    fontSize: FONT_SIZE,
    fontWeight: 'bold' as const,
    formatter: (p: { dataIndex: number }) => spec.rows[p.dataIndex]?.text ?? '',
  }
}

function barSeries(spec: BarChartSpec, rowHeight: number) {
  return [
    {
      type: 'bar' as const,
      data: spec.rows.map((r) => r.value),
      barWidth: BAR_HEIGHT,
      // The bar sits in the lower part of its row, the label above it.
      barCategoryGap: rowHeight - BAR_HEIGHT,
      itemStyle: { color: BAR },
      emphasis: { disabled: true },
      label: valueLabel(spec),
    },
  ]
}

function rankMax(spec: BarChartSpec): number {
  return spec.max ?? Math.max(...spec.rows.map((r) => r.value))
}

/** Ranks: a thin track across the row and a dot at the place; "No. 1" sits at the left end. */
function rankSeries(spec: BarChartSpec, rowHeight: number) {
  const max = rankMax(spec) + 0.5
  return [
    {
      type: 'bar' as const,
      data: spec.rows.map(() => max),
      barWidth: 2,
      barCategoryGap: rowHeight - 2,
      itemStyle: { color: TRACK },
      emphasis: { disabled: true },
      label: { show: false },
    },
    {
      type: 'scatter' as const,
      data: spec.rows.map((r, i) => [r.value, i]),
      symbol: 'circle',
      symbolSize: BAR_HEIGHT,
      itemStyle: { color: BAR },
      emphasis: { disabled: true },
      // A halo in the background colour keeps the label readable where it crosses the track.
      label: { ...valueLabel(spec), textBorderColor: HALO, textBorderWidth: 4 },
    },
  ]
}

/** The CSS properties ECharts writes on text that SVG also has as presentation attributes. */
const PRESENTATION = new Set(['font-size', 'font-weight', 'font-style', 'font-family', 'fill', 'stroke', 'opacity', 'dominant-baseline', 'text-anchor'])

/** `font-size:14px;font-weight:bold;` → ` font-size="14px" font-weight="bold"`; anything else is a renderer change to look at. */
function styleToAttributes(css: string): string {
  return css
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const [name = '', ...value] = declaration.split(':')
      const property = name.trim().toLowerCase()
      if (!PRESENTATION.has(property))
        throw new Error(`ECharts wrote the style "${declaration}", which has no SVG attribute here. Hint: map it in src/charts/render.ts styleToAttributes.`)
      return ` ${property}="${escapeAttr(value.join(':').trim())}"`
    })
    .join('')
}

/** Sentinel colours to CSS, no hover styles or ECharts metadata, accessible root. */
function postProcess(svg: string, spec: BarChartSpec): string {
  const out = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    // Invisible hit areas for pointer events: nothing to hit in a static chart.
    .replace(/<path\b[^>]*fill="none" pointer-events="visible"><\/path>\n?/g, (m) => (m.includes('stroke=') ? m : ''))
    .replace(/\s(?:ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/fill="(?:#010203|rgba?\(1,\s*2,\s*3(?:,\s*1)?\))"/gi, 'fill="currentColor"')
    .replace(/fill="(?:#0a0b0c|rgba?\(10,\s*11,\s*12(?:,\s*1)?\))"/gi, 'fill="#3563c9" data-chart="bar"')
    .replace(/fill="(?:#0e0f10|rgba?\(14,\s*15,\s*16(?:,\s*1)?\))"/gi, 'fill="#888" data-chart="track"')
    .replace(/stroke="(?:#0f1011|rgba?\(15,\s*16,\s*17(?:,\s*1)?\))"/gi, 'stroke="#fff" data-chart="halo"')
    .replace(/stroke="(?:#0d0e0f|rgba?\(13,\s*14,\s*15(?:,\s*1)?\))"/gi, 'stroke="#888" data-chart="axis"')
    .replace(/font-family:inherit;?/g, '')
    // Inline style attributes would need 'unsafe-inline' under the site's CSP: the few text
    // properties ECharts writes become SVG presentation attributes, which CSP does not govern.
    .replace(/\sstyle="([^"]*)"/g, (_, css: string) => styleToAttributes(css))
  if (/#010203|#0a0b0c|#0d0e0f|#0e0f10|#0f1011/i.test(out))
    throw new Error('A chart colour was not mapped to CSS (an ECharts output change?). Hint: check src/charts/render.ts postProcess.')
  return out.replace(
    /^<svg\b/,
    `<svg role="img" aria-label="${escapeAttr(spec.ariaLabel)}" lang="${escapeAttr(spec.lang)}" focusable="false" class="echarts-chart" data-chart-renderer="echarts"`,
  )
}

/**
 * The chart as an SVG string, rendered once per distinct spec: memoized in this process, and
 * across builds by the disk cache (src/charts/disk-cache.ts).
 */
export function renderBarChart(spec: BarChartSpec): string {
  cache.requests += 1
  const key = JSON.stringify(spec)
  let svg = cache.svgs.get(key)
  if (svg === undefined) {
    const disk = diskCache()
    svg = disk?.get(key)
    if (svg === undefined) {
      svg = render(spec)
      cache.renders += 1
      disk?.set(key, svg)
    }
    cache.svgs.set(key, svg)
  }
  return svg
}
