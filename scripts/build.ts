/**
 * `npm run build`: the all-or-nothing site build.
 *
 *   content   pick the source (local dataset or Sanity, from the environment), fetch every
 *             document to validate and run the site query once
 *   validate  Sanity's rules from schemas/ plus the dataset checks; on errors (or missing
 *             translations with STRICT_I18N=1) stop here: Astro is stopped, nothing is published
 *   pages     Astro's build (a child process, same Node) into a fresh folder under .tmp/. It starts
 *             first, next to content and validate: Astro's start-up and bundling need no content,
 *             and its pages wait for the JSON snapshot (CONTENT_SNAPSHOT) of the content loaded
 *             above, never query again. If content or validation fails, Astro is stopped.
 *   search    Pagefind index of the rendered pages, written into <site>/pagefind by Pagefind's
 *             own program (scripts/lib/search-index.ts)
 *   swap      only now is the finished folder moved into the output folder (dist/); the old
 *             one goes to .tmp/trash/, which the next build empties in a worker thread
 *
 * On any failure the output folder is left exactly as it was and the temporary folder is
 * removed. Every run ends with a phase timing line and writes build-report.json.
 *
 * Pages whose content and code are unchanged since the last build are copied from Astro's
 * cache instead of rendered (incremental builds: src/content/page-keys.ts,
 * scripts/lib/incremental.ts); the search index and every other page are made anew.
 *
 * Options: --out <dir> (default dist), --report <file> (default build-report.json),
 * --full (render every page, ignoring the last build; the cache is still recorded).
 *
 * Runs on Node's own type stripping (`node scripts/build.ts`, Node >= 22.18), not tsx: tsx's
 * loader hooks cost about 2 s of CPU per build here. So this file and every module it loads
 * import relative files with their `.ts` extension and use only erasable TypeScript
 * (tsconfig `erasableSyntaxOnly`).
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1'

import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { checkContent } from './lib/content-check.ts'
import { countHtml } from './lib/files.ts'
import { Phases } from './lib/phases.ts'
import { redact } from './lib/redact.ts'
import { assertSafeOutDir, emptyTrash, swapInto } from './lib/swap.ts'
import { astroCacheDir, claimIncrementalCache, type IncrementalCache } from './lib/incremental.ts'
import { startSearchIndex, type SearchIndexRun } from './lib/search-index.ts'
import { writeFileAtomic } from '../src/utils/build-cache.ts'
import type { ValidationReport } from '../src/content/validate.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    report: { type: 'string' },
    full: { type: 'boolean', default: false },
  },
  allowPositionals: false,
})
// Defaults live in the project; paths given on the command line are relative to where it runs.
const outDir = args.out ? resolve(args.out) : join(projectRoot, 'dist')
const reportFile = args.report ? resolve(args.report) : join(projectRoot, 'build-report.json')

const phases = new Phases(['content', 'validate', 'pages', 'search', 'swap'])
const startedAt = new Date()
const print = (text: string) => console.log(redact(text))
const printError = (text: string) => console.error(redact(text))

interface BuildOutcome {
  report?: ValidationReport
  sourceKind?: string
  sourceDescription?: string
  pages?: number
  /** Pages copied from the last build instead of rendered. */
  copiedPages?: number
  incrementalNote?: string
  searchPages?: number
  error?: string
}

/** The Astro build, running as a child process; see {@link startPages}. */
interface PagesRun {
  /** Settles when Astro has exited: the number of HTML pages written, or why it failed. */
  done: Promise<number>
  /** Stops Astro (content failed to load or validate): nothing it wrote will be used. */
  stop(): void
}

/**
 * Starts Astro's build of the pages into `siteDir`, in a child process on the same Node.
 *
 * Why a child process: (1) its memory is returned when it exits, so Pagefind (next phase,
 * ~0.7 GB on 7,000 pages) does not run next to a 1.3 GB heap: peak memory of the x100
 * benchmark build 2.3 GB -> 1.4 GB; (2) Astro's start-up overlaps this process's content
 * loading and validation (below).
 *
 * Why it starts first: Astro spends its first seconds starting up and bundling the site,
 * which needs no content; the pages wait for the content snapshot (`CONTENT_SNAPSHOT`, see
 * src/content/load.ts) that this process writes once the site query has answered, and
 * validation then runs on the other core while Astro renders. Nothing is published unless
 * both succeed (the swap comes last). Measured with `npm run bench` (docs/benchmark.md).
 */
