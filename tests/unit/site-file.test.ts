/** The build's own files (open data, build.json) are written inside the site and never over a file Astro wrote. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeSiteFile } from '../../scripts/lib/site-file'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeSiteFile', () => {
  it('writes the file at its site path, making folders', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    writeSiteFile(dir, '/data/metrics/x.zh-tw.csv', 'a,b\r\n')
    expect(readFileSync(join(dir, 'data/metrics/x.zh-tw.csv'), 'utf8')).toBe('a,b\r\n')
  })

  it('refuses a file Astro already wrote, naming it and the fix, and leaves it as it was', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    writeFileSync(join(dir, 'build.json'), 'from Astro')
    expect(() => writeSiteFile(dir, '/build.json', '{}')).toThrow(/Astro already wrote build\.json/)
    expect(readFileSync(join(dir, 'build.json'), 'utf8')).toBe('from Astro')
  })

  it('refuses a path that leaves the site', () => {
    dir = mkdtempSync(join(tmpdir(), 'site-file-'))
    expect(() => writeSiteFile(dir, '/../outside.csv', 'x')).toThrow(/outside the site/)
  })
})
