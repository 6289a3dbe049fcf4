/**
 * The content snapshot a build's pages read (src/content/load.ts `getSiteContent`): the build
 * starts Astro before the content has loaded (scripts/build.ts), so the pages wait for the
 * snapshot file to appear, and give up with a clear error when it never does.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

let dir: string
const saved = { snapshot: process.env.CONTENT_SNAPSHOT, wait: process.env.CONTENT_SNAPSHOT_WAIT_MS }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-'))
  vi.resetModules() // getSiteContent loads once per module instance
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  for (const [key, value] of [['CONTENT_SNAPSHOT', saved.snapshot], ['CONTENT_SNAPSHOT_WAIT_MS', saved.wait]] as const) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

describe('getSiteContent with CONTENT_SNAPSHOT', () => {
  it('waits for a snapshot that appears later, then reads it whole', async () => {
    const file = join(dir, 'content.json')
    process.env.CONTENT_SNAPSHOT = file
    const { getSiteContent } = await import('../../src/content/load')
    let settled = false
    const pending = getSiteContent().finally(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(settled).toBe(false) // still waiting: no file yet
    // Written the way the build writes it: a partial file, then a rename.
    writeFileSync(`${file}.partial`, JSON.stringify({ settings: { _id: 'siteSettings' }, marker: 42 }))
    renameSync(`${file}.partial`, file)
    await expect(pending).resolves.toMatchObject({ marker: 42 })
  })

  it('gives up after CONTENT_SNAPSHOT_WAIT_MS, naming the file and how to load content directly', async () => {
    const file = join(dir, 'never.json')
    process.env.CONTENT_SNAPSHOT = file
    process.env.CONTENT_SNAPSHOT_WAIT_MS = '50'
    const { getSiteContent } = await import('../../src/content/load')
    await expect(getSiteContent()).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} never appeared.*unset it`))
  })
})