function startPages(siteDir: string, snapshot: string, cache: IncrementalCache): PagesRun {
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')
  const child = spawn(process.execPath, [astro, 'build', '--root', projectRoot, '--outDir', siteDir, ...cache.args], {
    // In the project root, wherever the build was started from: the chart cache lives under it.
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...cache.env, CONTENT_SNAPSHOT: snapshot },
  })
  cache.holdFor(child.pid)
  let stopped = false
  const done = new Promise<number>((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (stopped) return reject(new Error('astro build was stopped.'))
      if (code !== 0) return reject(new Error(`astro build exited with code ${code}. Hint: its messages are printed above.`))
      const pages = countHtml(siteDir)
      if (pages === 0) return reject(new Error('Astro rendered no HTML page. Hint: check src/pages/ and the loaded content.'))
      resolvePromise(pages)
    })
  })
  done.catch(() => undefined) // awaited later; not an unhandled rejection meanwhile
  return {
    done,
    stop() {
      stopped = true
      child.kill('SIGKILL')
    },
  }
}

async function main(): Promise<BuildOutcome> {
  const outcome: BuildOutcome = {}
  assertSafeOutDir(outDir, projectRoot)

  // A fresh temporary folder: the site, and the content snapshot pages read.
  const tmp = join(projectRoot, '.tmp')
  const work = join(tmp, `build-${startedAt.toISOString().replace(/[:.]/g, '-')}-${process.pid}`)
  // The last build's old site (see swapInto) is deleted while this one runs; awaited at the end.
  const trash = join(tmp, 'trash')
  const trashEmptied = emptyTrash(trash).catch((error: Error) => print(`! ${error.message}`))
  const siteDir = join(work, 'site')
  const snapshot = join(work, 'content.json')
  mkdirSync(work, { recursive: true })
  let pages: PagesRun | undefined
  let search: SearchIndexRun | undefined
  // Released in `finally`: a build that does not reach the swap forgets the page cache.
  const cache = claimIncrementalCache(astroCacheDir(projectRoot), { full: args.full })
  let published = false
  // A signal (a newer publish cancelling this build, Ctrl-C) stops Astro first: it must not go
  // on writing page copies into the cache once this build has given it up.
  const onSignal = (signal: NodeJS.Signals) => {
    printError(`✗ Build stopped by ${signal}: ${relative(process.cwd(), outDir) || outDir} was left as it was.`)
    pages?.stop()
    search?.stop()
    const finish = () => {
      cache.release(false)
      rmSync(work, { recursive: true, force: true })
      process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143)
    }
    Promise.allSettled([pages?.done, search?.done]).then(finish)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal)
  try {
    // pages: Astro starts now and waits for the snapshot (see startPages).
    const pagesPhase = phases.run('pages', async () => {
      pages = startPages(siteDir, snapshot, cache)
      const count = await pages.done
      // Copied pages link the asset files of the build that rendered them: if this build's
      // differ, render every page again (see scripts/lib/incremental.ts).
      if (cache.assetsMatch(siteDir) || cache.copiedPages() === 0) return count
      print(`! The site's asset files (_astro/) changed since the last build: rendering every page again.`)
      cache.forceFull("the site's asset files changed since the last build: every page was rendered again")
      rmSync(siteDir, { recursive: true, force: true })
      pages = startPages(siteDir, snapshot, cache)
      const again = await pages.done
      cache.assetsMatch(siteDir)
      return again
    })
    pagesPhase.catch(() => undefined) // awaited below

    // content + validate, next to Astro's start-up and bundling.
    const check = await checkContent(async () => (await import('../src/content/source.ts')).sourceFromEnv(), phases, {
      // Written whole, then renamed: Astro never reads half a file.
      onContent: (content) => {
        try {
          writeFileAtomic(snapshot, JSON.stringify(content))
        } catch (error) {
          // Not the content's fault: say what could not be written, and why.
          throw new Error(
            `Could not write the content snapshot ${snapshot}: ${(error as Error).message}. ` +
              'Hint: the build writes it under .tmp/ in the project; check that this folder is writable and the disk has room.',
          )
        }
      },
    })
    outcome.report = check.report
    outcome.sourceKind = check.source?.kind
    outcome.sourceDescription = check.report.source
    const { formatReport } = await import('../src/content/validate.ts')
    print(formatReport(check.report))
    if (!check.report.ok || !check.content) {
      pages?.stop()
      await pagesPhase.catch(() => undefined)
      // The pages phase did not fail: it was stopped because the content did (or it crashed on
      // content that validation then rejected: the content is what to fix).
      delete phases.seconds.pages
      if (!phases.failed || phases.failed === 'pages') phases.failed = 'validate'
      outcome.error = check.report.strictI18n && check.report.errors.length === 0
        ? 'Missing translations with STRICT_I18N=1: nothing was built.'
        : 'The content has errors: nothing was built.'
      return outcome
    }

    outcome.pages = await pagesPhase
    outcome.copiedPages = cache.copiedPages()
    outcome.incrementalNote = cache.note

    await phases.run('search', async () => {
      search = startSearchIndex(siteDir)
      const indexed = await search.done
      outcome.searchPages = indexed.pages
    })

    await phases.run('swap', async () => swapInto(siteDir, outDir, trash))
    published = true
  } finally {
    // Astro is stopped and gone before the cache is released: it writes into the cache.
    const run = pages as PagesRun | undefined
    run?.stop()
    await run?.done.catch(() => undefined)
    cache.release(published)
    rmSync(work, { recursive: true, force: true })
    await trashEmptied
  }
  return outcome
}

