/**
 * `npm run build`: the all-or-nothing site build. It reads top to bottom, the phases in their
 * order, but Astro starts with the build and the files and Pagefind run beside it (see each):
 *
 *   content   pick the source (the embedded dataset, or Sanity when SANITY_PROJECT_ID and
 *             SANITY_DATASET are set), fetch every document and run the one site query
 *   validate  Sanity's rules from schemas/ plus the dataset checks (src/content/validation/)
 *   views     build every locale's view once (src/content/views.ts) and write it to a JSON
 *             snapshot, the only thing Astro's pages read
 *   pages     Astro renders the pages from the snapshot into a fresh folder under .tmp/. It
 *             starts with the build (its start-up and bundling need no content) and its first
 *             page waits for the snapshot; its messages are kept back until the content
 *             passes, and bad content stops it unseen
 *   files     at the same time, the files to take away (each figure's JSON, CSV, SVG and PNG,
 *             /data/metrics.*, share cards) are written from the views in memory
 *             (src/open-data/) into a folder of their own, with build.json: each published
 *             document's revision and its pages (lib/build-manifest.ts); pictures the cache
 *             lacks (and every file, when no chart is cached) wait for Astro and Pagefind;
 *             when all are done the files move in beside the pages
 *   search    Pagefind indexes the rendered pages (scripts/lib/search-index.ts) as soon as
 *             Astro is done, beside what is left of the files; its service starts when the
 *             content passes, so only the indexing waits for the pages
 *   swap      only now does the finished site replace the output: dist/ is a link to the
 *             finished build, flipped in one rename (scripts/lib/swap.ts)
 *
 * Before the content phase the output and work folders are checked writable, the output's
 * lock is taken (one build per output folder) and leftovers of dead builds are swept.
 *
 * Bad content (or a missing or stale translation with STRICT_I18N=1) stops the build after validate or
 * views, with every problem named by document, field and fix. Whatever fails, the output
 * folder is left exactly as it was and the temporary folder is removed. Every run writes
 * build-report.json and ends with the phase line.
 *
 * Options: --out <dir> (default dist), --report <file> (default build-report.json),
 * --check (stop after views, write nothing: `npm run content:validate`).
 *
 * Runs on Node's own type stripping (`node scripts/build.ts`): relative imports carry their
 * `.ts` extension and only erasable TypeScript is used (tsconfig `erasableSyntaxOnly`).
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1'

import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { ContentError, HintedError, toContentIssue } from '../src/content/content-error.ts'
import { SNAPSHOT_PENDING_VARIABLE, SNAPSHOT_VARIABLE, type ContentSnapshot } from '../src/content/render-views.ts'
import { redact } from '../src/content/source/errors.ts'
import type { ContentSource } from '../src/content/source/index.ts'
import { formatReport } from '../src/content/validation/print.ts'
import { failedReport, strictI18nFromEnv, type ValidationReport } from '../src/content/validation/report.ts'
import { FALLBACK_SITE_URL } from '../schemas/site-paths.ts'
import { siteUrlFromEnv } from '../src/utils/site-url.ts'
import type { BuildOutcome } from './lib/build-report.ts'
import { packageBin, runTool, stopTools } from './lib/child.ts'
import { countHtml } from './lib/files.ts'
import { assertWritable, describeFsError } from './lib/fs-errors.ts'
import { acquireOutputLock, type OutputLock } from './lib/output-lock.ts'
import { moveInto } from './lib/site-file.ts'
import { Phases } from './lib/phases.ts'
import { assertSafeOutDir, buildsDir, flipSite, stageSite, sweepLeftovers } from './lib/swap.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({ options: { out: { type: 'string' }, report: { type: 'string' }, check: { type: 'boolean', default: false } } })
// Defaults live in the project; paths given on the command line are relative to where it runs.
const outDir = args.out ? resolve(args.out) : join(projectRoot, 'dist')
const reportFile = args.report ? resolve(args.report) : join(projectRoot, 'build-report.json')
const tmpDir = join(projectRoot, '.tmp')
const work = join(tmpDir, `build-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`)
let lock: OutputLock | undefined
/** Stops Pagefind's service (set once it is loaded): a failed or stopped build ends it with Astro. */
let stopSearch = () => {}

// Listed in this order: pages and files run side by side and may end in either order.
const phases = new Phases(['content', 'validate', 'views', 'pages', 'files', 'search', 'swap'])
const outcome: BuildOutcome = { startedAt: new Date() }
const print = (text: string) => console.log(redact(text))
const printError = (text: string) => console.error(redact(text))
const shownOut = relative(process.cwd(), outDir) || outDir

/** Stops the build where it is: the content is what to fix, and nothing was built. */
function contentFailed(report: ValidationReport): never {
  outcome.report = report
  print(formatReport(report))
  const strictOnly = report.errors.length === 0
  throw new HintedError(
    strictOnly ? 'Missing or stale translations with STRICT_I18N=1: nothing was built.' : 'The content has errors: nothing was built.',
    strictOnly
      ? 'Add or update the translations listed above (document, field, language), mark them up to date in the Studio, or build without STRICT_I18N=1.'
      : 'Fix each problem listed above (document, field, fix), then build again.',
    'content.invalid',
  )
}

