/**
 * The build links the files phase's texts from a store of files by content (scripts/lib/file-store.ts):
 * the same bytes as a plain write, one stored file per content, a ZIP found by its entries
 * without being made again, and the store keeps exactly the last whole build's files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fileStore } from '../../scripts/lib/file-store'
import { cacheStore } from '../../src/open-data/cache-store'
import { listFiles } from '../../scripts/lib/files'
import { writeOpenDataFiles } from '../../scripts/lib/open-data'
import { clearChartCache } from '../../src/charts/render'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { openDataFiles } from '../../src/open-data/files'
import { ZIP_FORMAT, zipKey, type ZipEntries } from '../../src/open-data/zip'
import { sha256 } from '../../src/utils/hash'

const site = new URL('https://example.org')
const saved = { ...process.env }
const dirs: string[] = []
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), name))
  dirs.push(dir)
  return dir
}

afterEach(() => {
  process.env = { ...saved }
  clearChartCache()
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('fileStore', () => {
  it('stores each content once and gives the same file for the same bytes, text or binary', () => {
    const cache = tempDir('file-store-')
    const store = fileStore(cache)
    const a = store.fileOf({ bytes: 'a,b\r\n1,2\r\n' })!
    expect(readFileSync(a, 'utf8')).toBe('a,b\r\n1,2\r\n')
    expect(store.fileOf({ bytes: 'a,b\r\n1,2\r\n' })).toBe(a)
    expect(store.fileOf({ bytes: new TextEncoder().encode('a,b\r\n1,2\r\n') })).toBe(a)
    const b = store.fileOf({ bytes: new Uint8Array([0x50, 0x4b, 3, 4]) })!
    expect(b).not.toBe(a)
    expect([...readFileSync(b)]).toEqual([0x50, 0x4b, 3, 4])
    expect(readdirSync(join(cache, 'files'))).toHaveLength(2)
  })

  it('prunes what the build did not ask for, and what a killed build left half-written', () => {
    const cache = tempDir('file-store-')
    const earlier = fileStore(cache)
    const kept = earlier.fileOf({ bytes: 'kept' })!
    const dropped = earlier.fileOf({ bytes: 'dropped' })!
    writeFileSync(`${kept}.12345.part`, 'half')
    const store = fileStore(cache)
    expect(store.fileOf({ bytes: 'kept' })).toBe(kept)
    store.prune()
    expect(readdirSync(join(cache, 'files'))).toEqual([relative(join(cache, 'files'), kept)])
    expect(() => statSync(dropped)).toThrow()
  })

  it('finds a file by the key it was stored under without reading its bytes again (a ZIP by its entries)', () => {
    const store = fileStore(tempDir('file-store-'))
    let reads = 0
    const keyed = (bytes: string) => ({
      key: 'entries-of-a-zip',
      get bytes() {
        reads += 1
        return bytes
      },
    })
    const stored = store.fileOf(keyed('zip bytes'))!
    expect(reads).toBe(1)
    expect(readFileSync(stored, 'utf8')).toBe('zip bytes')
    expect(store.fileOf(keyed('never read'))).toBe(stored)
    expect(reads, 'found by its key, not made again').toBe(1)
    // The same bytes without the key are another file: a key names other things than the bytes.
    expect(store.fileOf({ bytes: 'zip bytes' })).not.toBe(stored)
  })

  it('stores nothing with the cache off, or where it cannot write: the caller writes the bytes', () => {
    expect(fileStore(undefined).fileOf({ bytes: 'x' })).toBeUndefined()
    // Something in the way of the store's folder (a file where it should be): even root cannot write there.
    const cache = tempDir('file-store-')
    writeFileSync(join(cache, 'files'), 'not a folder')
    expect(fileStore(cache).fileOf({ bytes: 'x' })).toBeUndefined()
  })
})

describe('cacheStore, under the PNGs and the texts alike', () => {
  it('finds what it stored by key, with its extension, and prunes all but the keys kept', () => {
    const folder = join(tempDir('cache-store-'), 'png')
    const store = cacheStore(folder, '.png')
    expect(store.find('a')).toBeUndefined()
    const a = store.put('a', new Uint8Array([1, 2, 3]))!
    expect(a).toBe(join(folder, 'a.png'))
    expect(store.find('a')).toBe(a)
    store.put('b', 'b')
    writeFileSync(`${a}.999.part`, 'half')
    writeFileSync(join(folder, 'a'), 'no extension')
    store.prune(new Set(['a']))
    expect(readdirSync(folder)).toEqual(['a.png'])
    expect([...readFileSync(a)]).toEqual([1, 2, 3])
  })

  it('stores and finds nothing with no folder', () => {
    const store = cacheStore(undefined, '.png')
    expect(store.put('a', 'x')).toBeUndefined()
    expect(store.find('a')).toBeUndefined()
    expect(() => store.prune(new Set())).not.toThrow()
  })
})

describe('the files phase with the store', () => {
  let views: SiteViews
  beforeAll(async () => {
    views = buildSiteViews(await loadSiteContent(createLocalSource()))
  })

  /** Runs the build's files phase into a new folder; returns the folder. */
  async function filesPhase(cache: string): Promise<string> {
    process.env.BUILD_CACHE_DIR = cache
    clearChartCache()
    const out = tempDir('files-phase-')
    await writeOpenDataFiles(views, site, out, Promise.resolve())
    return out
  }

  it('links every text from the store, with the bytes the open data makes; a second build stores nothing new', async () => {
    const cache = tempDir('files-cache-')
    const first = await filesPhase(cache)
    const stored = readdirSync(join(cache, 'files')).sort()
    const second = await filesPhase(cache)
    expect(readdirSync(join(cache, 'files')).sort()).toEqual(stored)

    const expected = await openDataFiles(views, site)
    const texts = expected.filter((f) => !f.path.endsWith('.png'))
    expect(texts.length).toBeGreaterThan(100)
    for (const file of texts) {
      const path = join(second, file.path)
      expect(readFileSync(path), file.path).toEqual(Buffer.from(file.bytes))
      expect(statSync(path).nlink, `${file.path} is a link to the store`).toBeGreaterThan(1)
      expect(statSync(path).ino).toBe(statSync(join(first, file.path)).ino)
    }
    expect(listFiles(second).length).toBe(expected.length)
  })

  it('names each ZIP by its entries: the same entries, one key; any change in a name or a text, another', async () => {
    const zips = (await openDataFiles(views, site)).filter((f) => f.path.endsWith('.zip'))
    expect(zips.length).toBeGreaterThan(10)
    const keys = zips.map((f) => f.key)
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k ?? ''))).toBe(true)
    expect(new Set(keys).size, 'every ZIP of the site has its own entries').toBe(zips.length)
    const entries: ZipEntries = [
      ['a.csv', 'x,y\r\n1,2\r\n'],
      ['README.txt', 'About a'],
    ]
    expect(zipKey(structuredClone(entries))).toBe(zipKey(entries))
    expect(zipKey([entries[0]!, ['README.txt', 'About b']])).not.toBe(zipKey(entries))
    expect(zipKey([entries[0]!, ['readme.txt', 'About a']])).not.toBe(zipKey(entries))
    expect(zipKey([entries[1]!, entries[0]!])).not.toBe(zipKey(entries))
    // What made the bytes is part of the name: another fflate or zlib (a Node upgrade) makes new ZIPs.
    const fflate = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/fflate/package.json'), 'utf8')) as { version: string }
    expect(ZIP_FORMAT).toContain(`fflate@${fflate.version}`)
    expect(ZIP_FORMAT).toContain(`zlib@${process.versions.zlib}`)
    expect(zipKey(entries)).toBe(sha256([ZIP_FORMAT, ...entries.flat()].join('\0')))
  })
})
