/**
 * The results (what bench/results.json holds), the budgets checked against them, and the
 * report as Markdown tables: printed, and pasted into docs/benchmark.md.
 */
import type { LighthouseResult } from './lighthouse.ts'
import type { PreviewTiming } from './preview.ts'
import type { Timed } from './timing.ts'
import type { SearchIndexLanguage, Weight } from './weight.ts'

export interface SizeResult {
  factor: number
  documents: number
  pages: number
  /** The site's full build with warm caches, the floor and the lower bound, timed by one hyperfine run. */
  site: Timed
  floor: Timed
  lowerBound: Timed
  /** Ratios of the medians. */
  ratios: { siteToFloor: number; siteToLowerBound: number; lowerBoundToFloor: number }
  /** One build with an empty cache folder; peak memory of the whole process tree. */
  cold: { wall: number; peakBytes: number; phases: Record<string, number>; toFloor: number }
  /** The phases of the last warm site build, from its build report. */
  phases: Record<string, number>
  weight: Weight
  search: SearchIndexLanguage[]
}

export interface Budget {
  name: string
  target: string
  measured: string
  /** null: not measured in this run. */
  pass: boolean | null
}

export interface Results {
  schema: 2
  generatedAt: string
  git: { commit: string; dirty: boolean }
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; hyperfine: string; loadAverage: { start: number[]; end: number[] } }
  options: { runs: Record<string, number>; warmup: number; sizes: number[]; lighthouse: boolean }
  sizes: SizeResult[]
  lighthouse?: LighthouseResult[]
  /** The preview server's render time in draft mode at 1× (absent when not run). */
  preview?: PreviewTiming[]
  budgets: Budget[]
  durationSeconds: number
}