/**
 * The site's address as a URL, checked before a build starts: every canonical link, feed and
 * figure file is made from it, so a value that is no web address stops the build at once.
 */
function checkedSiteUrl(): URL {
  const value = siteUrlFromEnv()
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url
  throw new HintedError(
    `SITE_URL "${process.env.SITE_URL?.trim()}" is not a web address.`,
    "Set SITE_URL to the site's public address, e.g. SITE_URL=https://your-domain.example, or leave it unset.",
    'build.site-url',
  )
}

/**
 * Before anything is built: the output folder must be safe to replace, the folders the
 * publish step writes (beside the output, and the builds behind it) and the work folder must
 * be writable, and no other build may be writing the same output (the lock). Then what dead
 * builds left behind is swept. A problem here fails at once, not after a whole build.
 */
function prepareOutput(): void {
  assertSafeOutDir(outDir, projectRoot)
  assertWritable(dirname(outDir), 'the folder that holds the output,')
  lock = acquireOutputLock(outDir, shownOut)
  if (existsSync(buildsDir(outDir))) assertWritable(buildsDir(outDir), 'the folder of finished builds,')
  assertWritable(tmpDir, 'the work folder')
  const swept = sweepLeftovers(outDir, tmpDir)
  if (swept.length) print(`Swept what stopped builds left: ${swept.map((path) => relative(process.cwd(), path) || path).join(', ')}`)
}

/** Astro's build of the pages from the snapshot (written later, by the views phase) into `siteDir`. */
function startAstro(siteDir: string, snapshot: string, holdOutput: Promise<void>): { done: Promise<void>; startedAt: number } {
  const startedAt = performance.now()
  const done = runTool({
    name: 'Astro',
    script: packageBin(projectRoot, 'astro'),
    args: ['build', '--root', projectRoot, '--outDir', siteDir],
    cwd: projectRoot,
    env: { ...process.env, [SNAPSHOT_VARIABLE]: snapshot, [SNAPSHOT_PENDING_VARIABLE]: '1' },
    hint: "Astro's messages are printed above.",
    holdOutput,
  })
  // Awaited once the content passed; a failure before then is the content's, not Astro's.
  done.catch(() => {})
  return { done, startedAt }
}

/** A test hook, read by tests only: widens the moment between staging the site and the flip. */
async function testPauseBeforeSwap(): Promise<void> {
  const ms = Number(process.env.BUILD_TEST_PAUSE_BEFORE_SWAP_MS ?? 0)
  if (!(ms > 0)) return
  printError(`(test hook) pausing ${ms} ms before the swap`)
  await new Promise((done) => setTimeout(done, ms))
}

/** A test hook, read by tests only: the files phase fails at once, while Astro is still at work. */
function testFailFiles(): void {
  if (process.env.BUILD_TEST_FAIL_FILES !== '1') return
  throw new HintedError('(test hook) the files failed.', 'Unset BUILD_TEST_FAIL_FILES: it is for tests only.', 'build.test-hook')
}

