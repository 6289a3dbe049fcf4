/**
 * `npm run content:provenance`, the migration that gives every translation without one a
 * provenance record, run as a process: one confirmation time for the run, the real time it
 * ran; records that exist are kept (a stale translation stays stale); a second run changes
 * nothing; the file stays normalized; --check says whether anything is missing.
 */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../../src/content/ndjson'
import { translationRows } from '../../src/content/translations/status'
import { datasetWith, FIXTURE_CONFIRMED_AT, writeNdjson, type Doc } from '../fixtures/base'
import { runScript } from '../support/live-run'

type Field = Record<string, any>

/** Every `provenance` object removed, except the one of the point title, whose source then changes. */
function halfMigrated(): Doc[] {
  return datasetWith((docs, byId) => {
    const strip = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(strip)
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) key === 'provenance' ? delete (value as Field)[key] : strip(child)
      }
    }
    const keep = ((byId('section-background').points as Field[])[0]!.title as Field).provenance
    docs.forEach(strip)
    const title = (byId('section-background').points as Field[])[0]!.title as Field
    title.provenance = keep
    title.zhTW = '趨勢甲'
  })
}

describe('content:provenance', () => {
  it('records the missing provenance once, at the time it ran, keeps what exists, and is idempotent', async () => {
    const file = writeNdjson(join(mkdtempSync(join(tmpdir(), 'provenance-')), 'dataset.ndjson'), halfMigrated())
    const check = await runScript('scripts/content-provenance.ts', [file, '--check'], {})
    expect(check.code).toBe(1)
    expect(check.stderr).toMatch(/translation\(s\) in 11 document\(s\) have no provenance\. Run `npm run content:provenance`/)

    const started = new Date().toISOString()
    const first = await runScript('scripts/content-provenance.ts', [file], {})
    const finished = new Date().toISOString()
    expect(first.code, first.stderr).toBe(0)
    const [, recorded, documents, at] = /recorded provenance for (\d+) translation\(s\) in (\d+) document\(s\), confirmed at (\S+);/.exec(first.stdout)!
    expect(Number(documents)).toBe(11)
    expect(at! >= started && at! <= finished).toBe(true)
    const text = readFileSync(file, 'utf8')
    const docs = parseNdjson(text) as Doc[]
    expect(text).toBe(serializeNdjson(normalizeDataset(docs)))

    const rows = translationRows(docs)
    expect(rows.filter((r) => r.status === 'current')).toHaveLength(Number(recorded))
    expect(new Set(rows.filter((r) => r.status === 'current').map((r) => r.confirmedAt))).toEqual(new Set([at]))
    // The record that was there stays, and the translation it describes stays stale.
    expect(rows.filter((r) => r.status !== 'current')).toEqual([
      expect.objectContaining({ documentId: 'section-background', path: 'points[0].title', status: 'stale', confirmedAt: FIXTURE_CONFIRMED_AT }),
    ])

    const second = await runScript('scripts/content-provenance.ts', [file], {})
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/every translation has provenance \(\d+ translation\(s\) already had provenance\)/)
    expect(readFileSync(file, 'utf8')).toBe(text)
    expect((await runScript('scripts/content-provenance.ts', [file, '--check'], {})).code).toBe(0)
  })

  it('the embedded dataset is migrated: --check passes', async () => {
    const run = await runScript('scripts/content-provenance.ts', ['--check'], {})
    expect(run.code, run.stderr).toBe(0)
  })
})
