/**
 * The build's search phase: Pagefind indexes the rendered site and writes the index into
 * `<site>/pagefind/`. One index per language: Pagefind reads each page's `<html lang>`, and
 * segments Chinese only on pages whose language starts with `zh`.
 *
 * It runs through Pagefind's Node API, which drives Pagefind's own program as a service. The
 * build opens the index while Astro is still rendering (`openSearchIndex`), so only the indexing
 * itself waits for the pages. The service takes its options from the API alone (no `PAGEFIND_*`
 * variable, no `pagefind.*` file where the build runs), so the index depends on the pages only.
 * It ends when its input closes, which the kernel does when the build dies, however it dies.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as pagefind from 'pagefind'
import { HintedError } from '../../src/content/content-error.ts'

/** What the index holds: pages per Pagefind language (e.g. `en`, `zh-hant-tw`). */
export interface SearchIndexSummary {
  /** Indexed pages, all languages together. */
  pages: number
  /** Indexed pages per language, sorted by language code. */
  languages: Record<string, number>
}

/** An index waiting for its pages. */
export interface SearchIndex {
  /** Indexes every HTML file under `siteDir`, writes the index to `outputDir` and says what it holds. */
  write(siteDir: string, outputDir?: string): Promise<SearchIndexSummary>
}

const HINT = "Pagefind's messages are printed above; it needs HTML pages with <html lang> and data-pagefind-body on their main content."

/** Throws what Pagefind reported, if anything. */
function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new HintedError(`Pagefind could not ${step}: ${errors.join('; ')}.`, HINT, 'search.failed')
}

/** A call to the service that was stopped (the build failed or was stopped) says so. */
async function call<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    throw new HintedError(`Pagefind stopped: ${(error as Error).message ?? error}.`, HINT, 'search.failed')
  }
}

/** Starts Pagefind's service with a new, empty index (one at a time: writing it closes the service). */
export async function openSearchIndex(): Promise<SearchIndex> {
  const created = await call(pagefind.createIndex({}))
  check('start', created.errors)
  const index = created.index!
  return {
    async write(siteDir, outputDir = join(siteDir, 'pagefind')) {
      try {
        const added = await call(index.addDirectory({ path: resolve(siteDir) }))
        check(`index ${siteDir}`, added.errors)
        check(`write the index to ${outputDir}`, (await call(index.writeFiles({ outputPath: resolve(outputDir) }))).errors)
      } finally {
        // Written or failed, the service is done: closing it frees the index's memory.
        await pagefind.close()
      }
      return readSearchIndexSummary(resolve(outputDir))
    },
  }
}

/** Stops Pagefind's service, and with it any indexing under way (the build failed or was stopped). */
export function stopSearchIndex(): void {
  void pagefind.close()
}

/** Indexes `siteDir` into `outputDir` (the build's: `<siteDir>/pagefind/`) and says what the index holds. */
export async function buildSearchIndex(siteDir: string, outputDir?: string): Promise<SearchIndexSummary> {
  return (await openSearchIndex()).write(siteDir, outputDir)
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
