import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import { chartRendererVersion, chartStats, clearChartCache, estimateTextWidth, renderBarChart, wrapLabel, type BarChartSpec } from '../../src/charts/render'
import { openChartDiskCache } from '../../src/charts/disk-cache'
import { cacheFolder } from '../../src/utils/cache-folder'
import { assertOneUnit, groupChartSpec, groupRows } from '../../src/charts/metricGroupChart'
import type { MetricGroupView, MetricView } from '../../src/content/views'

const EN = getLocale('en')
const ZH = getLocale('zhTW')

const loc = <T>(value: T, locale: 'zhTW' | 'en' = 'en') => ({ value, locale, lang: locale === 'en' ? 'en' : 'zh-TW', fallback: false })
const source = { id: 's', publisher: loc('P'), title: loc('T'), date: '2020' }
function metric(slug: string, over: Partial<MetricView> = {}): MetricView {
  return { id: slug, slug, label: loc(slug), value: 1, comparator: 'exact', unit: 'percent', asOf: '2020', source, industries: [], groups: [], ...over }
}
function group(metrics: MetricView[]): MetricGroupView {
  return { id: 'g', slug: 'g', title: loc('Group'), summary: loc('Summary'), metrics }
}

const spec: BarChartSpec = {
  ariaLabel: 'Shares & "ranks" <test>',
  lang: 'en',
  rows: [
    { label: 'Foundry output: global market share', value: 75, text: '75%' },
    { label: 'IC packaging & testing', value: 56, text: '> 56%' },
  ],
  max: 100,
}

// The in-process memo is what these tests count; the disk cache has its own tests below.
process.env.BUILD_CACHE = '0'

describe('renderBarChart', () => {
  beforeEach(() => clearChartCache())

  it('renders an ECharts SVG with role img, an escaped accessible name and a viewBox', () => {
    const svg = renderBarChart(spec)
    expect(svg.startsWith('<svg role="img" aria-label="Shares &amp; &quot;ranks&quot; &lt;test&gt;"')).toBe(true)
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/)
    expect(svg).toContain('data-chart-renderer="echarts"')
    expect(svg).toContain('IC packaging &amp; testing')
    expect(svg).toContain('&gt; 56%')
  })

  it('writes the labels and values as text, in order, escaped (the text a reader and a screen reader get)', () => {
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
    expect(texts(renderBarChart(spec))).toEqual(['Foundry output: global market share', 'IC packaging &amp; testing', '75%', '&gt; 56%'])
    const rank = renderBarChart({
      ...spec,
      kind: 'rank',
      rows: [
        { label: 'A', value: 1, text: 'No. 1' },
        { label: 'B', value: 5, text: 'No. 5' },
      ],
      max: 10,
      trackLabels: ['No. 1', 'No. 10'],
    })
    // A rank track prints its two ends, then each place.
    expect(texts(rank)).toEqual(['A', 'B', 'No. 1', 'No. 10', 'No. 1', 'No. 5'])
  })

  it('maps every sentinel colour to CSS: text is currentColor, bars carry data-chart hooks', () => {
    const svg = renderBarChart(spec)
    expect(svg).not.toMatch(/#010203|#0a0b0c|#0d0e0f|#0e0f10|#0f1011/i)
    expect(svg.match(/data-chart="bar"/g)).toHaveLength(2)
    expect(svg).toContain('fill="currentColor"')
    expect(svg).not.toContain('<style')
    expect(svg).not.toContain('ecmeta_')
    expect(svg).not.toContain('<script')
  })

  it('renders identical inputs once (memoized), different inputs again', () => {
    const a = renderBarChart(spec)
    const b = renderBarChart(structuredClone(spec))
    expect(b).toBe(a)
    expect(chartStats()).toMatchObject({ requests: 2, renders: 1 })
    renderBarChart({ ...spec, lang: 'zh-TW' })
    expect(chartStats()).toMatchObject({ requests: 3, renders: 2 })
  })

  it('draws ranks as dots on a track with end labels', () => {
    const svg = renderBarChart({
      ...spec,
      kind: 'rank',
      rows: [
        { label: 'A', value: 1, text: 'No. 1' },
        { label: 'B', value: 5, text: 'No. 5' },
      ],
      max: 10,
      trackLabels: ['No. 1', 'No. 10'],
    })
    expect(svg).toContain('data-chart="track"')
    expect(svg).toContain('No. 10')
  })

  it('fails loudly on a chart without numbers', () => {
    expect(() => renderBarChart({ ...spec, rows: [] })).toThrow(/no rows/)
    expect(() => renderBarChart({ ...spec, rows: [{ label: 'x', value: Number.NaN, text: '' }] })).toThrow(/without a number/)
  })
})

describe('label layout', () => {
  it('CJK glyphs are wider than Latin ones', () => {
    expect(estimateTextWidth('晶圓')).toBeGreaterThan(estimateTextWidth('ab'))
  })
  it('wraps Chinese anywhere and English at spaces', () => {
    expect(wrapLabel('投資臺灣三大方案及境外資金回臺', 100).every((l) => estimateTextWidth(l) <= 100)).toBe(true)
    const en = wrapLabel('Invest in Taiwan programmes and repatriated offshore funds', 150)
    expect(en.length).toBeGreaterThan(1)
    expect(en.join(' ')).toBe('Invest in Taiwan programmes and repatriated offshore funds')
  })
})

