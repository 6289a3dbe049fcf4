/**
 * The preview server's render time: the summary of request times, and one real measurement
 * (a few requests) against the fake Sanity API on loopback.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { benchPreview, summarize } from '../lib/preview.ts'
import { readNdjson } from '../lib/synthetic.ts'
import type { FakeDocument } from '../../tests/support/fake-sanity-server.ts'

const repo = resolve(import.meta.dirname, '../..')
// Inside the project: the built server imports its packages from node_modules.
mkdirSync(join(repo, 'bench/work'), { recursive: true })
const work = mkdtempSync(join(repo, 'bench/work/test-preview-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('preview render time', () => {
  it('summarizes request times as median, min and max in whole milliseconds', () => {
    expect(summarize('a', '/a/', [30.4, 10.2, 20.6])).toEqual({ label: 'a', path: '/a/', requests: 3, medianMs: 21, minMs: 10, maxMs: 30 })
    expect(summarize('b', '/b/', [40, 10, 20, 30]).medianMs).toBe(25)
    expect(() => summarize('c', '/c/', [])).toThrow(/No request/)
  })

  it('times real draft-mode pages of the preview server', async () => {
    const documents = readNdjson(join(repo, 'content/dataset.ndjson')) as FakeDocument[]
    const [timing] = await benchPreview(repo, work, documents, [{ label: 'figures page', path: '/en/metrics/' }], 3)
    expect(timing).toMatchObject({ label: 'figures page', path: '/en/metrics/', requests: 3 })
    expect(timing!.medianMs).toBeGreaterThan(0)
    expect(timing!.minMs).toBeLessThanOrEqual(timing!.medianMs)
  }, 300_000)
})
