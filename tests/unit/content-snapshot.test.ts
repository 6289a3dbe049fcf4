/**
 * How pages get the content (src/content/render-views.ts `getSiteViews`): in a build or
 * `npm run dev`, from the snapshot file written before Astro starts; on the preview server,
 * the views of the request being rendered (`withViews`); with neither, an error naming the fix.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SiteViews } from '../../src/content/views'

const saved = { ...process.env }
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-'))
  for (const name of Object.keys(process.env)) if (name.startsWith('SANITY_') || name.startsWith('CONTENT_SNAPSHOT') || name === 'CONTENT_FILE') delete process.env[name]
  vi.resetModules() // the snapshot is read once per module instance
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  process.env = { ...saved }
})

const fakeViews = (marker: string) => ({ zhTW: { marker: `${marker}中` }, en: { marker } }) as unknown as SiteViews

describe('getSiteViews', () => {
  it('reads the views from CONTENT_SNAPSHOT', async () => {
    const file = join(dir, 'content.json')
    process.env.CONTENT_SNAPSHOT = file
    writeFileSync(file, JSON.stringify({ views: fakeViews('snap') }))
    const { getSiteView } = await import('../../src/content/render-views')
    expect(await getSiteView('en')).toEqual({ marker: 'snap' })
    expect(await getSiteView('zhTW')).toEqual({ marker: 'snap中' })
  })

  it('with CONTENT_SNAPSHOT_PENDING=1 (the build still checking the content), waits for the file to appear', async () => {
    const file = join(dir, 'content.json')
    process.env.CONTENT_SNAPSHOT = file
    process.env.CONTENT_SNAPSHOT_PENDING = '1'
    const { getSiteView } = await import('../../src/content/render-views')
    let settled = false
    const view = getSiteView('en').finally(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(settled).toBe(false)
    // Written as the build writes it: whole, then renamed into place.
    writeFileSync(`${file}.part`, JSON.stringify({ views: fakeViews('late') }))
    renameSync(`${file}.part`, file)
    expect(await view).toEqual({ marker: 'late' })
  })

  it('a snapshot that cannot be read is an error naming the file and the fix', async () => {
    const file = join(dir, 'missing.json')
    process.env.CONTENT_SNAPSHOT = file
    const { getSiteViews } = await import('../../src/content/render-views')
    const error = await getSiteViews().catch((e: unknown) => e)
    // A fresh module instance per test: compare the error's fields, not its class.
    expect(error).toMatchObject({ name: 'HintedError', message: expect.stringContaining(file), hint: expect.stringMatching(/npm run dev/) })
  })

  it('without a snapshot or a request, never loads the content itself: an error names the fix', async () => {
    process.env.CONTENT_FILE = join(dir, 'would-be-read.ndjson')
    const { getSiteViews } = await import('../../src/content/render-views')
    const error = await getSiteViews().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'HintedError', code: 'content.no-views', hint: expect.stringMatching(/npm run dev.*npm run build/) })
  })

  it('inside withViews, each render sees its own views, over the snapshot', async () => {
    const file = join(dir, 'content.json')
    process.env.CONTENT_SNAPSHOT = file
    writeFileSync(file, JSON.stringify({ views: fakeViews('snap') }))
    const { getSiteView, withViews } = await import('../../src/content/render-views')
    const render = (marker: string) =>
      withViews(fakeViews(marker), async () => {
        await new Promise((resolve) => setTimeout(resolve, marker === 'a' ? 20 : 0))
        return (await getSiteView('en')) as unknown
      })
    expect(await Promise.all([render('a'), render('b')])).toEqual([{ marker: 'a' }, { marker: 'b' }])
    expect(await getSiteView('en')).toEqual({ marker: 'snap' })
  })
})