describe('figure group charts', () => {
  it('formats rows per locale, comparator kept', () => {
    const g = group([metric('a', { value: 80, comparator: 'over' }), metric('b', { value: 80.2 })])
    expect(groupRows(g, EN).map((r) => [r.text, r.short, r.plain])).toEqual([
      ['more than 80%', '> 80%', '80'],
      ['80.2%', '80.2%', '80.2'],
    ])
    expect(groupChartSpec(g, ZH).rows.map((r) => r.text)).toEqual(['> 80%', '80.2%'])
    expect(groupChartSpec(g, EN).max).toBe(100)
  })

  it('money groups use compact amounts', () => {
    const g = group([metric('a', { unit: 'currency', currency: 'TWD', value: 1.7e12 }), metric('b', { unit: 'currency', currency: 'TWD', value: 2.6e12 })])
    expect(groupChartSpec(g, ZH).rows.map((r) => r.text)).toEqual(['新臺幣 1.7 兆元', '新臺幣 2.6 兆元'])
    expect(groupChartSpec(g, EN).rows.map((r) => r.text)).toEqual(['NT$1.7T', 'NT$2.6T'])
  })

  it('rank groups become a track from first place', () => {
    const s = groupChartSpec(group([metric('a', { unit: 'rank', value: 1 }), metric('b', { unit: 'rank', value: 5 })]), ZH)
    expect(s.kind).toBe('rank')
    expect(s.trackLabels).toEqual(['第 1 名', '第 10 名'])
  })

  it('refuses a group that mixes units', () => {
    const g = group([metric('a'), metric('b', { unit: 'currency', currency: 'USD', value: 5 })])
    expect(() => assertOneUnit(g)).toThrow(/mixes units/)
  })
})

describe('chart disk cache (charts carried across builds)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'charts-'))
    process.env.BUILD_CACHE_DIR = dir
    delete process.env.BUILD_CACHE
    clearChartCache()
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
    delete process.env.BUILD_CACHE_DIR
    process.env.BUILD_CACHE = '0'
    clearChartCache()
  })

  it('a later build reuses the SVG byte for byte instead of rendering it again', () => {
    const cold = renderBarChart(spec)
    expect(chartStats()).toMatchObject({ requests: 1, renders: 1 })
    clearChartCache() // drops that cache unwritten; write as a build does at exit:
    expect(existsSync(join(dir, 'charts.json'))).toBe(false)
    const first = openChartDiskCache(chartRendererVersion, dir)!
    first.set(JSON.stringify(spec), cold)
    first.flush()
    clearChartCache()

    const warm = renderBarChart(spec) // a new "build": memo empty, disk cache warm
    expect(warm).toBe(cold)
    expect(chartStats()).toMatchObject({ requests: 1, renders: 0 })
    renderBarChart({ ...spec, lang: 'zh-TW' }) // a different chart is still rendered
    expect(chartStats()).toMatchObject({ requests: 2, renders: 1 })
  })

  it('ignores charts written by another renderer version', () => {
    const old = openChartDiskCache('another-version', dir)!
    old.set(JSON.stringify(spec), '<svg>stale</svg>')
    old.flush()
    expect(JSON.parse(readFileSync(join(dir, 'charts.json'), 'utf8')).version).toBe('another-version')
    expect(renderBarChart(spec)).not.toContain('stale')
    expect(chartStats()).toMatchObject({ renders: 1 })
  })

  it('keeps only the charts the last build used, and survives a corrupt file', () => {
    writeFileSync(join(dir, 'charts.json'), '{not json')
    const cache = openChartDiskCache('v1', dir)!
    expect(cache.get('{"a":1}')).toBeUndefined()
    cache.set('{"a":1}', '<svg>a</svg>')
    cache.set('{"b":2}', '<svg>b</svg>')
    cache.flush()
    const next = openChartDiskCache('v1', dir)!
    expect(next.get('{"a":1}')).toBe('<svg>a</svg>') // b is not used by this "build"
    next.flush()
    expect(Object.values(JSON.parse(readFileSync(join(dir, 'charts.json'), 'utf8')).charts)).toEqual(['<svg>a</svg>'])
  })

  it('lives in the build cache folder: off with BUILD_CACHE=0, moved by BUILD_CACHE_DIR, never a node_modules outside a project', () => {
    for (const flag of ['0', 'false', 'OFF', ' no ']) expect(cacheFolder({ BUILD_CACHE: flag, BUILD_CACHE_DIR: dir })).toBeUndefined()
    expect(cacheFolder({ BUILD_CACHE_DIR: join(dir, 'a', '..', 'b') })).toBe(join(dir, 'b'))
    expect(cacheFolder({}, dir)).toBeUndefined() // dir has no node_modules
    mkdirSync(join(dir, 'node_modules'))
    expect(cacheFolder({}, dir)).toBe(join(dir, 'node_modules', '.cache', 'six-core'))
  })
})
