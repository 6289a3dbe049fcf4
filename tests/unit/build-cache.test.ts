/** What the build caches share (src/utils/build-cache.ts): where they live, turning them off, whole-file writes. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCacheDir, writeFileAtomic } from '../../src/utils/build-cache'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-cache-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('buildCacheDir', () => {
  it('is node_modules/.cache/six-core under a project, for every cache', () => {
    mkdirSync(join(dir, 'node_modules'))
    expect(buildCacheDir('CHART', {}, dir)).toBe(join(dir, 'node_modules', '.cache', 'six-core'))
    expect(buildCacheDir('VALIDATION', {}, dir)).toBe(join(dir, 'node_modules', '.cache', 'six-core'))
  })
  it('never creates node_modules outside a project', () => {
    expect(buildCacheDir('CHART', {}, dir)).toBeUndefined()
  })
  it('<NAME>_CACHE=0/false/off/no turns one cache off, not the other', () => {
    mkdirSync(join(dir, 'node_modules'))
    for (const flag of ['0', 'false', 'OFF', ' no ']) {
      expect(buildCacheDir('CHART', { CHART_CACHE: flag, CHART_CACHE_DIR: dir }, dir)).toBeUndefined()
      expect(buildCacheDir('VALIDATION', { CHART_CACHE: flag }, dir)).toBeDefined()
    }
    expect(buildCacheDir('VALIDATION', { VALIDATION_CACHE: '1' }, dir)).toBeDefined()
  })
  it('<NAME>_CACHE_DIR moves it, resolved', () => {
    expect(buildCacheDir('VALIDATION', { VALIDATION_CACHE_DIR: join(dir, 'a', '..', 'b') }, dir)).toBe(join(dir, 'b'))
  })
})

describe('writeFileAtomic', () => {
  it('creates the folder, writes the whole text and leaves no temporary file', () => {
    const file = join(dir, 'deep', 'cache.json')
    writeFileAtomic(file, '{"a":1}')
    writeFileAtomic(file, '{"a":2}')
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}')
    expect(readdirSync(join(dir, 'deep'))).toEqual(['cache.json'])
  })
  it('throws when the file cannot be replaced, and cleans up after itself', () => {
    const file = join(dir, 'taken')
    mkdirSync(join(file, 'inside'), { recursive: true }) // a non-empty folder where the file should go
    expect(() => writeFileAtomic(file, 'x')).toThrow()
    expect(readdirSync(dir)).toEqual(['taken'])
    expect(existsSync(join(file, 'inside'))).toBe(true)
  })
})
