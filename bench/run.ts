/**
 * `npm run bench`: times the site's build against a bare-Astro floor and a lower bound at
 * 1×, 10× and 100× the content, measures page weight, the search index and Lighthouse,
 * checks the budgets, prints the report and writes bench/results.json.
 *
 * Also the preview server's render time in draft mode (bench/lib/preview.ts; --no-preview skips it).
 *
 * Options: --runs N (default 5 at 1×, 3 above), --sizes 1,10,100, --no-lighthouse, --no-preview,
 * --quick (smoke test: 1 run, sizes 1 and 10, no Lighthouse, results in bench/work/),
 * --results <file>.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { countHtml } from '../scripts/lib/files.ts'
import { locales } from '../schemas/locales.ts'
import { astroBuild, lowerBoundCommand, pagefindCommand, writeFloorProject } from './lib/floor.ts'
import { lighthousePages, requireChromium, runLighthouse } from './lib/lighthouse.ts'
import { benchPreview } from './lib/preview.ts'
import { checkBudgets, ratio, renderReport, type Results, type SizeResult } from './lib/report.ts'
import { multiplyDataset, readNdjson, toNdjson, type Doc } from './lib/synthetic.ts'
import { hyperfine, requireTools, runOnce, shellQuote } from './lib/timing.ts'
import { measureSearchIndex, measureWeight } from './lib/weight.ts'

const repo = resolve(import.meta.dirname, '..')
const work = join(repo, 'bench', 'work')
const segments = locales.map((l) => l.segment)
const LIGHTHOUSE_RUNS = 3
const startedAt = Date.now()
const log = (msg: string) => console.log(`[bench ${Math.round((Date.now() - startedAt) / 1000)}s] ${msg}`)

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-preview': { type: 'boolean', default: false },
    results: { type: 'string' },
  },
})
const quick = opts.quick!
const sizes = (opts.sizes ?? (quick ? '1,10' : '1,10,100')).split(',').map((s) => Number(s.trim().replace(/[x×]/g, '')))
const runsOf = (factor: number) => Number(opts.runs ?? (quick ? 1 : factor === 1 ? 5 : 3))
// One untimed build of each command first: the floors are new projects at every size.
const warmup = quick ? 0 : 1
const lighthouse = !quick && !opts['no-lighthouse']
const resultsFile = resolve(opts.results ?? (quick ? join(work, 'results.quick.json') : join(repo, 'bench', 'results.json')))
if (sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--sizes takes whole numbers from 1, e.g. 1,10,100 (got ${opts.sizes}).`)
if (sizes.some((s) => !Number.isInteger(runsOf(s)) || runsOf(s) < 1)) throw new Error(`--runs takes a whole number from 1 (got ${opts.runs}).`)
if (lighthouse && !sizes.includes(1)) throw new Error('Lighthouse runs on the real site: add size 1 to --sizes, or pass --no-lighthouse.')

const hyperfineVersion = requireTools()
if (lighthouse) requireChromium()

/** The phase times a build wrote into its report, whatever the phases are called. */
const readPhases = (report: string): Record<string, number> => (JSON.parse(readFileSync(report, 'utf8')) as { phases?: Record<string, number> }).phases ?? {}

