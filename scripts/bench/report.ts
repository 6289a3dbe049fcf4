/**
 * The benchmark's results: their shape (what bench/results.json holds), the budgets of
 * issue #5 checked against them, and the tables printed and written to docs/benchmark.md.
 */
import type { LighthouseResult } from './lighthouse'
import { formatBytes, formatPairRange, formatRatio, formatSeconds, formatTable, ratio, round } from './stats'
import type { SearchIndexLanguage, WeightReport } from './weight'

export interface RunStats {
  runs: { wall: number; cpu: number; user: number; sys: number; maxRssBytes: number; treeRssBytes: number; peakBytes: number; phases?: Record<string, number> }[]
  median: { wall: number; cpu: number; maxRssBytes: number; treeRssBytes: number; peakBytes: number }
  /** The most memory any run took. */
  peakBytesMax: number
  phases?: Record<string, number>
}

export interface SizeResult {
  factor: number
  dataset: { file: string; documents: number; counts: Record<string, number> }
  pages: number
  site: RunStats
  floor: RunStats
  /**
   * Whole process site / floor (wall, CPU); pages = the site's pages phase / the floor's wall;
   * wallPairs = each site run / the floor run right after it (S F S F S F).
   */
  ratio: { wall: number | null; cpu: number | null; pages?: number | null; wallPairs?: number[] }
  /**
   * The least a build of these pages with this stack can take: the stack floor (the floor
   * project with the site's integrations: MDX, sitemap, Tailwind; scripts/bench/floor.ts) plus
   * Pagefind indexing the site's own pages, medians. Missing in results from before it was
   * measured.
   */
  lowerBound?: {
    /** Median wall of the stack floor's Astro build. */
    stackWall: number
    /** Median wall of Pagefind on the site's pages. */
    searchWall: number
    /** stackWall + searchWall */
    wall: number
    /** wall / the floor median: the least ratio this site could reach. */
    ratioWall: number
    /** stackWall / the floor median: what the integrations alone add. */
    stackRatio: number
    /** Each lower bound / the floor run right before it. */
    ratioPairs: number[]
  }
  secondsPerPage: { site: number; floor: number }
  weight?: WeightReport
  weightSummary: { htmlMedianGzip: number; htmlMaxGzip: number; htmlMaxUrl: string; contentJsBytes: number; cssMaxPerPageGzip: number }
  search: SearchIndexLanguage[]
  /**
   * One more site build (full) with empty build caches (charts, validation, Astro's cache
   * folder: the first build on a fresh machine or after the renderer or schema changed); the
   * measured runs reuse the caches it filled.
   */
  cold?: { wall: number; cpu: number; peakBytes: number; phases?: Record<string, number>; ratioWall: number | null }
  /**
   * Incremental builds after one figure was edited (scripts/bench/publish.ts): each run edits
   * `edited` again (untimed) and builds without --full, so Astro copies every page whose key
   * is unchanged from the build before; a floor build follows each (P F P F P F), so the
   * publish is compared with floors measured under the same load. Medians over the runs;
   * peakBytes is the largest.
   */
  publish?: {
    wall: number
    cpu: number
    peakBytes: number
    phases?: Record<string, number>
    copiedPages: number
    renderedPages: number
    /** Every publish run (missing in results from before the floors were paired). */
    runs?: RunStats['runs']
    /** Median wall of the floor runs made between the publish runs. */
    floorWall?: number
    /** Publish median wall / the median of those floor runs (before: / the floor median of the full builds). */
    ratioWall: number | null
    /** Each publish run / the floor run right after it. */
    ratioPairs?: number[]
    /** `<metric _id>.value` */
    edited: string
  }
  /** With --profile: self CPU seconds per package / site folder in one profiled site build. */
  profile?: { wall: number; cpu: number; phases?: Record<string, number>; categories: { category: string; seconds: number }[] }
}

