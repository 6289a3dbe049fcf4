/**
 * Astro's incremental builds, made safe for publishing (issue #5).
 *
 * Astro (`experimental.incrementalBuild`, astro.config.mjs) keeps a copy of every keyed page
 * and a manifest of their keys in its cache folder, and copies a page from there when its key
 * and code are unchanged. Two things can make that copy wrong, and this module rules them out:
 *
 * - **Two builds at once.** Both would write the same copies and manifest. Only the build that
 *   holds the lock file uses the cache; another one builds everything
 *   (`INCREMENTAL_BUILD=0`), which gives the same pages. The lock names the build script and
 *   its Astro child: it is held while either is alive (an Astro child outlives a build script
 *   killed with SIGKILL). Only `scripts/build.ts` turns incremental builds on
 *   (`INCREMENTAL_BUILD=1`): a bare `astro build` never touches the cache.
 * - **A build that stops half-way** (a crash, a signal, or validation failing while Astro
 *   renders). Astro writes each page's copy as it renders it, and the manifest only at the end:
 *   the old manifest would then describe copies that are newer than it. So a failed build
 *   forgets the manifest, and a lock left by a build that is gone means the same. The next
 *   build then renders every page.
 * - **Assets Astro does not see.** Astro's check covers a page's code and compiled CSS but not
 *   the names of the files they end up in: a change elsewhere can rename the shared CSS file
 *   (it happened: a change to the 404 page's layout renamed `preview.*.css` to
 *   `PreviewBanner.*.css`), and a copied page would link the old name. So the cache also
 *   records the list of `_astro/` files of the build that wrote it; while the list is the same,
 *   every copy links files that exist (each was rendered by a build with this list). If pages
 *   were copied and the list differs, the build script renders every page again
 *   ({@link IncrementalCache.assetsMatch}).
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { listFiles } from './files.ts'
import { writeFileAtomic } from '../../src/utils/build-cache.ts'

/** Astro's manifest of the keyed pages of the last build, in its cache folder. */
export const MANIFEST_FILE = 'incremental-build.json'
/** Held (with the holder's pid) while a build uses the cache. */
export const LOCK_FILE = 'incremental-build.lock'
/** The `_astro/` files of the build that wrote the cache (see above). */
export const ASSETS_FILE = 'incremental-assets.json'

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
  /** Names the Astro child in the lock: the lock stays held while it runs, even if this process dies. */
  holdFor(childPid: number | undefined): void
  /**
   * Whether the site in `siteDir` has the same `_astro/` files as the build that wrote the
   * cache (false if that is unknown). Remembers the list: a successful build records it.
   */
  assetsMatch(siteDir: string): boolean
  /** Renders every page from now on (`--force`): for a second Astro run when assets changed. */
  forceFull(note: string): void
  /**
   * Pages copied from the last build, from Astro's manifest before and after (call after a
   * successful Astro build). 0 when the cache was not used or every page was rendered. A page
   * whose copy had gone missing is counted too (Astro renders it): the count is for the report.
   */
  copiedPages(): number
  /** Ends the use: a failed build forgets the manifest (see above); the lock is released. */
  release(ok: boolean): void
}

/** The pids named in a lock file (the build script's, then its Astro child's). */
function lockHolders(lock: string): number[] {
  return readFileSafe(lock)
    .split(/\s+/)
    .map((word) => Number.parseInt(word, 10))
    .filter((pid) => Number.isInteger(pid) && pid > 0)
}

/**
 * Creates the lock with its content in one step (a file written aside, then hard-linked into
 * place: `link` fails if the lock exists), so nobody ever reads a half-written lock.
 */
function createLock(lock: string, holders: number[]): boolean {
  const aside = `${lock}.${process.pid}.tmp`
  writeFileSync(aside, holders.join(' '))
  try {
    linkSync(aside, lock)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(aside, { force: true })
  }
}

/**
 * Claims Astro's cache folder for this build. `full` renders every page but records the cache
 * for the next build (what `npm run build -- --full` and the benchmark's full builds do);
 * `INCREMENTAL_BUILD=0` in `env` leaves the cache alone altogether. A folder that cannot be
 * used (not writable) means a build without the cache, not a failed build.
 */
export function claimIncrementalCache(
  dir: string,
  { full = false, env = process.env }: { full?: boolean; env?: Record<string, string | undefined> } = {},
): IncrementalCache {
  if (env.INCREMENTAL_BUILD?.trim() === '0') return disabled('INCREMENTAL_BUILD=0: every page is rendered')
  const lock = join(dir, LOCK_FILE)
  const manifestFile = join(dir, MANIFEST_FILE)
  const assetsFile = join(dir, ASSETS_FILE)
  let note: string | undefined
  try {
    mkdirSync(dir, { recursive: true })
    let taken = createLock(lock, [process.pid])
    if (!taken) {
      const holders = lockHolders(lock)
      const live = holders.find((pid) => pid !== process.pid && isAlive(pid))
      if (live !== undefined) return disabled(`another build (pid ${live}) is using the page cache: every page is rendered`)
      // Left by a build that is gone: its copies may be newer than the manifest.
      rmSync(manifestFile, { force: true })
      rmSync(assetsFile, { force: true })
      rmSync(lock, { force: true })
      note = 'the last build did not finish: every page is rendered'
      taken = createLock(lock, [process.pid])
    }
    // Two builds that found the same stale lock: the one whose lock is not there now gives way.
    if (!taken || lockHolders(lock)[0] !== process.pid) return disabled('another build took the page cache: every page is rendered')
  } catch (error) {
    return disabled(`the page cache ${dir} cannot be used (${(error as Error).message}): every page is rendered`)
  }

  const previous = full ? undefined : readManifest(dir)
  const previousAssets = readAssets(assetsFile)
  let currentAssets: string[] | undefined
  if (full) note = 'full build: every page is rendered'
  else if (!previous && !note) note = 'no earlier build: every page is rendered'
  let forced = full
  let released = false
  const cache: IncrementalCache = {
    enabled: true,
    note,
    // The folder as resolved here, so Astro uses the very folder the lock guards.
    env: { INCREMENTAL_BUILD: '1', ASTRO_CACHE_DIR: dir },
    args: full ? ['--force'] : [],
    holdFor(childPid) {
      if (released || childPid === undefined) return
      // Replaced whole: a reader never sees it half-written.
      writeFileAtomic(lock, `${process.pid} ${childPid}`)
    },
    assetsMatch(siteDir) {
      currentAssets = listFiles(join(siteDir, '_astro'))
      return previousAssets !== undefined && previousAssets.join('\n') === currentAssets.join('\n')
    },
    forceFull(reason) {
      forced = true
      cache.args = ['--force']
      cache.note = reason
    },
    copiedPages: () => (previous && !forced ? countCopied(previous, readManifest(dir)) : 0),
    release(ok) {
      if (released) return
      released = true
      if (!ok) {
        rmSync(manifestFile, { force: true })
        rmSync(assetsFile, { force: true })
      } else if (currentAssets) {
        writeFileAtomic(assetsFile, JSON.stringify(currentAssets, null, 1) + '\n')
      }
      if (lockHolders(lock)[0] === process.pid) rmSync(lock, { force: true })
    },
  }
  return cache
}

function readAssets(file: string): string[] | undefined {
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : undefined
  } catch {
    return undefined
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
  return {
    enabled: false,
    note,
    env: { INCREMENTAL_BUILD: '0' },
    args: [],
    holdFor: () => undefined,
    assetsMatch: () => true,
    forceFull: () => undefined,
    copiedPages: () => 0,
    release: () => undefined,
  }
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