async function benchSize(factor: number, real: Doc[]): Promise<SizeResult> {
  const dir = join(work, `x${factor}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'pagefind-cwd'), { recursive: true })
  const docs = multiplyDataset(real, factor)
  let dataset = join(repo, 'content', 'dataset.ndjson')
  if (factor !== 1) writeFileSync((dataset = join(dir, 'dataset.ndjson')), toNdjson(docs))
  const [siteOut, report, floorDir, stackDir, searchOut] = ['site', 'build-report.json', 'floor', 'stack-floor', 'pagefind'].map((f) => join(dir, f)) as [
    string,
    string,
    string,
    string,
    string,
  ]
  // Each size has its own cache folder: the cold build starts from an empty one and fills it.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SANITY_PROJECT_ID: '', SANITY_DATASET: '', CONTENT_FILE: dataset, BUILD_CACHE_DIR: join(dir, 'cache') }
  const site = [process.execPath, join(repo, 'scripts', 'build.ts'), '--out', siteOut, '--report', report]

  log(`${factor}×: ${docs.length} documents; cold build (empty cache folder)`)
  const cold = await runOnce(site, { cwd: repo, env, log: join(dir, 'cold.log') })
  const coldPhases = readPhases(report)
  const pages = countHtml(siteOut)
  writeFloorProject(floorDir, pages)
  writeFloorProject(stackDir, pages, { stack: true })

  // Pagefind indexes the pages the site's last run wrote. Its environment (the build's without
  // PAGEFIND_*) is every command's, so all three see the same.
  const pagefind = pagefindCommand(siteOut, searchOut, env)
  // Untimed before each run: delete the last output (as in CI, every build starts without one),
  // and write out the page cache so no run pays for the last one's writes.
  const clean = (...paths: string[]) => `rm -rf ${paths.map(shellQuote).join(' ')} && sync`
  log(`${factor}×: ${pages} pages; hyperfine, ${runsOf(factor)} run(s) of site, floor and lower bound`)
  const [siteTimed, floor, bound] = await hyperfine(
    [
      // The site's output is a link to its build folder (scripts/lib/swap.ts): delete both.
      { name: 'site', argv: site, prepare: clean(siteOut, `${siteOut}.builds`) },
      { name: 'floor', argv: astroBuild(floorDir), prepare: clean(join(floorDir, 'dist')) },
      { name: 'lower-bound', argv: lowerBoundCommand(stackDir, pagefind, join(dir, 'pagefind-cwd')), prepare: clean(join(stackDir, 'dist'), searchOut) },
    ],
    { runs: runsOf(factor), warmup, dir, cwd: repo, env: pagefind.env },
  )
  for (const [name, out] of [
    ['site', siteOut],
    ['floor', join(floorDir, 'dist')],
    ['stack floor', join(stackDir, 'dist')],
  ]) {
    const n = countHtml(out!)
    if (n !== pages) throw new Error(`The ${name} wrote ${n} pages, the cold build ${pages}: they must build the same number.`)
  }
  const result: SizeResult = {
    factor,
    documents: docs.length,
    pages,
    site: siteTimed!,
    floor: floor!,
    lowerBound: bound!,
    ratios: {
      siteToFloor: ratio(siteTimed!.median, floor!.median),
      siteToLowerBound: ratio(siteTimed!.median, bound!.median),
      lowerBoundToFloor: ratio(bound!.median, floor!.median),
    },
    cold: { wall: cold.wall, peakBytes: cold.peakBytes, phases: coldPhases, toFloor: ratio(cold.wall, floor!.median) },
    phases: readPhases(report),
    weight: measureWeight(siteOut, segments),
    search: measureSearchIndex(siteOut),
  }
  // Keep the real site for Lighthouse; the rest only takes disk space.
  for (const d of [join(floorDir, 'dist'), join(stackDir, 'dist'), searchOut, ...(factor === 1 ? [] : [siteOut, `${siteOut}.builds`])]) rmSync(d, { recursive: true, force: true })
  return result
}

function gitInfo(): Results['git'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim()
  return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' }
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100)
const machine: Results['machine'] = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  hyperfine: hyperfineVersion,
  loadAverage: { start: load(), end: [] },
}
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${hyperfineVersion}; load ${machine.loadAverage.start.join(' ')}`)
const real = readNdjson(join(repo, 'content', 'dataset.ndjson'))
const results: SizeResult[] = []
for (const factor of sizes) results.push(await benchSize(factor, real))

let lighthouseResults: Results['lighthouse']
if (lighthouse) {
  const siteOut = join(work, 'x1', 'site')
  const pages = lighthousePages(siteOut, segments)
  log(`Lighthouse: ${pages.length} pages × ${LIGHTHOUSE_RUNS} runs`)
  lighthouseResults = await runLighthouse(repo, siteOut, pages, LIGHTHOUSE_RUNS)
}

let preview: Results['preview']
if (!opts['no-preview']) {
  const industry = real
    .filter((d) => d._type === 'industry' && !String(d._id).startsWith('drafts.'))
    .map((d) => (d.slug as { current: string }).current)
    .sort()[0]
  log('preview server: 20 requests per page in draft mode')
  preview = await benchPreview(repo, work, real, [
    { label: 'industry page', path: `/en/industries/${industry}/` },
    { label: 'figures page', path: '/en/metrics/' },
  ])
}

const report: Results = {
  schema: 2,
  generatedAt: new Date().toISOString(),
  git: gitInfo(),
  machine: { ...machine, loadAverage: { start: machine.loadAverage.start, end: load() } },
  options: { runs: Object.fromEntries(sizes.map((s) => [`${s}×`, runsOf(s)])), warmup, sizes, lighthouse },
  sizes: results,
  lighthouse: lighthouseResults,
  preview,
  budgets: checkBudgets({ sizes: results, lighthouse: lighthouseResults, preview }),
  durationSeconds: Math.round((Date.now() - startedAt) / 1000),
}
mkdirSync(resolve(resultsFile, '..'), { recursive: true })
writeFileSync(resultsFile, JSON.stringify(report, null, 2) + '\n')
console.log(`\n${renderReport(report)}\n`)
log(`wrote ${relative(process.cwd(), resultsFile)}; load ${report.machine.loadAverage.end.join(' ')}`)
