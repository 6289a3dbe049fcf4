/** The build's own files (open data, build.json) are written inside the site and never over a file Astro wrote. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { linkSiteFile, moveInto, writeSiteFile } from '../../scripts/lib/site-file'
import { listFiles } from '../../scripts/lib/files'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeSiteFile', () => {
  it('writes the file at its site path, making folders', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    writeSiteFile(dir, '/data/metrics/x.zh-tw.csv', 'a,b\r\n')
    expect(readFileSync(join(dir, 'data/metrics/x.zh-tw.csv'), 'utf8')).toBe('a,b\r\n')
  })

  it('refuses a second file at the same path, naming it, and keeps the first', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    writeSiteFile(dir, '/data/x.csv', 'first')
    expect(() => writeSiteFile(dir, '/data/x.csv', 'second')).toThrow(/two files at data\/x\.csv/)
    expect(readFileSync(join(dir, 'data/x.csv'), 'utf8')).toBe('first')
  })

  it('links a cached file in (same bytes, no copy), and refuses a second file at its path', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    const cached = join(dir, 'cache.png')
    writeFileSync(cached, 'png bytes')
    linkSiteFile(join(dir, 'site'), '/og/en/x.png', cached)
    expect(readFileSync(join(dir, 'site/og/en/x.png'), 'utf8')).toBe('png bytes')
    expect(statSync(join(dir, 'site/og/en/x.png')).ino).toBe(statSync(cached).ino)
    expect(() => linkSiteFile(join(dir, 'site'), '/og/en/x.png', cached)).toThrow(/two files at og\/en\/x\.png/)
  })

  it('refuses a path that leaves the site', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    expect(() => writeSiteFile(dir, '/../outside.csv', 'x')).toThrow(/outside the site/)
  })
})

describe('moveInto', () => {
  it("moves the build's files in beside Astro's pages: new folders whole, shared folders file by file", () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    const files = join(dir, 'files')
    const site = join(dir, 'site')
    writeSiteFile(files, '/data/metrics.csv', 'csv')
    writeSiteFile(files, '/en/search/terms.json', '{}')
    writeSiteFile(files, '/build.json', '{}')
    mkdirSync(join(site, 'en/search'), { recursive: true })
    writeFileSync(join(site, 'en/search/index.html'), '<p>')
    moveInto(files, site)
    expect(listFiles(site)).toEqual(['build.json', 'data/metrics.csv', 'en/search/index.html', 'en/search/terms.json'])
    expect(readFileSync(join(site, 'en/search/terms.json'), 'utf8')).toBe('{}')
    expect(listFiles(files)).toEqual([])
  })

  it('refuses a file Astro already wrote, naming it and the fix, and leaves it as it was', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    writeSiteFile(join(dir, 'files'), '/build.json', '{}')
    mkdirSync(join(dir, 'site'))
    writeFileSync(join(dir, 'site/build.json'), 'from Astro')
    expect(() => moveInto(join(dir, 'files'), join(dir, 'site'))).toThrow(/Astro already wrote build\.json.*/)
    expect(readFileSync(join(dir, 'site/build.json'), 'utf8')).toBe('from Astro')
    expect(existsSync(join(dir, 'files/build.json'))).toBe(true)
  })
})
