/**
 * Who may use Astro's page cache, and what a failed build leaves of it
 * (scripts/lib/incremental.ts). The whole-build behaviour is tested in
 * tests/build/incremental-build.test.ts; these are the cases that are hard to reach there:
 * a build running next to another one, and a build killed before it could clean up.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ASSETS_FILE, astroCacheDir, claimIncrementalCache, countCopied, LOCK_FILE, MANIFEST_FILE } from '../../scripts/lib/incremental'
import { listFiles } from '../../scripts/lib/files'
import { missingAssets } from '../support/assets'

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
    // Astro gets the very folder the lock guards.
    expect(cache.env).toEqual({ INCREMENTAL_BUILD: '1', ASTRO_CACHE_DIR: dir })
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

  it('names the Astro child in the lock: a build script killed outright leaves it held while Astro runs', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir)
    cache.holdFor(process.ppid)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid} ${process.ppid}`)
    // The same lock seen by the next build after this script died: its Astro child still runs.
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} ${process.ppid}`)
    const next = claimIncrementalCache(dir)
    expect(next.enabled).toBe(false)
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(true)
    // Both gone: the lock is stale, and the manifest is forgotten.
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} ${deadPid()}`)
    const after = claimIncrementalCache(dir)
    expect(after.enabled).toBe(true)
    expect(existsSync(join(dir, MANIFEST_FILE))).toBe(false)
    after.release(true)
  })

  it('a folder that cannot be used means a build without the cache, not a failed build', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(join(dir, MANIFEST_FILE, 'sub'))
    expect(cache.enabled).toBe(false)
    expect(cache.env).toEqual({ INCREMENTAL_BUILD: '0' })
    expect(cache.note).toContain('cannot be used')
  })

  it('forceFull renders every page from then on and counts none as copied', () => {
    const dir = cacheWithManifest()
    const cache = claimIncrementalCache(dir)
    cache.forceFull('copied pages linked old assets')
    expect(cache.args).toEqual(['--force'])
    expect(cache.note).toBe('copied pages linked old assets')
    expect(cache.copiedPages()).toBe(0)
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

describe('asset files of the cached pages', () => {
  /** A built site with these files under _astro/. */
  const site = (...files: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'))
    dirs.push(dir)
    for (const file of files) {
      mkdirSync(join(dir, '_astro', file, '..'), { recursive: true })
      writeFileSync(join(dir, '_astro', file), '')
    }
    return dir
  }

  it('lists the files under _astro/, sorted, with their subfolders', () => {
    expect(listFiles(join(site('b.css', 'a.js', 'img/c.svg'), '_astro'))).toEqual(['a.js', 'b.css', 'img/c.svg'])
    expect(listFiles(join(site(), '_astro'))).toEqual([])
  })

  it('a successful build records its files; the next build matches while they are the same', () => {
    const dir = cacheWithManifest()
    const first = claimIncrementalCache(dir)
    // Unknown before any build recorded them: copied pages cannot be trusted.
    expect(first.assetsMatch(site('site.AAA.css'))).toBe(false)
    first.release(true)
    expect(JSON.parse(readFileSync(join(dir, ASSETS_FILE), 'utf8'))).toEqual(['site.AAA.css'])
    const same = claimIncrementalCache(dir)
    expect(same.assetsMatch(site('site.AAA.css'))).toBe(true)
    same.release(true)
    // Renamed (the case Astro's own check misses): no match.
    const renamed = claimIncrementalCache(dir)
    expect(renamed.assetsMatch(site('other.AAA.css'))).toBe(false)
    renamed.release(true)
    expect(JSON.parse(readFileSync(join(dir, ASSETS_FILE), 'utf8'))).toEqual(['other.AAA.css'])
  })

  it('a failed build forgets the recorded files with the manifest', () => {
    const dir = cacheWithManifest()
    writeFileSync(join(dir, ASSETS_FILE), JSON.stringify(['site.AAA.css']))
    const cache = claimIncrementalCache(dir)
    cache.assetsMatch(site('site.AAA.css'))
    cache.release(false)
    expect(existsSync(join(dir, ASSETS_FILE))).toBe(false)
  })
})

describe('missingAssets (test helper)', () => {
  it('lists /_astro/ files that pages link but the build did not write, with a page that links each', () => {
    const site = mkdtempSync(join(tmpdir(), 'site-'))
    dirs.push(site)
    mkdirSync(join(site, '_astro'))
    mkdirSync(join(site, 'en/metrics/a'), { recursive: true })
    writeFileSync(join(site, '_astro/site.NEW.css'), 'body{}')
    writeFileSync(join(site, 'index.html'), '<link rel="stylesheet" href="/_astro/site.NEW.css"><script src="/_astro/app.js?v=1"></script>')
    writeFileSync(join(site, 'en/metrics/a/index.html'), '<link rel="stylesheet" href="/_astro/site.OLD.css"><style>a{background:url(/_astro/bg.svg)}</style>')
    expect(missingAssets(site)).toEqual([
      { asset: '/_astro/app.js', page: 'index.html' },
      { asset: '/_astro/bg.svg', page: 'en/metrics/a/index.html' },
      { asset: '/_astro/site.OLD.css', page: 'en/metrics/a/index.html' },
    ])
    writeFileSync(join(site, '_astro/site.OLD.css'), '')
    writeFileSync(join(site, '_astro/app.js'), '')
    writeFileSync(join(site, '_astro/bg.svg'), '')
    expect(missingAssets(site)).toEqual([])
  })
})