export interface Budget {
  name: string
  target: string
  actual: string
  pass: boolean | null
  /**
   * For the build-time budgets: the least ratio this stack allows at that size (see
   * SizeResult.lowerBound); headroomSeconds = the target's time (target × floor median) minus
   * the lower bound: what is left for everything the site does beyond the stack floor
   * (content, validation, its templates and charts), negative when the target is below it.
   */
  lowerBound?: { ratio: number; pairs: number[]; headroomSeconds: number }
}

export interface BenchResults {
  schema: 1
  generatedAt: string
  options: { quick: boolean; runs: number; warmup: boolean; sizes: number[]; lighthouse: boolean }
  machine: { cpu: string; nproc: number; memory: string; memoryBytes: number; node: string; os: string; loadAverage: { start: number[]; end: number[] } }
  git: { commit: string; dirty: boolean }
  method: string[]
  sizes: SizeResult[]
  /** Marginal cost of a page between consecutive sizes (seconds of wall time per extra page). */
  linearity: { from: number; to: number; siteMarginal: number; floorMarginal: number }[]
  lighthouse?: LighthouseResult[]
  budgets: Budget[]
  durationSeconds: number
}

const KB = 1024
const GB = 1024 ** 3

/** Checks the targets of issue #5 against the results. `null` = not measured in this run. */
export function checkBudgets(r: Pick<BenchResults, 'sizes' | 'lighthouse'>): Budget[] {
  const budgets: Budget[] = []
  const x1 = r.sizes.find((s) => s.factor === 1)
  const x100 = r.sizes.find((s) => s.factor === 100)
  const le = (v: number | null | undefined, max: number) => (v === null || v === undefined ? null : v <= max)
  // The budgets are on the full builds (the measured median); the cold build and the publish
  // (incremental) builds are reported beside them.
  const buildActual = (s: SizeResult) =>
    `${formatRatio(s.ratio.wall)}${formatPairRange(s.ratio.wallPairs)} (CPU ${formatRatio(s.ratio.cpu)})` +
    (s.cold ? `; cold ${formatRatio(s.cold.ratioWall)}` : '') +
    (s.publish ? `; publish ${formatRatio(s.publish.ratioWall)}${formatPairRange(s.publish.ratioPairs)}` : '')
  const bound = (s: SizeResult | undefined, max: number): Pick<Budget, 'lowerBound'> => {
    if (!s?.lowerBound) return {}
    const headroomSeconds = round(max * s.floor.median.wall - s.lowerBound.wall, 2)
    return { lowerBound: { ratio: s.lowerBound.ratioWall, pairs: s.lowerBound.ratioPairs, headroomSeconds } }
  }
  budgets.push({
    name: 'Real site build / floor (wall)',
    target: '≤ 1.30x',
    actual: x1 ? buildActual(x1) : 'not run',
    pass: x1 ? le(x1.ratio.wall, 1.3) : null,
    ...bound(x1, 1.3),
  })
  budgets.push({
    name: 'x100 synthetic build / floor (wall)',
    target: '≤ 1.50x',
    actual: x100 ? buildActual(x100) : 'not run',
    pass: x100 ? le(x100.ratio.wall, 1.5) : null,
    ...bound(x100, 1.5),
  })
  budgets.push({
    name: 'x100 synthetic peak memory',
    target: '< 1.5 GB',
    actual: x100 ? `${formatBytes(x100.site.peakBytesMax)}${x100.cold ? `; cold ${formatBytes(x100.cold.peakBytes)}` : ''}` : 'not run',
    pass: x100 ? Math.max(x100.site.peakBytesMax, x100.cold?.peakBytes ?? 0) < 1.5 * GB : null,
  })
  const w = x1?.weight
  budgets.push({
    name: 'Content pages: JavaScript',
    target: '0 B',
    actual: w
      ? `${formatBytes(w.content.jsBytes)}${w.content.pagesWithJs.length ? ` (e.g. ${w.content.pagesWithJs[0]})` : ''}; root picker ${formatBytes(w.templates.find((t) => t.template === '/')?.jsMax.raw ?? 0)}`
      : 'not run',
    pass: w ? w.content.jsBytes === 0 : null,
  })
  budgets.push({
    name: 'Content pages: HTML median (gzip)',
    target: '≤ 8 KB',
    actual: w ? formatBytes(w.content.htmlMedianGzip) : 'not run',
    pass: w ? w.content.htmlMedianGzip <= 8 * KB : null,
  })
  budgets.push({
    name: 'Content pages: largest HTML (gzip)',
    target: '≤ 30 KB',
    actual: w ? `${formatBytes(w.content.htmlMaxGzip)} (${w.content.htmlMaxUrl})` : 'not run',
    pass: w ? w.content.htmlMaxGzip <= 30 * KB : null,
  })
  budgets.push({
    name: 'CSS (gzip): most one page loads / all site CSS',
    target: '≤ 10 KB',
    actual: w ? `${formatBytes(w.css.maxPerPage.gzip)} / ${formatBytes(w.css.allSiteCss.gzip)} in ${w.css.files} file(s)` : 'not run',
    pass: w ? w.css.maxPerPage.gzip <= 10 * KB && w.css.allSiteCss.gzip <= 10 * KB : null,
  })
  if (r.lighthouse) {
    for (const lh of r.lighthouse) {
      const values = Object.values(lh.scores)
      budgets.push({
        name: `Lighthouse ${lh.label}`,
        target: '100 ×4',
        actual: values.map((v) => (v === null ? '–' : String(v))).join(' / '),
        pass: values.every((v) => v === 100),
      })
    }
  } else {
    budgets.push({ name: 'Lighthouse (6 pages × 4 categories)', target: '100', actual: 'not run', pass: null })
  }
  return budgets
}

