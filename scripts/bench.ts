/**
 * `npm run bench`: the build benchmark of issue #5. Prints tables and writes bench/results.json.
 *
 * For each size (x1 = the real dataset, x10 and x100 = synthetic datasets generated from it):
 *   1. build the site once through scripts/build.ts (`CONTENT_FILE=<file> --out <dir> --full`)
 *      with empty build caches (the cold build, reported on its own), and count its HTML
 *      files: N pages;
 *   2. generate the floor, a bare Astro 7 project of N trivial pages, and build it once (warm-up);
 *   3. build site and floor alternately, `--runs` times each, under GNU time (whole process:
 *      wall, user+sys of the tree, peak RSS), and take medians. The site runs are full builds
 *      (`--full`: every page rendered, none copied from the last build), comparable with results
 *      from before incremental builds. After each floor run, the lower bound: the stack floor
 *      (the floor with the site's integrations: MDX, sitemap, Tailwind) and Pagefind indexing
 *      the pages the site run wrote (S F L S F L S F L): the least any build of these pages
 *      with this stack can take;
 *   4. publish: `--runs` incremental builds (no `--full`), each after one figure of the dataset
 *      was edited (untimed; scripts/bench/publish.ts): Astro copies the pages whose cache key is
 *      unchanged from the build before and renders the rest; each is followed by a floor build,
 *      and the publish is compared with those floors (P F P F P F);
 *   5. measure page weight and the search index from the output of the last full build.
 * Every size has its own build caches under bench/work/cache/x<N>/ (charts, validation and
 * Astro's cache folder, ASTRO_CACHE_DIR): never the developer's node_modules/.cache or .astro.
 * Then Lighthouse on six pages of the real site, the budgets, the table.
 *
 * Options:
 *   --quick            1 run, no warm-up, sizes x1 and x10, no Lighthouse (a smoke test)
 *   --runs <n>         measured runs per build, and publish runs per size (default 3)
 *   --no-warmup        skip the floor's warm-up build (the site's first build is always the cold one)
 *   --sizes 1,10,100   scale factors (default 1,10,100)
 *   --no-lighthouse    skip Lighthouse
 *   --lighthouse-runs <n>  Lighthouse runs per page, median score reported (default 3)
 *   --keep             keep the x10/x100 outputs under bench/work/ (default: removed after measuring)
 *   --results <file>   where to write the JSON (default bench/results.json; --quick writes bench/work/results.quick.json)
 *   --markdown <file>  also write the tables as Markdown
 *   --profile          also build the site once per size under `node --cpu-prof` (build script and
 *                      its Astro child; a full build) and print where the CPU time goes, per
 *                      package / site folder (bench/work/profiles/x<N>/); Pagefind's binary is not
 *                      profiled
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, loadavg, release, tmpdir, totalmem } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { locales } from '../schemas/locales'
import { astroBuiltSeconds, floorCommand, writeFloorProject } from './bench/floor'
import { runLighthouse, startPreview, type LighthouseResult } from './bench/lighthouse'
import { assertGnuTime, measure, type Measurement } from './bench/measure'
import { checkBudgets, linearity, renderTables, type BenchResults, type RunStats, type SizeResult } from './bench/report'
import { countByType, multiplyDataset, toNdjson, type Doc } from './bench/synthetic'
import { publishEdit } from './bench/publish'
import { median, medianPhases, pairRatios, round } from './bench/stats'
import { summarizeProfiles } from './bench/profile'
import { countHtml, listFiles } from './lib/files.ts'
import { pagefindCommand } from './lib/search-index.ts'
import { measureSearchIndex, measureWeight } from './bench/weight'

const repo = resolve(dirname(new URL(import.meta.url).pathname), '..')
const work = join(repo, 'bench', 'work')
const startedAt = Date.now()

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'no-warmup': { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    results: { type: 'string' },
    markdown: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string' },
  },
  allowPositionals: false,
})
const quick = opts.quick!
const runs = Number(opts.runs ?? (quick ? 1 : 3))
const warmup = !quick && !opts['no-warmup']
const sizes = (opts.sizes ?? (quick ? '1,10' : '1,10,100')).split(',').map((s) => Number(s.trim().replace(/^x/, '')))
const doLighthouse = !quick && !opts['no-lighthouse']
const lighthouseRuns = Number(opts['lighthouse-runs'] ?? 3)
const resultsFile = resolve(repo, opts.results ?? (quick ? 'bench/work/results.quick.json' : 'bench/results.json'))
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number from 1 (got ${opts.runs}).`)
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes must be whole numbers from 1, e.g. 1,10,100 (got ${opts.sizes}).`)

const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)}s`
const log = (msg: string) => console.log(`[bench ${elapsed()}] ${msg}`)
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`

function machine(): BenchResults['machine'] {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown'
  let nproc = cpus().length
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc
  } catch {
    // keep os.cpus()
  }
  const total = totalmem()
  return {
    cpu: model,
    nproc,
    memory: `${(total / 1024 ** 3).toFixed(1)} GiB total, ${(freemem() / 1024 ** 3).toFixed(1)} GiB free at start`,
    memoryBytes: total,
    node: process.version,
    os: `Linux ${release()}`,
    loadAverage: { start: loadavg().map((l) => round(l, 2)), end: [] },
  }
}

function gitInfo(): BenchResults['git'] {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8' }).trim() !== ''
    return { commit, dirty }
  } catch {
    return { commit: 'unknown', dirty: true }
  }
}

/** Environment of every measured build: the same for site and floor. */
const buildEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  // The build picks its source from the environment; make sure it is the local file.
  SANITY_PROJECT_ID: '',
  SANITY_DATASET: '',
  ...extra,
})

