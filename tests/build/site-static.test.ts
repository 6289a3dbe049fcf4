/**
 * The public build stays static and free of the preview server: no adapter output, no
 * visual-editing or preview code, and on every page no stega (edit marks), no `data-sanity`
 * attribute, no draft-mode mark and no link to the draft-mode routes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findStega } from '../support/stega-scan'
import { allPages, distDir, listFiles } from './site-lib'

let dir: string
beforeAll(() => {
  dir = distDir()
})

describe('the public build', () => {
  it('is static files only: no server entry, no adapter output', () => {
    const files = listFiles(dir)
    expect(files.filter((f) => /(^|\/)(server|client)\//.test(f) || /entry\.m?js$/.test(f))).toEqual([])
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(80)
  })

  it('ships no visual-editing, stega or preview code', () => {
    const code = listFiles(dir).filter((f) => /\.(m?js|css)$/.test(f) && !f.startsWith('pagefind/'))
    const offenders = code.filter((f) => /sanity-visual-editing|enableVisualEditing|vercelStega|draft-mode|preview\/events/.test(readFileSync(join(dir, f), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('has no stega, data-sanity, draft-mode mark or draft-mode link on any page', () => {
    const pages = allPages(dir)
    expect(pages.length).toBeGreaterThan(80)
    const offenders: string[] = []
    for (const p of pages) {
      const stega = findStega(p.html)
      if (stega.length > 0) offenders.push(`${p.path}: stega in ${stega.map((s) => `${s.where}:${s.element}`).join(', ')}`)
      for (const marker of ['data-sanity', 'data-draft-mode', 'data-draft-problems', '/api/draft-mode', '/api/preview'])
        if (p.html.includes(marker)) offenders.push(`${p.path}: ${marker}`)
    }
    expect(offenders).toEqual([])
  })
})
