/**
 * The build's search phase: Pagefind's own command (the `pagefind` bin of its npm package,
 * what `npx pagefind` runs) indexes the rendered site and writes the index into
 * `<site>/pagefind/`. One index per language: Pagefind reads each page's `<html lang>`, and
 * segments Chinese only on pages whose language starts with `zh`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HintedError } from '../../src/content/content-error.ts'
import { packageBin, runTool } from './child.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** What the index holds: pages per Pagefind language (e.g. `en`, `zh-hant-tw`). */
export interface SearchIndexSummary {
  /** Indexed pages, all languages together. */
  pages: number
  /** Indexed pages per language, sorted by language code. */
  languages: Record<string, number>
}

/**
 * The environment for Pagefind: the build's, without `PAGEFIND_*` variables. Pagefind reads
 * options from them (and from a `pagefind.*` file in its working folder, hence the empty one
 * it runs in): `PAGEFIND_SERVE` would make the build hang serving the site, `PAGEFIND_GLOB`
 * would change what is indexed. The index depends on the pages only.
 */
export function pagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^PAGEFIND_/i.test(name)))
}

/**
 * The build's Pagefind run as a command (run it with this process's Node, in an empty folder):
 * index every HTML file under `siteDir`, write the index to `outputDir`, print only warnings
 * and errors. The benchmark times this same command.
 */
export async function pagefindCommand(
  siteDir: string,
  outputDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ command: string; args: string[]; env: NodeJS.ProcessEnv }> {
  return {
    command: process.execPath,
    args: [packageBin(projectRoot, 'pagefind'), '--site', resolve(siteDir), '--output-path', resolve(outputDir), '--quiet'],
    env: pagefindEnv(env),
  }
}

/** Reads `pagefind-entry.json` of a written index: the pages Pagefind indexed per language. */
export function readSearchIndexSummary(indexDir: string): SearchIndexSummary {
  const file = join(indexDir, 'pagefind-entry.json')
  let entry: { languages?: Record<string, { page_count?: number }> }
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new HintedError(`Pagefind wrote no readable index entry (${file}): ${(error as Error).message}.`, "Pagefind's messages are printed above.", 'search.failed')
  }
  const languages: Record<string, number> = {}
  for (const code of Object.keys(entry.languages ?? {}).sort()) languages[code] = entry.languages?.[code]?.page_count ?? 0
  const pages = Object.values(languages).reduce((sum, n) => sum + n, 0)
  if (pages === 0) throw new HintedError('Pagefind indexed no page.', 'Pages need <html lang> and data-pagefind-body on their main content.', 'search.failed')
  return { pages, languages }
}

/** Indexes `siteDir` into `outputDir` (the build's: `<siteDir>/pagefind/`) and says what the index holds. */
export async function buildSearchIndex(siteDir: string, outputDir = join(siteDir, 'pagefind')): Promise<SearchIndexSummary> {
  const { args, env } = await pagefindCommand(siteDir, outputDir)
  const cwd = mkdtempSync(join(tmpdir(), 'pagefind-run-'))
  try {
    await runTool({
      name: 'Pagefind',
      script: args[0]!,
      args: args.slice(1),
      cwd,
      env,
      hint: "Pagefind's messages are printed above; it needs HTML pages with <html lang> and data-pagefind-body on their main content.",
    })
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
  return readSearchIndexSummary(resolve(outputDir))
}
