/**
 * Who may use Astro's page cache, and what a failed build leaves of it
 * (scripts/lib/incremental.ts). The whole-build behaviour is tested in
 * tests/build/incremental-build.test.ts; these are the cases that are hard to reach there:
 * a build running next to another one, and a build killed before it could clean up.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { astroCacheDir, claimIncrementalCache, countCopied, LOCK_FILE, MANIFEST_FILE } from '../../scripts/lib/incremental'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const manifest = (keys: Record<string, string>, over: Partial<{ dependencyHash: string; configHash: string }> = {}) => ({
  version: 1,
  configHash: over.configHash ?? 'c',
  lockfileHash: 'l',
  keyDigest: 'k',
  routes: {
    'src/pages/[lang]/metrics/[slug].astro': {
      dependencyHash: over.dependencyHash ?? 'd',
      paths: Object.fromEntries(Object.entries(keys).map(([path, cacheKey]) => [path, { cacheKey, outputFile: `${path}index.html` }])),
    },
  },
})

/** A cache folder holding the manifest of a finished build. */
function cacheWithManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'astro-cache-'))
  dirs.push(dir)
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest({ '/en/metrics/a/': 'k1' })))
  return dir
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('claimIncrementalCache', () => {
  it('holds a lock with its pid while the build runs; a successful build keeps the manifest', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir)
    expect(cache.enabled).toBe(true)
    expect(cache.env).toEqual({ INCREMENTAL_BUILD: '1' })
    expect(cache.args).toEqual([])
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid))
    cache.release(true)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(true)
  })

  it('a failed build forgets the manifest: its pages may be newer than it', () => {
    const dir = cacheWithManifest()
    claimIncrementalCache(dir).release(false)
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(false)
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('next to a running build, renders every page and leaves that build\'s cache alone', () => {
    const dir = cacheWithManifest()
    // The test runner's parent process: alive, and not this process.
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid))
    const cache = claimIncrementalCache(dir)
    expect(cache.enabled).toBe(false)
    expect(cache.env).toEqual({ INCREMENTAL_BUILD: '0' })
    expect(cache.note).toContain(`pid ${process.ppid}`)
    cache.release(false)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.ppid))
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(true)
  })

  it('after a build that was killed (its lock left behind), forgets the manifest and takes the lock', () => {
    const dir = cacheWithManifest()
    writeFileSync(join(dir, LOCK_FILE), String(deadPid()))
    const cache = claimIncrementalCache(dir)
    expect(cache.enabled).toBe(true)
    expect(cache.note).toContain('did not finish')
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(false)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid))
    cache.release(true)
  })

  it('--full renders every page (Astro --force) but still records the cache', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir, { full: true })
    expect(cache.enabled).toBe(true)
    expect(cache.args).toEqual(['--force'])
    expect(cache.copiedPages()).toBe(0)
    cache.release(true)
  })

  it('INCREMENTAL_BUILD=0 leaves the cache folder untouched', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir, { env: { INCREMENTAL_BUILD: '0' } })
    expect(cache.enabled).toBe(false)
    expect(cache.env).toEqual({ INCREMENTAL_BUILD: '0' })
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('copiedPages compares the manifest before and after the build', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir)
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest({ '/en/metrics/a/': 'k1', '/en/metrics/b/': 'k2' })))
    expect(cache.copiedPages()).toBe(1)
    cache.release(true)
  })
})

describe('countCopied', () => {
  const before = manifest({ '/a/': '1', '/b/': '2', '/c/': '3' })

  it('counts pages whose key and route code are unchanged', () => {
    expect(countCopied(before, manifest({ '/a/': '1', '/b/': 'changed', '/d/': '4' }))).toBe(1)
  })

  it('counts none when the route code, the config or the lockfile changed (Astro renders all then)', () => {
    expect(countCopied(before, manifest({ '/a/': '1' }, { dependencyHash: 'other' }))).toBe(0)
    expect(countCopied(before, manifest({ '/a/': '1' }, { configHash: 'other' }))).toBe(0)
    expect(countCopied(before, undefined)).toBe(0)
  })
})

describe('astroCacheDir', () => {
  it('is ASTRO_CACHE_DIR (relative to the project) when set, else node_modules/.astro', () => {
    expect(astroCacheDir('/p', { ASTRO_CACHE_DIR: 'c' })).toBe('/p/c')
    expect(astroCacheDir('/p', { ASTRO_CACHE_DIR: '/abs' })).toBe('/abs')
    expect(astroCacheDir('/p', {})).toBe('/p/node_modules/.astro')
  })
})