/**
 * The site build: scripts/build.ts (what `npm run build` runs), same Node, its own type stripping.
 * `full`: every page rendered (`--full`), none copied from the last build; the cache is still
 * recorded for the next build.
 */
const siteCommand = (outDir: string, report: string, { full }: { full: boolean }) =>
  [process.execPath, [join(repo, 'scripts', 'build.ts'), '--out', outDir, '--report', report, ...(full ? ['--full'] : [])]] as const

function summarize(list: Measurement[]): RunStats {
  return {
    runs: list.map((m) => ({
      wall: m.wall,
      cpu: round(m.cpu),
      user: m.user,
      sys: m.sys,
      maxRssBytes: m.maxRssBytes,
      treeRssBytes: m.treeRssBytes,
      peakBytes: m.peakBytes,
      phases: m.phases,
    })),
    median: {
      wall: round(median(list.map((m) => m.wall)), 3),
      cpu: round(median(list.map((m) => m.cpu)), 3),
      maxRssBytes: Math.round(median(list.map((m) => m.maxRssBytes))),
      treeRssBytes: Math.round(median(list.map((m) => m.treeRssBytes))),
      peakBytes: Math.round(median(list.map((m) => m.peakBytes))),
    },
    peakBytesMax: Math.max(...list.map((m) => m.peakBytes)),
    phases: medianPhases(list.map((m) => m.phases)),
  }
}

const describe = (m: Measurement) =>
  `${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, peak ${mb(m.peakBytes)}${m.phases ? ` · ${Object.entries(m.phases).map(([k, v]) => `${k} ${v}s`).join(' · ')}` : ''}`

