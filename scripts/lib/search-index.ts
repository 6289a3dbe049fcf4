/**
 * The build's search phase: Pagefind's own command-line program indexes the rendered site and
 * writes the index into `<site>/pagefind/`.
 *
 * Why the program and not Pagefind's Node API (`pagefind.createIndex` + `addDirectory` +
 * `writeFiles`): both run the same binary and write byte-identical indexes (checked on the
 * real site), but the API drives it as a service over stdin/stdout and was never faster here.
 * 7,216 pages (npm run bench, x100), back-to-back pairs: with the machine quiet, 16.0, 19.4 and
 * 19.2 s through the API against 11.0, 10.2 and 11.4 s for the program (which then keeps both
 * cores busy); with it busy, 14-16 s either way.
 *
 * The binary is found by the pagefind package's own resolver (`resolveBinary.js`: the
 * `@pagefind/<platform>-<arch>` package, the extended build first, or
 * `PAGEFIND_EXTENDED_BINARY_PATH` / `PAGEFIND_BINARY_PATH`), the one its `npx pagefind` uses.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** What the index holds: pages per Pagefind language (e.g. `en`, `zh-hant-tw`). */
export interface SearchIndexSummary {
  /** Indexed pages, all languages together. */
  pages: number
  /** Indexed pages per language, sorted by language code. */
  languages: Record<string, number>
}

/** A running indexer; see {@link startSearchIndex}. */
export interface SearchIndexRun {
  /** Settles when Pagefind has exited: what it indexed, or why it failed. */
  done: Promise<SearchIndexSummary>
  /** Settles with Pagefind's process id once it runs (never, if it does not start). */
  started: Promise<number>
  /** Stops Pagefind (the build was stopped): nothing it wrote will be used. */
  stop(): void
}

/** The Pagefind binary, as the pagefind package resolves it for `npx pagefind`. */
async function pagefindBinary(): Promise<string> {
  // The package exports only its API; its resolver is a file beside it (lib/resolveBinary.js).
  const api = fileURLToPath(import.meta.resolve('pagefind'))
  const { resolveBinaryPath } = (await import(pathToFileURL(join(dirname(api), 'resolveBinary.js')).href)) as {
    resolveBinaryPath(execnames: string[]): string
  }
  return resolveBinaryPath(['pagefind_extended', 'pagefind'])
}

/**
 * Reads `pagefind-entry.json` of a written index: the pages Pagefind indexed per language.
 * Throws with a hint if there is none, or it lists no page.
 */
export function readSearchIndexSummary(indexDir: string): SearchIndexSummary {
  const file = join(indexDir, 'pagefind-entry.json')
  let entry: { languages?: Record<string, { page_count?: number }> }
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`Pagefind wrote no readable index entry (${file}): ${(error as Error).message}. Hint: its messages are printed above.`)
  }
  const languages: Record<string, number> = {}
  for (const code of Object.keys(entry.languages ?? {}).sort()) languages[code] = entry.languages?.[code]?.page_count ?? 0
  const pages = Object.values(languages).reduce((sum, n) => sum + n, 0)
  if (pages === 0) throw new Error('Pagefind indexed no page. Hint: pages need <html lang> and data-pagefind-body on their main content.')
  return { pages, languages }
}

/**
 * The environment for Pagefind: the build's, without `PAGEFIND_*` variables. The program reads
 * its options from them (and from a `pagefind.{json,yml,yaml,toml}` in its working folder,
 * hence the empty one below), which the Node API ignored: `PAGEFIND_SERVE` would make the build
 * hang serving the site, `PAGEFIND_GLOB` or `PAGEFIND_EXCLUDE_SELECTORS` would change what is
 * indexed. The index depends on the pages only. (The binary's own location,
 * `PAGEFIND_EXTENDED_BINARY_PATH`, has been read by then, in this process.)
 */
export function pagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^PAGEFIND_/i.test(name)))
}

/**
 * The build's Pagefind run as a command: the binary, its arguments (index every HTML file under
 * `siteDir`, write the index to `outputDir`, print only warnings and errors) and its
 * environment (`env` without `PAGEFIND_*`). The benchmark times this same command. Run it in an
 * empty working folder, so no `pagefind.*` config file is picked up (see {@link pagefindEnv}).
 */
export async function pagefindCommand(
  siteDir: string,
  outputDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ command: string; args: string[]; env: NodeJS.ProcessEnv }> {
  return {
    command: await pagefindBinary(),
    args: ['--site', resolve(siteDir), '--output-path', resolve(outputDir), '--quiet'],
    env: pagefindEnv(env),
  }
}

/**
 * Starts Pagefind on `siteDir` (every HTML file under it; only elements marked
 * `data-pagefind-body` are indexed) and writes the index to `outputDir` (the build's:
 * `<siteDir>/pagefind/`). Only warnings and errors are printed (`--quiet`).
 */
export function startSearchIndex(siteDir: string, outputDir = join(siteDir, 'pagefind')): SearchIndexRun {
  let stopped = false
  let kill: (() => void) | undefined
  let onStart: (pid: number) => void = () => undefined
  const started = new Promise<number>((resolvePromise) => (onStart = resolvePromise))
  const done = (async () => {
    const { command: binary, args, env } = await pagefindCommand(siteDir, outputDir)
    if (stopped) throw new Error('Pagefind was stopped.')
    // An empty working folder: no pagefind.* config file can be picked up (see pagefindEnv).
    const cwd = mkdtempSync(join(tmpdir(), 'pagefind-run-'))
    try {
      await new Promise<void>((resolvePromise, reject) => {
        const child = spawn(binary, args, {
          cwd,
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
          windowsHide: true,
        })
        kill = () => child.kill('SIGKILL')
        child.on('spawn', () => onStart(child.pid!))
        child.on('error', (error) => reject(new Error(`Could not run Pagefind (${binary}): ${error.message}. Hint: reinstall the packages (npm ci).`)))
        child.on('close', (code, signal) => {
          if (stopped) return reject(new Error('Pagefind was stopped.'))
          if (signal) return reject(new Error(`Pagefind was killed by ${signal} while indexing the pages. Hint: check the memory available to the build.`))
          if (code !== 0) {
            return reject(
              new Error(
                `Pagefind could not index the pages (exit code ${code}). Hint: its messages are printed above; ` +
                  'it needs HTML pages with <html lang> and data-pagefind-body on their main content.',
              ),
            )
          }
          resolvePromise()
        })
      })
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
    return readSearchIndexSummary(resolve(outputDir))
  })()
  done.catch(() => undefined) // awaited by the caller; not an unhandled rejection meanwhile
  return {
    done,
    started,
    stop() {
      stopped = true
      kill?.()
    },
  }
}
