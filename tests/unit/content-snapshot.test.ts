/**
 * How pages get the content (src/content/load.ts `getSiteViews`): in a build, from the snapshot
 * file the build writes before Astro starts; without one (`astro dev`), loaded from the source
 * the environment names and built here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fixture = fileURLToPath(new URL('../fixtures/valid-small.ndjson', import.meta.url))
const saved = { ...process.env }
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-'))
  for (const name of Object.keys(process.env)) if (name.startsWith('SANITY_') || name === 'CONTENT_SNAPSHOT' || name === 'CONTENT_FILE') delete process.env[name]
  vi.resetModules() // getSiteViews loads once per module instance
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  process.env = { ...saved }
})

describe('getSiteViews', () => {
  it('reads the views from CONTENT_SNAPSHOT and never loads the content itself', async () => {
    const file = join(dir, 'content.json')
    process.env.CONTENT_FILE = join(dir, 'no-such-dataset.ndjson') // would fail if it were read
    process.env.CONTENT_SNAPSHOT = file
    writeFileSync(file, JSON.stringify({ views: { zhTW: { marker: '中' }, en: { marker: 'en' } } }))
    const { getSiteView } = await import('../../src/content/load')
    expect(await getSiteView('en')).toEqual({ marker: 'en' })
    expect(await getSiteView('zh-tw')).toEqual({ marker: '中' })
  })

  it('a snapshot that cannot be read is an error naming the file and the fix', async () => {
    const file = join(dir, 'missing.json')
    process.env.CONTENT_SNAPSHOT = file
    const { getSiteViews } = await import('../../src/content/load')
    const error = await getSiteViews().catch((e: unknown) => e)
    // A fresh module instance per test: compare the error's fields, not its class.
    expect(error).toMatchObject({ name: 'HintedError', message: expect.stringContaining(file), hint: expect.stringMatching(/unset it/) })
  })

  it('without a snapshot, loads the dataset CONTENT_FILE names and builds both views', async () => {
    process.env.CONTENT_FILE = fixture
    const { getSiteViews } = await import('../../src/content/load')
    const views = await getSiteViews()
    expect(views.en.locale.id).toBe('en')
    expect(views.zhTW.locale.id).toBe('zhTW')
    expect(views.en.industries.length).toBeGreaterThan(0)
    expect(views.en.preview).toBe(false)
  })
})
