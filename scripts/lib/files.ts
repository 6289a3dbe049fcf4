/**
 * Listing the files of a built site: one implementation for the build (its page count), the
 * benchmark and the tests.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts): node built-ins only.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * Every file under `dir`, as `/`-separated paths relative to it, sorted (never in directory
 * order). File types come from the directory entries (no `stat` per file); an absent folder
 * has none.
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** The number of HTML files under `dir` (the pages of a built site). */
export function countHtml(dir: string): number {
  return listFiles(dir).filter((file) => file.endsWith('.html')).length
}
