/**
 * Astro's incremental builds, made safe for publishing (issue #5).
 *
 * Astro (`experimental.incrementalBuild`, astro.config.mjs) keeps a copy of every keyed page
 * and a manifest of their keys in its cache folder, and copies a page from there when its key
 * and code are unchanged. Two things can make that copy wrong, and this module rules them out:
 *
 * - **Two builds at once.** Both would write the same copies and manifest. Only the build that
 *   holds the lock file uses the cache; another one builds everything
 *   (`INCREMENTAL_BUILD=0`), which gives the same pages.
 * - **A build that stops half-way** (a crash, or validation failing while Astro renders).
 *   Astro writes each page's copy as it renders it, and the manifest only at the end: the old
 *   manifest would then describe copies that are newer than it. So a failed build forgets the
 *   manifest, and a lock left by a build that is gone (killed outright) means the same.
 *   The next build then renders every page.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Astro's manifest of the keyed pages of the last build, in its cache folder. */
export const MANIFEST_FILE = 'incremental-build.json'
/** Held (with the holder's pid) while a build uses the cache. */
export const LOCK_FILE = 'incremental-build.lock'

/** Astro's cache folder: `ASTRO_CACHE_DIR` (see astro.config.mjs), else node_modules/.astro. */
export function astroCacheDir(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  const dir = env.ASTRO_CACHE_DIR?.trim()
  return dir ? resolve(projectRoot, dir) : join(projectRoot, 'node_modules', '.astro')
}

/** The parts of Astro's manifest read here (astro/dist/core/build/incremental.d.ts). */
interface Manifest {
  version: number
  configHash: string
  lockfileHash: string
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string }> }>
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest
    return manifest && typeof manifest.routes === 'object' ? manifest : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** This build's use of the cache. */
export interface IncrementalCache {
  /** Whether Astro may copy pages from the last build (else it renders all and leaves the cache alone). */
  enabled: boolean
  /** Why not, or why the last build's pages are not used. */
  note?: string
  /** Environment for the Astro child. */
  env: Record<string, string>
  /** Arguments for the Astro child (`--force` for a full build that still records the cache). */
  args: string[]
  /**
   * Pages copied from the last build, from Astro's manifest before and after (call after a
   * successful Astro build). 0 when the cache was not used.
   */
  copiedPages(): number
  /** Ends the use: a failed build forgets the manifest (see above); the lock is released. */
  release(ok: boolean): void
}

/**
 * Claims Astro's cache folder for this build. `full` renders every page but records the cache
 * for the next build (what `npm run build -- --full` and the benchmark's full builds do);
 * `INCREMENTAL_BUILD=0` in `env` leaves the cache alone altogether.
 */
export function claimIncrementalCache(
  dir: string,
  { full = false, env = process.env }: { full?: boolean; env?: Record<string, string | undefined> } = {},
): IncrementalCache {
  if (env.INCREMENTAL_BUILD?.trim() === '0') return disabled('INCREMENTAL_BUILD=0: every page is rendered')
  mkdirSync(dir, { recursive: true })
  const lock = join(dir, LOCK_FILE)
  const manifestFile = join(dir, MANIFEST_FILE)
  let note: string | undefined
  let fd: number | undefined
  for (let attempt = 0; attempt < 2 && fd === undefined; attempt++) {
    try {
      fd = openSync(lock, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSafe(lock), 10)
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        return disabled(`another build (pid ${holder}) is using the page cache: every page is rendered`)
      }
      // Left by a build that is gone: its copies may be newer than the manifest.
      rmSync(manifestFile, { force: true })
      rmSync(lock, { force: true })
      note = 'the last build did not finish: every page is rendered'
    }
  }
  if (fd === undefined) return disabled('could not take the page cache: every page is rendered')
  writeSync(fd, String(process.pid))
  closeSync(fd)

  const previous = full ? undefined : readManifest(dir)
  if (full) note = 'full build: every page is rendered'
  else if (!previous && !note) note = 'no earlier build: every page is rendered'
  let released = false
  return {
    enabled: true,
    note,
    env: { INCREMENTAL_BUILD: '1' },
    args: full ? ['--force'] : [],
    copiedPages: () => (previous ? countCopied(previous, readManifest(dir)) : 0),
    release(ok) {
      if (released) return
      released = true
      if (!ok) rmSync(manifestFile, { force: true })
      rmSync(lock, { force: true })
    },
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function disabled(note: string): IncrementalCache {
  return { enabled: false, note, env: { INCREMENTAL_BUILD: '0' }, args: [], copiedPages: () => 0, release: () => undefined }
}

/**
 * Keyed pages whose route code and key are the same in both manifests: the ones Astro copied
 * (it uses the previous manifest only when config and lockfile are unchanged, and so does this).
 */
export function countCopied(previous: Manifest, next: Manifest | undefined): number {
  if (!next || previous.version !== next.version || previous.configHash !== next.configHash || previous.lockfileHash !== next.lockfileHash) return 0
  let copied = 0
  for (const [route, entry] of Object.entries(next.routes)) {
    const before = previous.routes[route]
    if (!before || before.dependencyHash !== entry.dependencyHash) continue
    for (const [path, page] of Object.entries(entry.paths)) {
      if (before.paths[path]?.cacheKey === page.cacheKey) copied++
    }
  }
  return copied
}

/** Whether `dir` holds a manifest (for tests and the build report). */
export function hasManifest(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE))
}