async function benchSize(factor: number, realDocs: Doc[], realFile: string, warmup: boolean): Promise<SizeResult> {
  let dataFile = realFile
  let docs = realDocs
  if (factor !== 1) {
    docs = multiplyDataset(realDocs, factor)
    dataFile = join(work, 'data', `dataset-x${factor}.ndjson`)
    mkdirSync(dirname(dataFile), { recursive: true })
    writeFileSync(dataFile, toNdjson(docs))
    log(`x${factor}: wrote ${relative(repo, dataFile)} (${docs.length} documents)`)
  }
  const outDir = join(work, 'out', `site-x${factor}`)
  // The build caches (src/charts/disk-cache.ts, src/content/validate.ts, and Astro's cache
  // folder with the pages of incremental builds) of this size live in the benchmark's own
  // folder: the cold run below starts from empty ones and fills them, the measured runs reuse
  // them. Never the developer's node_modules/.cache or node_modules/.astro.
  const cacheDir = join(work, 'cache', `x${factor}`)
  rmSync(cacheDir, { recursive: true, force: true })
  const cacheEnv = (dir: string) => ({ CHART_CACHE_DIR: dir, VALIDATION_CACHE_DIR: dir, ASTRO_CACHE_DIR: dir })
  const env = buildEnv({ CONTENT_FILE: dataFile, ...cacheEnv(cacheDir) })
  // Full builds (--full), as before incremental builds: comparable with earlier results.
  const [siteCmd, siteArgs] = siteCommand(outDir, join(work, `build-report-x${factor}.json`), { full: true })
  const timeoutMs = 30 * 60_000
  // Every measured build starts without a previous output (as in CI): deleting the old
  // output tree (the swap's job on a rebuild, Astro's emptyDir for the floor) is file-system
  // work that varies wildly with other load on this disk, so it is done here, untimed.
  const runSite = async (label: string) => {
    rmSync(outDir, { recursive: true, force: true })
    const m = await measure(siteCmd, siteArgs, { cwd: repo, env, timeoutMs })
    log(`x${factor} site ${label}: ${describe(m)}`)
    return m
  }
  // The first build is the cold one: empty caches (it fills them, as the first build on a fresh
  // machine does). It also tells the page count and warms the file cache; it is not among the
  // measured runs, which all reuse the caches.
  const coldRun = await runSite('cold (empty caches; fills them)')
  const pages = countHtml(outDir)
  const floorDir = join(work, `floor-${pages}`)
  const { outDir: floorOut } = writeFloorProject(floorDir, pages)
  const [floorCmd, floorArgs] = floorCommand(repo, floorDir)
  const runFloor = async (label: string) => {
    rmSync(floorOut, { recursive: true, force: true })
    const m = await measure(floorCmd, floorArgs, { cwd: repo, env: buildEnv(), timeoutMs })
    // The CLI prints no phase line: Astro's own "built in" time and the whole process.
    const astro = astroBuiltSeconds(m.stdout)
    m.phases = { ...(astro === undefined ? {} : { astro }), process: m.wall }
    log(`x${factor} floor (${pages} pages) ${label}: ${describe(m)}`)
    return m
  }
  // The lower bound: the floor with the site's integrations (the stack floor), plus Pagefind
  // indexing the pages the site build just wrote, as the build's search phase does. No build
  // of these pages with this stack can take less: Pagefind reads the finished pages, so it
  // comes after Astro, and the stack floor renders nothing but a heading per page.
  const stackDir = join(work, `stack-floor-${pages}`)
  const { outDir: stackOut } = writeFloorProject(stackDir, pages, { stack: true })
  const [stackCmd, stackArgs] = floorCommand(repo, stackDir)
  const searchOut = join(work, 'out', `search-x${factor}`)
  // The command of the build's search phase (scripts/lib/search-index.ts), on the site run's pages.
  const pagefind = await pagefindCommand(outDir, searchOut, buildEnv())
  const runStack = async (label: string) => {
    rmSync(stackOut, { recursive: true, force: true })
    const astro = await measure(stackCmd, stackArgs, { cwd: repo, env: buildEnv(), timeoutMs })
    rmSync(searchOut, { recursive: true, force: true })
    // In an empty working folder, as the build runs it.
    const cwd = mkdtempSync(join(tmpdir(), 'bench-pagefind-'))
    const search = await measure(pagefind.command, pagefind.args, { cwd, env: pagefind.env, timeoutMs }).finally(() =>
      rmSync(cwd, { recursive: true, force: true }),
    )
    log(`x${factor} stack floor ${label}: ${describe(astro)}; Pagefind on the site's pages: ${describe(search)}`)
    return { astro, search }
  }
  const siteRuns: Measurement[] = []
  const floorRuns: Measurement[] = []
  const stackRuns: { astro: Measurement; search: Measurement }[] = []
  if (warmup) await runFloor('warm-up')
  // Alternate site, floor and lower bound, so all see the same machine load: S F L S F L S F L.
  for (let i = 0; i < runs; i++) {
    siteRuns.push(await runSite(`run ${i + 1}/${runs}`))
    floorRuns.push(await runFloor(`run ${i + 1}/${runs}`))
    stackRuns.push(await runStack(`run ${i + 1}/${runs}`))
  }
  const floor = summarize(floorRuns)
  const stackAstro = summarize(stackRuns.map((r) => r.astro))
  const stackSearch = summarize(stackRuns.map((r) => r.search))
  const stackPages = countHtml(stackOut)
  if (stackPages !== pages) throw new Error(`The stack floor built ${stackPages} pages, the site ${pages}.`)
  const lowerBound: SizeResult['lowerBound'] = {
    stackWall: stackAstro.median.wall,
    searchWall: stackSearch.median.wall,
    wall: round(stackAstro.median.wall + stackSearch.median.wall, 3),
    ratioWall: round((stackAstro.median.wall + stackSearch.median.wall) / floor.median.wall, 2),
    stackRatio: round(stackAstro.median.wall / floor.median.wall, 2),
    // Each lower bound / the floor run right before it.
    ratioPairs: pairRatios(stackRuns.map((r) => r.astro.wall + r.search.wall), floorRuns.map((r) => r.wall)),
  }

  // Publish: incremental builds (no --full) after one figure was edited, with the same env and
  // caches. The first follows the last full run, whose cache holds the unedited dataset; each
  // next one edits the figure again, so every run re-renders the pages that show it (and the
  // pages without a cache key) and copies the rest. Into a folder of their own, so the weight,
  // search index and Lighthouse below still measure the last full build of the real dataset.
  const publishFile = join(work, 'data', `dataset-x${factor}-publish.ndjson`)
  const publishOut = join(work, 'out', `site-x${factor}-publish`)
  const publishReport = join(work, `build-report-x${factor}-publish.json`)
  const [publishCmd, publishArgs] = siteCommand(publishOut, publishReport, { full: false })
  const publishEnv = { ...env, CONTENT_FILE: publishFile }
  const publishRuns: Measurement[] = []
  // A floor build after each publish (P F P F P F): on this shared machine the floor's time
  // moves a lot from one minute to the next, so the publish is compared with floors built
  // right beside it, not with those of the full builds before.
  const publishFloorRuns: Measurement[] = []
  const publishCounts: { pages: number; copiedPages: number }[] = []
  let edited = ''
  mkdirSync(dirname(publishFile), { recursive: true })
  for (let i = 0; i < runs; i++) {
    // Untimed: the edit (a changed file every run) and deleting the last output.
    const edit = publishEdit(docs, i)
    edited = edit.edited
    writeFileSync(publishFile, toNdjson(edit.docs))
    rmSync(publishOut, { recursive: true, force: true })
    rmSync(publishReport, { force: true })
    const m = await measure(publishCmd, publishArgs, { cwd: repo, env: publishEnv, timeoutMs })
    const report = JSON.parse(readFileSync(publishReport, 'utf8')) as { counts?: { pages?: number; copiedPages?: number }; pagesNote?: string | null }
    const counts = { pages: report.counts?.pages ?? 0, copiedPages: report.counts?.copiedPages ?? 0 }
    if (counts.copiedPages === 0) {
      throw new Error(
        `x${factor} publish run ${i + 1}: the incremental cache was not used (0 of ${counts.pages} pages copied from the last build${report.pagesNote ? `: ${report.pagesNote}` : ''}), so its time would not measure a publish. ` +
          `Hint: see ${relative(repo, publishReport)}, and ${relative(repo, cacheDir)} (ASTRO_CACHE_DIR).`,
      )
    }
    publishRuns.push(m)
    publishCounts.push(counts)
    log(`x${factor} site publish run ${i + 1}/${runs} (${edit.edited} = ${edit.value}; ${counts.pages - counts.copiedPages} rendered, ${counts.copiedPages} copied): ${describe(m)}`)
    publishFloorRuns.push(await runFloor(`after publish run ${i + 1}/${runs}`))
  }
  const publishStats = summarize(publishRuns)
  const publishFloor = summarize(publishFloorRuns)
  const publish: SizeResult['publish'] = {
    wall: publishStats.median.wall,
    cpu: publishStats.median.cpu,
    peakBytes: publishStats.peakBytesMax,
    phases: publishStats.phases,
    copiedPages: median(publishCounts.map((c) => c.copiedPages)),
    renderedPages: median(publishCounts.map((c) => c.pages - c.copiedPages)),
    runs: publishStats.runs,
    floorWall: publishFloor.median.wall,
    ratioWall: round(publishStats.median.wall / publishFloor.median.wall, 2),
    ratioPairs: pairRatios(publishRuns.map((r) => r.wall), publishFloorRuns.map((r) => r.wall)),
    edited,
  }

  let profile: SizeResult['profile']
  if (opts.profile) {
    const dir = join(work, 'profiles', `x${factor}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    rmSync(outDir, { recursive: true, force: true })
    // Through NODE_OPTIONS, so the Astro child of the pages phase writes its profile too.
    const profEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim() }
    const m = await measure(siteCmd, siteArgs, { cwd: repo, env: profEnv, timeoutMs })
    log(`x${factor} site profiled: ${describe(m)}`)
    profile = { wall: m.wall, cpu: m.cpu, phases: m.phases, categories: summarizeProfiles(dir).slice(0, 25) }
  }
  const floorPages = countHtml(floorOut)
  if (floorPages !== pages) throw new Error(`The floor built ${floorPages} pages, the site ${pages}.`)

  const site = summarize(siteRuns)
  const segments = locales.map((l) => l.segment)
  const weight = measureWeight(outDir, segments)
  const search = measureSearchIndex(outDir)
  const result: SizeResult = {
    factor,
    dataset: { file: relative(repo, dataFile), documents: docs.length, counts: countByType(docs) },
    pages,
    site,
    floor,
    ratio: {
      wall: round(site.median.wall / floor.median.wall, 2),
      cpu: round(site.median.cpu / floor.median.cpu, 2),
      // The site's pages phase runs the same command as the floor: their ratio is what the
      // site's templates, charts and integrations cost over trivial pages.
      pages: site.phases?.pages ? round(site.phases.pages / floor.median.wall, 2) : null,
      wallPairs: pairRatios(siteRuns.map((r) => r.wall), floorRuns.map((r) => r.wall)),
    },
    lowerBound,
    secondsPerPage: { site: round(site.median.wall / pages, 5), floor: round(floor.median.wall / pages, 5) },
    weight: factor === 1 ? weight : undefined,
    weightSummary: {
      htmlMedianGzip: weight.content.htmlMedianGzip,
      htmlMaxGzip: weight.content.htmlMaxGzip,
      htmlMaxUrl: weight.content.htmlMaxUrl,
      contentJsBytes: weight.content.jsBytes,
      cssMaxPerPageGzip: weight.css.maxPerPage.gzip,
    },
    search,
    cold: {
      wall: coldRun.wall,
      cpu: round(coldRun.cpu),
      peakBytes: coldRun.peakBytes,
      phases: coldRun.phases,
      ratioWall: round(coldRun.wall / floor.median.wall, 2),
    },
    publish,
    profile,
  }
  if (!opts.keep) {
    rmSync(floorOut, { recursive: true, force: true })
    rmSync(stackOut, { recursive: true, force: true })
    rmSync(searchOut, { recursive: true, force: true })
    rmSync(publishOut, { recursive: true, force: true })
    if (factor !== 1) rmSync(outDir, { recursive: true, force: true })
  }
  return result
}

/** Home, an industry page and a metric page (the heaviest one: it has charts) in both languages. */
function lighthouseTargets(outDir: string, origin: string): { url: string; label: string }[] {
  const files = listFiles(outDir)
  const pick = (section: string, heaviest: boolean): string | undefined => {
    const [first] = locales
    const re = new RegExp(`^${first.segment}/${section}/([^/]+)/index\\.html$`)
    const slugs = files.flatMap((f) => {
      const m = re.exec(f)
      return m ? [m[1]!] : []
    })
    if (slugs.length === 0) return undefined
    if (!heaviest) return slugs[0]
    const size = (slug: string) => readFileSync(join(outDir, first.segment, section, slug, 'index.html')).length
    return slugs.reduce((a, b) => (size(b) > size(a) ? b : a))
  }
  const industry = pick('industries', false)
  const metric = pick('metrics', true)
  return locales.flatMap((l) => [
    { url: `${origin}/${l.segment}/`, label: `home (${l.segment})` },
    ...(industry ? [{ url: `${origin}/${l.segment}/industries/${industry}/`, label: `industry ${industry} (${l.segment})` }] : []),
    ...(metric ? [{ url: `${origin}/${l.segment}/metrics/${metric}/`, label: `metric ${metric} (${l.segment})` }] : []),
  ])
}

async function main() {
  assertGnuTime()
  const realFile = resolve(repo, process.env.CONTENT_FILE ?? 'content/dataset.ndjson')
  if (!existsSync(realFile)) throw new Error(`No dataset at ${realFile}. Hint: the benchmark starts from the embedded dataset content/dataset.ndjson.`)
  if (!existsSync(join(repo, 'scripts', 'build.ts'))) throw new Error('scripts/build.ts is missing: the benchmark times `npm run build`.')
  const realDocs = readFileSync(realFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)
  mkdirSync(work, { recursive: true })
  const info = machine()
  log(`${info.cpu}, ${info.nproc} CPUs, ${info.memory}, Node ${info.node}; load average ${info.loadAverage.start.join(' ')}`)
  log(`sizes ${sizes.map((s) => `x${s}`).join(', ')}; ${runs} measured run(s) each${warmup ? ' after a warm-up' : ''}; Lighthouse ${doLighthouse ? 'on' : 'off'}`)

  const results: SizeResult[] = []
  // One warm-up (site and floor) before the first size: it fills the file cache and Vite's
  // dependency cache; the larger sizes run long enough that a second warm-up would only cost time.
  for (const [i, factor] of sizes.entries()) results.push(await benchSize(factor, realDocs, realFile, warmup && i === 0))

  let lighthouse: LighthouseResult[] | undefined
  if (doLighthouse) {
    const x1Out = join(work, 'out', 'site-x1')
    if (!existsSync(x1Out)) throw new Error('Lighthouse needs the real site build (size x1).')
    const port = 4400 + (process.pid % 500)
    const preview = await startPreview(repo, x1Out, port)
    try {
      const targets = lighthouseTargets(x1Out, preview.origin)
      log(`Lighthouse on ${targets.length} pages × ${lighthouseRuns} run(s) via astro preview ${preview.origin}`)
      lighthouse = await runLighthouse(targets, lighthouseRuns)
      for (const l of lighthouse) log(`Lighthouse ${l.label}: ${Object.entries(l.scores).map(([k, v]) => `${k} ${v}`).join(', ')} (runs: ${l.runs.map((r) => Object.values(r).join('/')).join(', ')})`)
    } finally {
      preview.stop()
    }
  }

  const report: BenchResults = {
    schema: 1,
    generatedAt: new Date().toISOString(),
    options: { quick, runs, warmup, sizes, lighthouse: doLighthouse },
    machine: { ...info, loadAverage: { start: info.loadAverage.start, end: loadavg().map((l) => round(l, 2)) } },
    git: gitInfo(),
    method: [
      'Whole-process builds under GNU time: wall (%e), CPU = user+sys of the process tree (%U+%S), peak memory = max(largest process RSS %M, summed RSS of the tree sampled every 100 ms).',
      'Site: node scripts/build.ts --out <dir> --full with CONTENT_FILE=<dataset> (what npm run build runs, without npm); its pages phase runs node astro.mjs build in a child. Floor: a bare Astro 7 project of the same page count built by that same command (node node_modules/astro/bin/astro.mjs build --root <floor>); same Node, same env.',
      `Median of ${runs} run(s) per size after one cold site build with empty build caches (reported on its own)${warmup ? ' and one warm-up build of the floor before the first size' : ''}; site, floor and lower bound alternate so all see the same load; every build starts without a previous output folder (deleted untimed before it).`,
      'The site runs (cold, measured and profiled) are full builds (scripts/build.ts --full: every page rendered, none copied from the last build), comparable with results from before incremental builds. Each size has its own build caches (charts, validation and Astro\'s cache folder, ASTRO_CACHE_DIR) under bench/work/cache/.',
      `Publish: after the site and floor runs, ${runs} incremental build(s) per size (scripts/build.ts without --full, same env and caches), each after an untimed edit of one figure (the first published count, days or money metric by _id: its value + 1, + 2, …, written to bench/work/data/dataset-x<N>-publish.ndjson); Astro copies every page whose cache key is unchanged from the build before and renders the rest. Each is followed by a floor build (P F P F P F). Median wall and CPU, largest peak memory, median pages rendered and copied (from the build report); ratio = publish median wall / median wall of those floor builds; pairs = each publish / the floor build right after it.`,
      'Lower bound: after each floor run, the stack floor (the floor project with the site\'s integrations: MDX, sitemap, Tailwind through its Vite plugin with one stylesheet; built by the same command) and then Pagefind (the program and arguments of the build\'s search phase) indexing the pages the site run just wrote (S F L S F L S F L). Their sum is the least a build of the site\'s pages with this stack can take: Pagefind reads finished pages, so it runs after Astro. Ratio = median stack floor + median Pagefind / floor median; pairs = each sum / the floor run right before it.',
      'Synthetic sizes multiply industries, metrics, figure groups and glossary terms (scripts/bench/synthetic.ts); they pass the build\'s own validation phase.',
      'Page weight: every HTML file of the x1 output; CSS = linked stylesheets + inline <style>; JS = <script src>, inline code scripts, modulepreload; gzip = zlib level 6. Content pages = every template but search.',
    ],
    sizes: results,
    linearity: linearity(results),
    lighthouse,
    budgets: [],
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
  }
  report.budgets = checkBudgets(report)
  mkdirSync(dirname(resultsFile), { recursive: true })
  writeFileSync(resultsFile, JSON.stringify(report, null, 2) + '\n')
  console.log(renderTables(report))
  console.log(`\nMachine: ${info.cpu}, ${info.nproc} CPUs, ${info.memory}, Node ${info.node}. Load average ${report.machine.loadAverage.start.join(' ')} → ${report.machine.loadAverage.end.join(' ')}.`)
  if (opts.markdown) {
    writeFileSync(resolve(repo, opts.markdown), renderTables(report, true) + '\n')
    log(`wrote ${opts.markdown}`)
  }
  log(`wrote ${relative(repo, resultsFile)} in ${report.durationSeconds} s`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