async function build(): Promise<void> {
  // Said once, before anything is built: a site published with placeholder addresses has
  // canonical links, a sitemap and feeds that point somewhere else.
  if (!args.check && !process.env.SITE_URL?.trim()) {
    print(
      `Note: SITE_URL is not set, so the site's addresses (canonical links, sitemap, feeds, figure files) use the placeholder ${FALLBACK_SITE_URL}. Fix: set SITE_URL to the public address, e.g. SITE_URL=https://your-domain.example npm run build.`,
    )
  }
  // Checked before anything runs: every address the site writes is made from it.
  const siteUrl = args.check ? undefined : checkedSiteUrl()
  if (!args.check) prepareOutput()
  const strictI18n = strictI18nFromEnv()

  // Astro starts now, while the content is loaded and checked: its start-up and Vite's
  // bundling need no content, and its first page waits for the snapshot. What it prints is
  // kept back until the content passes; bad content stops it (the catch below), unseen.
  const snapshot = join(work, 'content.json')
  const siteDir = join(work, 'site')
  const { promise: contentChecked, resolve: contentPassed } = Promise.withResolvers<void>()
  const astro = args.check ? undefined : startAstro(siteDir, snapshot, contentChecked)
  // What the phases below run is loaded only now, with Astro started: it is most of what this
  // script loads, and loaded first it held Astro's start back (docs/build.md).
  const [
    { default: writeFileAtomic },
    { loadSiteContent },
    { sourceFromEnv },
    { documentsForValidation, lookupIdsIn, validateDocuments },
    { buildSiteViews },
    { buildManifest, writeBuildManifest },
    { writeOpenDataFiles },
    { openSearchIndex, stopSearchIndex },
  ] = await Promise.all([
    import('write-file-atomic'),
    import('../src/content/load.ts'),
    import('../src/content/source/index.ts'),
    import('../src/content/validation/index.ts'),
    import('../src/content/views.ts'),
    import('./lib/build-manifest.ts'),
    import('./lib/open-data.ts'),
    import('./lib/search-index.ts'),
  ])

  let source: ContentSource | undefined
  const loaded = await phases.run('content', async () => {
    try {
      source = sourceFromEnv()
      outcome.source = source
      const [documents, content] = await Promise.all([documentsForValidation(source), loadSiteContent(source)])
      return { documents, content }
    } catch (error) {
      return contentFailed(failedReport(source?.description ?? 'the content source', toContentIssue(error), strictI18n))
    }
  })
  const from = source!

  const report = await phases.run('validate', async () => {
    const checked = await validateDocuments(loaded.documents, { source: from.description, lookupIds: lookupIdsIn(from), strictI18n, ownThread: true })
    return checked.ok ? checked : contentFailed(checked)
  })

  const views = await phases.run('views', () => {
    try {
      const views = buildSiteViews(loaded.content, { preview: from.preview })
      mkdirSync(work, { recursive: true })
      writeFileAtomic.sync(snapshot, JSON.stringify({ views } satisfies ContentSnapshot))
      return views
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      return contentFailed({ ...report, ok: false, errors: [...report.errors, toContentIssue(error)] })
    }
  })
  outcome.report = report
  print(formatReport(report))
  if (args.check) return

  // The content passed: Astro's messages may show, and its pages are what the build waits for.
  contentPassed()
  stopSearch = stopSearchIndex
  const searchIndex = openSearchIndex()
  searchIndex.catch(() => {})
  const filesDir = join(work, 'files')
  // Astro (a child process) and the files (this process, and its PNG threads) run side by
  // side: neither reads the other's output. Astro empties its folder first, so the files go
  // into a folder of their own and move in beside the pages when both are done.
  const pages = phases.run(
    'pages',
    async () => {
      await astro!.done
      const pages = countHtml(siteDir)
      if (pages === 0) throw new HintedError('Astro rendered no HTML page.', 'Check src/pages/ and the loaded content.', 'pages.none')
      return pages
    },
    astro!.startedAt,
  )
  // Pagefind indexes the pages alone, so it starts as soon as they are done.
  const search = pages.then(() => phases.run('search', async () => (await searchIndex).write(siteDir)))
  const files = phases.run('files', () => {
    testFailFiles()
    writeBuildManifest(filesDir, buildManifest({ builtAt: outcome.startedAt, origin: from.origin, changes: loaded.content.changes, views }))
    // Pictures the cache lacks, and every file when no chart is cached, are made once Astro and
    // Pagefind are done: drawing takes every core and most of the memory, which added to
    // either tool's was the build's peak.
    return writeOpenDataFiles(views, siteUrl!, filesDir, search)
  })
  const [pageCount, fileCount, searched] = await Promise.all([pages, files, search])
  outcome.pages = pageCount
  outcome.files = fileCount
  outcome.search = searched
  moveInto(filesDir, siteDir)
  await phases.run('swap', async () => {
    const staged = stageSite(siteDir, outDir, basename(work))
    await testPauseBeforeSwap()
    lock!.assertHeld()
    flipSite(staged)
  })
}

// A signal (a newer publish cancelling this build, Ctrl-C) stops the tools and removes the work.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    printError(`✗ Build stopped by ${signal}: ${shownOut} was left as it was.`)
    stopTools()
    stopSearch()
    rmSync(work, { recursive: true, force: true })
    lock?.release()
    process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143)
  })
}

try {
  await build()
} catch (caught) {
  // A disk that is full or read-only is said with its path and the fix, not as a bare errno.
  const error = describeFsError(caught) ?? caught
  outcome.failure = toContentIssue(error, 'build.failed')
  // Astro may still be starting (the content failed) or rendering (the files failed), Pagefind
  // indexing: stop them first.
  stopTools()
  stopSearch()
  // Not a known failure but a bug: its stack is what a developer needs.
  if (!(error instanceof ContentError || error instanceof HintedError)) printError(String((error as Error).stack ?? error))
} finally {
  rmSync(work, { recursive: true, force: true })
  lock?.release()
}

if (outcome.failure) {
  printError(`✗ Build failed${phases.failed ? ` in ${phases.failed}` : ''}: ${outcome.failure.message}`)
  printError(`  Fix: ${outcome.failure.hint}`)
  if (!args.check) printError(`  ${shownOut} was left as it was.`)
} else if (!args.check) {
  print(`✓ Built ${outcome.pages} pages (${outcome.search?.pages} in search) into ${shownOut}.`)
}
if (!args.check) {
  // Loaded last, like the phases' code above: it imports the content source.
  const { writeBuildReport } = await import('./lib/build-report.ts')
  writeBuildReport(reportFile, outcome, phases, { projectRoot, outDir }, printError)
}
// The phase line comes last: people and the benchmark read it there.
print(phases.line())
process.exit(outcome.failure ? 1 : 0)
