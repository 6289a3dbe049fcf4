/**
 * What the build's caches share (charts: src/charts/disk-cache.ts; Sanity's rule results:
 * src/content/validate.ts): where they live, how they are turned off, and how their files
 * are written. Also used for the build's content snapshot and `content:export`, which must
 * never leave half a file either.
 *
 * No imports from the site: it runs in the build script (Node's own type stripping), in
 * Astro's render (bundled by Vite) and in tests.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The build caches, by the prefix of their environment variables (`CHART_CACHE`, `CHART_CACHE_DIR`). */
export type BuildCacheName = 'CHART' | 'VALIDATION'

const OFF = new Set(['0', 'false', 'off', 'no'])

/**
 * The folder of a build cache, or undefined when it is turned off:
 * `<NAME>_CACHE=0` (or false/off/no) turns it off, `<NAME>_CACHE_DIR` moves it, and by
 * default it is `node_modules/.cache/six-core` under `root`, only if `root` has a
 * node_modules folder (never create one outside a project).
 */
export function buildCacheDir(name: BuildCacheName, env: Record<string, string | undefined> = process.env, root = process.cwd()): string | undefined {
  if (OFF.has(env[`${name}_CACHE`]?.trim().toLowerCase() ?? '')) return undefined
  const custom = env[`${name}_CACHE_DIR`]?.trim()
  if (custom) return resolve(custom)
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'six-core') : undefined
}

/** sha256 of a text, hex. */
export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then a rename (atomic
 * on one file system), so a reader never sees half a file and a crash leaves the old one.
 * Creates the folder. Throws on failure (after removing the temporary file).
 */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(tmp, text, 'utf8')
    renameSync(tmp, file)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}
