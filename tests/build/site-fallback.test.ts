/**
 * Missing translations: a site built from a copy of the dataset with some fields removed in
 * one language shows the other language's text with its own `lang`, a visible notice in the
 * reader's language, and `data-pagefind-ignore` (so it stays out of that language's index).
 * Built once into a temporary folder from a snapshot of the project (other builds and edits
 * in the shared checkout cannot interfere).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseNdjson } from '../../src/content/ndjson'
import { buildSite, snapshotProject } from '../support/live-build'
import { projectFile } from '../support/project'
import { allPages, distDir, page } from './site-lib'

const work = mkdtempSync(join(tmpdir(), 'site-fallback-'))
const out = join(work, 'dist')
const EN_NOTICE = 'Not yet translated; shown in Traditional Chinese'
const ZH_NOTICE = '此段尚無中文版本，以下為英文原文'

type Doc = Record<string, any>

beforeAll(async () => {
  const docs = parseNdjson(readFileSync(projectFile('content/dataset.ndjson'), 'utf8')) as Doc[]
  const byId = new Map(docs.map((d) => [d._id as string, d]))
  const need = (id: string) => {
    const d = byId.get(id)
    if (!d) throw new Error(`content/dataset.ndjson has no "${id}"; the fallback test needs it.`)
    return d
  }
  delete need('industry-cybersecurity').summary.en // plain text → <Text> block fallback
  delete need('industry-precision-health').body.en // Portable Text → <RichText> fallback
  delete need('policy').vision.zhTW // the other direction: English shown on the Chinese page
  const file = join(work, 'dataset.ndjson')
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
  const project = snapshotProject(join(work, 'project'))
  const result = await buildSite(out, { CONTENT_FILE: file }, project)
  if (result.code !== 0) throw new Error(`Build failed (${result.command}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`)
}, 600_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a page with a missing translation', () => {
  it('shows the Chinese summary on the English industry page, marked zh, ignored by search, with the English notice', () => {
    const p = page(out, '/en/industries/cybersecurity/')
    const fallbacks = p.root.querySelectorAll('main [data-fallback]')
    expect(fallbacks.length).toBeGreaterThan(0)
    const summary = fallbacks[0]!
    expect(summary.hasAttribute('data-pagefind-ignore')).toBe(true)
    const notice = summary.querySelector('.fallback-note')!
    expect(notice.text.trim()).toBe(EN_NOTICE)
    expect(notice.getAttribute('lang')).toBe('en')
    const text = summary.querySelector('[lang="zh-Hant-TW"]')!
    expect(text.text).toMatch(/[\u4e00-\u9fff]/)
    // The rest of the page is still English.
    expect(p.root.querySelector('html')!.getAttribute('lang')).toBe('en')
    expect(p.root.querySelector('h1')!.getAttribute('lang')).toBeUndefined()
  })

  it('marks the same summary on the English home and industries pages (cards)', () => {
    for (const path of ['/en/', '/en/industries/']) {
      const cards = page(out, path).root.querySelectorAll('main [data-fallback][data-pagefind-ignore]')
      expect(cards.length, path).toBeGreaterThan(0)
      expect(cards[0]!.querySelector('[lang="zh-Hant-TW"]'), path).toBeTruthy()
    }
  })

  it('shows a Portable Text body in the other language with its own lang and the notice', () => {
    const p = page(out, '/en/industries/precision-health/')
    const body = p.root.querySelector('main [data-fallback][data-pagefind-ignore] .prose[lang="zh-Hant-TW"]')
    expect(body).toBeTruthy()
    expect(body!.querySelector('p')!.text).toMatch(/[\u4e00-\u9fff]/)
    // Internal links inside the fallback body still go to English pages.
    for (const a of body!.querySelectorAll('a[href^="/"]')) expect(a.getAttribute('href')).toMatch(/^\/en\//)
    expect(p.html).toContain(EN_NOTICE)
  })

  it('shows English on the Chinese policy page with lang="en" and the Chinese notice', () => {
    const p = page(out, '/zh-tw/policy/')
    const fallback = p.root.querySelector('main [data-fallback][data-pagefind-ignore]')!
    expect(fallback).toBeTruthy()
    expect(fallback.querySelector('.fallback-note')!.text.trim()).toBe(ZH_NOTICE)
    expect(fallback.querySelector('.fallback-note')!.getAttribute('lang')).toBe('zh-Hant-TW')
    expect(fallback.querySelector('[lang="en"]')!.text).toMatch(/[A-Za-z]{4,}/)
  })

  it('leaves complete pages alone: no notice on the Chinese industry pages', () => {
    expect(page(out, '/zh-tw/industries/cybersecurity/').root.querySelectorAll('[data-fallback]')).toHaveLength(0)
    expect(page(out, '/zh-tw/industries/precision-health/').root.querySelectorAll('[data-fallback]')).toHaveLength(0)
  })
})

describe('the complete dataset', () => {
  it('builds without a single fallback notice', () => {
    const dir = distDir()
    const withFallback = allPages(dir).filter((p) => p.html.includes('data-fallback'))
    expect(withFallback.map((p) => p.path)).toEqual([])
  })
})
