/**
 * Where the build keeps what it may reuse from the last build (rendered charts, Sanity's rule
 * results): one folder for both, so a test or a benchmark gives a build a cache of its own
 * with one variable. A cache can only make a build faster, never change what it builds.
 *
 * Node built-ins only: it runs in the build script, in Astro's render and in tests.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const OFF = new Set(['0', 'false', 'off', 'no'])

/**
 * The cache folder, or undefined when caching is off: `BUILD_CACHE=0` (or false/off/no)
 * turns it off, `BUILD_CACHE_DIR` moves it, and by default it is
 * `node_modules/.cache/six-core` under `root`, only if `root` has a node_modules folder
 * (never create one outside a project).
 */
export function cacheFolder(env: Record<string, string | undefined> = process.env, root = process.cwd()): string | undefined {
  if (OFF.has(env.BUILD_CACHE?.trim().toLowerCase() ?? '')) return undefined
  const custom = env.BUILD_CACHE_DIR?.trim()
  if (custom) return resolve(custom)
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'six-core') : undefined
}