let outcome: BuildOutcome = {}
let exitCode = 0
try {
  outcome = await main()
  if (outcome.error) exitCode = 1
} catch (error) {
  exitCode = 1
  outcome.error = error instanceof Error ? (error.stack ?? error.message) : String(error)
}

const report = outcome.report
const ok = exitCode === 0
if (!ok) {
  printError(`✗ Build failed${phases.failed ? ` in ${phases.failed}` : ''}: ${outcome.error ?? 'unknown error'}`)
  printError(`  ${relative(process.cwd(), outDir) || outDir} was left as it was.`)
} else {
  const copied = outcome.copiedPages ?? 0
  const how = copied > 0 ? `${(outcome.pages ?? 0) - copied} rendered, ${copied} unchanged and copied from the last build` : 'all rendered'
  print(`✓ Built ${outcome.pages} pages (${how}; ${outcome.searchPages} in search) into ${relative(process.cwd(), outDir) || outDir}.`)
  if (outcome.incrementalNote && copied === 0) print(`  Pages: ${outcome.incrementalNote}.`)
}

const buildReport = {
  ok,
  failedPhase: ok ? null : (phases.failed ?? null),
  error: ok ? null : (outcome.error ?? null),
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  outDir: relative(projectRoot, outDir) || '.',
  source: { kind: outcome.sourceKind ?? null, description: outcome.sourceDescription ?? null },
  // Incremental builds: why every page was rendered, when it was (null when some were copied).
  pagesNote: (outcome.copiedPages ?? 0) > 0 ? null : (outcome.incrementalNote ?? null),
  strictI18n: report?.strictI18n ?? null,
  counts: {
    documents: report?.documents ?? 0,
    byType: report?.counts ?? {},
    pages: outcome.pages ?? 0,
    copiedPages: outcome.copiedPages ?? 0,
    searchPages: outcome.searchPages ?? 0,
    errors: report?.errors.length ?? 0,
    missingTranslations: report?.missingTranslations.length ?? 0,
    warnings: report?.warnings.length ?? 0,
  },
  phases: phases.toJSON(),
  errors: report?.errors ?? [],
  missingTranslations: (report?.missingTranslations ?? []).map((m) => ({
    document: m.documentId,
    type: m.documentType,
    field: m.field,
    locale: m.locale ?? null,
    message: m.message,
    hint: m.hint,
  })),
  warnings: report?.warnings ?? [],
}
try {
  mkdirSync(dirname(reportFile), { recursive: true })
  writeFileSync(reportFile, redact(JSON.stringify(buildReport, null, 2)) + '\n')
} catch (error) {
  printError(`Could not write the build report ${reportFile}: ${(error as Error).message}`)
}

// The phase line comes last: people and the benchmark read it there.
print(phases.line())
process.exit(exitCode)