/** Every budget number, in one place. */
export const BUDGETS = {
  siteToFloorAt1x: 2.0,
  siteToLowerBoundAt100x: 1.5,
  peakMemoryBytes: 1.5 * 1024 ** 3,
  contentJsBytes: 0,
  htmlMedianGzip: 8 * 1024,
  htmlMaxGzip: 30 * 1024,
  lighthouseScore: 100,
  previewRenderMs: 300,
  /** Fifty draft-mode loads at once: every one answers, the median within this. */
  previewBurstMedianMs: 1000,
} as const

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100
export const formatRatio = (r: number): string => `${r.toFixed(2)}×`
export const formatSeconds = (s: number): string => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`)
export function formatBytes(b: number): string {
  if (b < 1024) return `${b} B`
  if (b < 1024 ** 2) return `${(b / 1024).toFixed(1)} KB`
  if (b < 1024 ** 3) return `${(b / 1024 ** 2).toFixed(b < 10 * 1024 ** 2 ? 1 : 0)} MB`
  return `${(b / 1024 ** 3).toFixed(2)} GB`
}

export function checkBudgets(r: Pick<Results, 'sizes' | 'lighthouse' | 'preview'>): Budget[] {
  const x1 = r.sizes.find((s) => s.factor === 1)
  const x100 = r.sizes.find((s) => s.factor === 100)
  const notRun = (name: string, target: string): Budget => ({ name, target, measured: 'not run', pass: null })
  const budgets: Budget[] = []
  const at1 = (name: string, target: string, measure: (s: SizeResult) => Omit<Budget, 'name' | 'target'>) =>
    budgets.push(x1 ? { name, target, ...measure(x1) } : notRun(name, target))
  at1('Real site full build / floor (1×)', `≤ ${formatRatio(BUDGETS.siteToFloorAt1x)}`, (s) => ({
    measured: `${formatRatio(s.ratios.siteToFloor)} (${formatSeconds(s.site.median)} / ${formatSeconds(s.floor.median)})`,
    pass: s.ratios.siteToFloor <= BUDGETS.siteToFloorAt1x,
  }))
  const lbName = 'Site / lower bound (100×)'
  const lbTarget = `≤ ${formatRatio(BUDGETS.siteToLowerBoundAt100x)}`
  budgets.push(
    x100
      ? {
          name: lbName,
          target: lbTarget,
          measured: `${formatRatio(x100.ratios.siteToLowerBound)} (${formatSeconds(x100.site.median)} / ${formatSeconds(x100.lowerBound.median)})`,
          pass: x100.ratios.siteToLowerBound <= BUDGETS.siteToLowerBoundAt100x,
        }
      : notRun(lbName, lbTarget),
  )
  // The most any site build took, cold or warm, at any size measured.
  const peaks = r.sizes.map((s) => ({ factor: s.factor, bytes: Math.max(s.cold.peakBytes, s.site.peakRssBytes) }))
  const peak = peaks.reduce<(typeof peaks)[number] | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined)
  const memTarget = `< ${formatBytes(BUDGETS.peakMemoryBytes)}`
  budgets.push(
    peak
      ? { name: 'Peak memory of a site build', target: memTarget, measured: `${formatBytes(peak.bytes)} (${peak.factor}×)`, pass: peak.bytes < BUDGETS.peakMemoryBytes }
      : notRun('Peak memory of a site build', memTarget),
  )
  at1('Content pages: JavaScript', `${BUDGETS.contentJsBytes} B`, (s) => ({
    measured: `${formatBytes(s.weight.content.jsBytes)}${s.weight.content.pagesWithJs.length ? ` (${s.weight.content.pagesWithJs.join(', ')})` : ''}`,
    pass: s.weight.content.jsBytes <= BUDGETS.contentJsBytes,
  }))
  at1('Content pages: HTML median (gzip)', `≤ ${formatBytes(BUDGETS.htmlMedianGzip)}`, (s) => ({
    measured: formatBytes(s.weight.content.htmlMedianGzip),
    pass: s.weight.content.htmlMedianGzip <= BUDGETS.htmlMedianGzip,
  }))
  // Pages must not grow with the content: the largest page is held to the budget at every size.
  for (const s of r.sizes) {
    budgets.push({
      name: `Content pages: largest HTML (gzip, ${s.factor}×)`,
      target: `≤ ${formatBytes(BUDGETS.htmlMaxGzip)}`,
      measured: `${formatBytes(s.weight.content.htmlMaxGzip)} (${s.weight.content.largestUrl})`,
      pass: s.weight.content.htmlMaxGzip <= BUDGETS.htmlMaxGzip,
    })
  }
  const lhName = 'Lighthouse: every category, every page'
  const lhTarget = `${BUDGETS.lighthouseScore}`
  if (!r.lighthouse?.length) budgets.push(notRun(lhName, lhTarget))
  else {
    const scores = r.lighthouse.flatMap((l) => Object.entries(l.scores).map(([category, score]) => ({ where: `${category}, ${l.label}`, score: score ?? 0 })))
    const low = scores.filter((s) => s.score < BUDGETS.lighthouseScore)
    const measured = low.length ? low.map((s) => `${s.score} (${s.where})`).join('; ') : `${BUDGETS.lighthouseScore} on all ${scores.length}`
    budgets.push({ name: lhName, target: lhTarget, measured, pass: low.length === 0 })
  }
  const previewTarget = `≤ ${BUDGETS.previewRenderMs} ms`
  if (!r.preview?.length) budgets.push(notRun('Preview server render, draft mode (1×)', previewTarget))
  for (const p of r.preview ?? []) {
    if (p.concurrent) {
      const answered = p.concurrent - (p.failed ?? 0)
      budgets.push({
        name: `Preview server, ${p.concurrent} draft-mode loads at once (1×): ${p.label}`,
        target: `all answer, median ≤ ${BUDGETS.previewBurstMedianMs} ms`,
        measured: `${answered} of ${p.concurrent} answered, median ${p.medianMs} ms`,
        pass: p.failed === 0 && p.medianMs <= BUDGETS.previewBurstMedianMs,
      })
    } else {
      budgets.push({
        name: `Preview server render, draft mode (1×): ${p.label}`,
        target: previewTarget,
        measured: `${p.medianMs} ms (median of ${p.requests})`,
        pass: p.medianMs <= BUDGETS.previewRenderMs,
      })
    }
  }
  return budgets
}

/** A Markdown table; columns of figures (every cell starts with a digit) are right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const figures = (i: number) => rows.length > 0 && rows.every((r) => /^[\d–]/.test(r[i] ?? ''))
  return [line(header), line(header.map((_, i) => (figures(i) ? '---:' : '---'))), ...rows.map(line)].join('\n')
}

const spread = (t: Timed) => `${formatSeconds(t.median)} (${t.min.toFixed(2)}–${t.max.toFixed(2)})`

export function renderReport(r: Results): string {
  const runs = Object.entries(r.options.runs)
    .map(([size, n]) => `${n} at ${size}`)
    .join(', ')
  const out = [
    `### Build time (median of hyperfine runs: ${runs}; min–max in brackets)`,
    '',
    table(
      [
        'size',
        'pages',
        'site, full build (warm caches)',
        'floor',
        'lower bound',
        'site / floor',
        'site / lower bound',
        'lower bound / floor',
        'cold build (÷ floor)',
        'peak memory: cold build (process tree) / warm (largest process)',
      ],
      r.sizes.map((s) => [
        `${s.factor}×`,
        s.pages.toLocaleString('en'),
        spread(s.site),
        spread(s.floor),
        spread(s.lowerBound),
        formatRatio(s.ratios.siteToFloor),
        formatRatio(s.ratios.siteToLowerBound),
        formatRatio(s.ratios.lowerBoundToFloor),
        `${formatSeconds(s.cold.wall)} (${formatRatio(s.cold.toFloor)})`,
        `${formatBytes(s.cold.peakBytes)} / ${formatBytes(s.site.peakRssBytes)}`,
      ]),
    ),
  ]
  const phaseNames = [...new Set(r.sizes.flatMap((s) => Object.keys(s.phases)))]
  if (phaseNames.length) {
    out.push('', '### Site build phases (last warm build)', '')
    out.push(
      table(
        ['size', ...phaseNames],
        r.sizes.map((s) => [`${s.factor}×`, ...phaseNames.map((p) => (p in s.phases ? formatSeconds(s.phases[p]!) : '–'))]),
      ),
    )
  }
  out.push('', '### Page weight (gzip) and search index', '')
  out.push(
    table(
      ['size', 'HTML median', 'largest HTML', 'CSS: most per page / all', 'JS on content pages', 'search index per language (pages)'],
      r.sizes.map((s) => [
        `${s.factor}×`,
        formatBytes(s.weight.content.htmlMedianGzip),
        `${formatBytes(s.weight.content.htmlMaxGzip)} (${s.weight.content.largestUrl})`,
        `${formatBytes(s.weight.css.maxPerPageGzip)} / ${formatBytes(s.weight.css.allGzip)}`,
        formatBytes(s.weight.content.jsBytes),
        s.search.map((l) => `${l.language} ${formatBytes(l.totalBytes)} (${l.pages})`).join(', '),
      ]),
    ),
  )
  if (r.lighthouse?.length) {
    out.push('', '### Lighthouse (mobile, simulated throttling; median of runs)', '')
    out.push(
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO'],
        r.lighthouse.map((l) => [l.label, ...Object.values(l.scores).map((v) => String(v ?? '–'))]),
      ),
    )
    const failing = r.lighthouse.flatMap((l) => l.failing.map((f) => `${l.label}: ${f}`))
    if (failing.length) out.push('', `Audits below a full score: ${failing.join('; ')}`)
  }
  if (r.preview?.length) {
    out.push('', '### Preview server (draft mode, 1×, fake API on loopback; ms from request to last byte)', '')
    out.push(
      table(
        ['page', 'path', 'median', 'min–max', 'requests'],
        r.preview.map((p) => [p.label, p.path, String(p.medianMs), `${p.minMs}–${p.maxMs}`, String(p.requests)]),
      ),
    )
  }
  out.push('', '### Budgets', '')
  out.push(
    table(
      ['budget', 'target', 'measured', 'result'],
      r.budgets.map((b) => [b.name, b.target, b.measured, b.pass === null ? 'not run' : b.pass ? 'met' : 'not met']),
    ),
  )
  return out.join('\n')
}