/** Marginal seconds per extra page between consecutive sizes: a flat number means linear growth. */
export function linearity(sizes: SizeResult[]): BenchResults['linearity'] {
  const sorted = [...sizes].sort((a, b) => a.pages - b.pages)
  const out: BenchResults['linearity'] = []
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!
    const b = sorted[i]!
    const dp = b.pages - a.pages
    if (dp <= 0) continue
    out.push({
      from: a.factor,
      to: b.factor,
      siteMarginal: round((b.site.median.wall - a.site.median.wall) / dp, 4),
      floorMarginal: round((b.floor.median.wall - a.floor.median.wall) / dp, 4),
    })
  }
  return out
}

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`

/** The tables of the report, as text (terminal) or Markdown. */
export function renderTables(r: BenchResults, markdown = false): string {
  const out: string[] = []
  const h = (title: string) => out.push(markdown ? `\n### ${title}\n` : `\n== ${title} ==`)
  const t = (header: string[], rows: string[][]) => out.push(formatTable(header, rows, markdown))

  const runsText = `${r.options.runs} run${r.options.runs > 1 ? 's' : ''}`
  h(`Build time (full builds: median of ${runsText} with warm build caches, after a cold build${r.options.warmup ? ' and a floor warm-up' : ''}; whole process)`)
  t(
    ['size', 'pages', 'site wall', 'site CPU', 'site peak mem', 'floor wall', 'floor CPU', 'floor peak mem', 'ratio wall', 'ratio CPU', 'pages phase / floor', 'site s/page', 'floor s/page'],
    r.sizes.map((s) => [
      `x${s.factor}`,
      String(s.pages),
      formatSeconds(s.site.median.wall),
      formatSeconds(s.site.median.cpu),
      mb(s.site.peakBytesMax),
      formatSeconds(s.floor.median.wall),
      formatSeconds(s.floor.median.cpu),
      mb(s.floor.peakBytesMax),
      formatRatio(s.ratio.wall),
      formatRatio(s.ratio.cpu),
      formatRatio(s.ratio.pages ?? null),
      s.secondsPerPage.site.toFixed(4),
      s.secondsPerPage.floor.toFixed(4),
    ]),
  )
  const boundSizes = r.sizes.filter((s) => s.lowerBound)
  if (boundSizes.length) {
    h(`Lower bound: the least a build of these pages with this stack can take (median of ${runsText}; S F L)`)
    t(
      ['size', 'pages', 'floor', 'stack floor (MDX, sitemap, Tailwind)', 'Pagefind on the site\'s pages', 'lower bound', 'lower bound / floor', 'per pair', 'site / floor'],
      boundSizes.map((s) => {
        const b = s.lowerBound!
        return [
          `x${s.factor}`,
          String(s.pages),
          formatSeconds(s.floor.median.wall),
          `${formatSeconds(b.stackWall)} (${formatRatio(b.stackRatio)})`,
          formatSeconds(b.searchWall),
          formatSeconds(b.wall),
          formatRatio(b.ratioWall),
          b.ratioPairs.map((p) => formatRatio(p)).join(' '),
          formatRatio(s.ratio.wall),
        ]
      }),
    )
  }
  const coldSizes = r.sizes.filter((s) => s.cold)
  if (coldSizes.length) {
    h("Cold build: the first site build of each size (full), with empty build caches: charts, validation, Astro's (as on a fresh machine)")
    t(
      ['size', 'pages', 'site wall', 'site CPU', 'site peak mem', 'ratio wall (to the floor median)', 'phases'],
      coldSizes.map((s) => [
        `x${s.factor}`,
        String(s.pages),
        formatSeconds(s.cold!.wall),
        formatSeconds(s.cold!.cpu),
        mb(s.cold!.peakBytes),
        formatRatio(s.cold!.ratioWall),
        Object.entries(s.cold!.phases ?? {}).map(([k, v]) => `${k} ${v}s`).join(' · '),
      ]),
    )
  }
  const publishSizes = r.sizes.filter((s) => s.publish)
  if (publishSizes.length) {
    h(`Publish: one figure edited (incremental build; median of ${runsText})`)
    t(
      ['size', 'pages', 'rendered / copied', 'wall', 'CPU', 'peak mem', 'floor wall (between)', 'ratio wall', 'ratio per pair', 'phases'],
      publishSizes.map((s) => [
        `x${s.factor}`,
        String(s.pages),
        `${s.publish!.renderedPages} / ${s.publish!.copiedPages}`,
        formatSeconds(s.publish!.wall),
        formatSeconds(s.publish!.cpu),
        mb(s.publish!.peakBytes),
        s.publish!.floorWall === undefined ? 'n/a' : formatSeconds(s.publish!.floorWall),
        formatRatio(s.publish!.ratioWall),
        s.publish!.ratioPairs?.length ? s.publish!.ratioPairs.map((r) => formatRatio(r)).join(' ') : 'n/a',
        Object.entries(s.publish!.phases ?? {}).map(([k, v]) => `${k} ${v}s`).join(' · '),
      ]),
    )
    const edited = [...new Set(publishSizes.map((s) => s.publish!.edited))]
    out.push(`Edited before each run (untimed): ${edited.join(', ')} (+1 per run).`)
  }
  const phaseNames = [...new Set(r.sizes.flatMap((s) => Object.keys(s.site.phases ?? {})))]
  if (phaseNames.length) {
    h('Where the site build spends its time (median of the phase line the build prints)')
    t(
      ['size', ...phaseNames.map((p) => `site ${p}`), 'floor process', 'floor astro "built in"'],
      r.sizes.map((s) => [
        `x${s.factor}`,
        ...phaseNames.map((p) => (s.site.phases?.[p] === undefined ? '–' : formatSeconds(s.site.phases[p]!))),
        formatSeconds(s.floor.median.wall),
        s.floor.phases?.astro === undefined ? '–' : formatSeconds(s.floor.phases.astro),
      ]),
    )
  }
  for (const s of r.sizes.filter((x) => x.profile)) {
    const p = s.profile!
    h(`Where the CPU goes: x${s.factor} site build under --cpu-prof, build script + Astro child, Pagefind's binary not included (self time; ${formatSeconds(p.wall)} wall, ${formatSeconds(p.cpu)} CPU)`)
    t(['code', 'self CPU'], p.categories.map((c) => [c.category, formatSeconds(c.seconds)]))
  }
  if (r.linearity.length) {
    h('Growth: marginal wall seconds per extra page')
    t(['from → to', 'site', 'floor', 'site / floor'], r.linearity.map((l) => [`x${l.from} → x${l.to}`, l.siteMarginal.toFixed(4), l.floorMarginal.toFixed(4), formatRatio(ratio(l.siteMarginal, l.floorMarginal))]))
  }
  const x1 = r.sizes.find((s) => s.factor === 1)
  if (x1?.weight) {
    h('Page weight per template (real site; gzip = zlib level 6)')
    t(
      ['template', 'pages', 'HTML median', 'HTML median gz', 'HTML max', 'HTML max gz', 'CSS gz', 'JS', 'JS gz'],
      x1.weight.templates.map((tw) => [tw.template, String(tw.pages), kb(tw.htmlMedian.raw), kb(tw.htmlMedian.gzip), kb(tw.htmlMax.raw), kb(tw.htmlMax.gzip), kb(tw.cssMax.gzip), kb(tw.jsMax.raw), kb(tw.jsMax.gzip)]),
    )
    const lp = x1.weight.largestPage
    out.push(`Largest page: ${lp.url} (${lp.template}): HTML ${kb(lp.html.raw)} / ${kb(lp.html.gzip)} gzip, CSS ${kb(lp.css.gzip)} gzip, JS ${kb(lp.js.raw)}.`)
    out.push(`All site CSS: ${kb(x1.weight.css.allSiteCss.raw)} / ${kb(x1.weight.css.allSiteCss.gzip)} gzip in ${x1.weight.css.files} file(s). Output: ${x1.weight.totals.files} files, ${formatBytes(x1.weight.totals.bytes)}.`)
  }
  if (r.sizes.some((s) => s.search.length)) {
    h('Search index (Pagefind) per language')
    t(
      ['size', 'language', 'pages', 'index + meta', 'fragments', 'wasm', 'total'],
      r.sizes.flatMap((s) => s.search.map((l) => [`x${s.factor}`, l.language, String(l.pages), kb(l.indexBytes), `${kb(l.fragmentBytes)} (${l.fragments})`, kb(l.wasmBytes), kb(l.totalBytes)])),
    )
  }
  if (r.lighthouse?.length) {
    h(`Lighthouse 12.2.3 (mobile, simulated throttling), astro preview on 127.0.0.1; median of ${r.lighthouse[0]?.runs.length ?? 1} run(s)`)
    t(['page', 'performance', 'accessibility', 'best practices', 'SEO'], r.lighthouse.map((l) => [l.label, ...Object.values(l.scores).map((v) => (v === null ? '–' : String(v)))]))
    const failing = r.lighthouse.flatMap((l) => l.failing.map((f) => `${l.label}: ${f.category} · ${f.id} (${f.score})`))
    if (failing.length) out.push(`Audits below 1: ${failing.join('; ')}`)
  }
  h('Budgets (issue #5)')
  const withBound = r.budgets.some((b) => b.lowerBound)
  t(
    ['budget', 'target', 'measured', 'result', ...(withBound ? ['least possible with this stack'] : [])],
    r.budgets.map((b) => [
      b.name,
      b.target,
      b.actual,
      b.pass === null ? 'not run' : b.pass ? 'PASS' : 'FAIL',
      ...(withBound
        ? [
            b.lowerBound
              ? `${formatRatio(b.lowerBound.ratio)}${formatPairRange(b.lowerBound.pairs)}: ` +
                (b.lowerBound.headroomSeconds >= 0
                  ? `leaves ${formatSeconds(b.lowerBound.headroomSeconds)} for the site's own work`
                  : `the target is ${formatSeconds(-b.lowerBound.headroomSeconds)} below it`)
              : '',
          ]
        : []),
    ]),
  )
  return out.join('\n')
}
