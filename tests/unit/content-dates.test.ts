/**
 * `npm run content:dates`: each document's `_updatedAt` is the time of the last commit that
 * changed its content, read from a real git history (a repository made here, with commits at
 * fixed times); writing the dates is no change of its own, so a second run changes nothing;
 * a time that came with the content (an export from Sanity) is kept; an uncommitted edit is
 * dated now.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lastChangeTimes } from '../../scripts/lib/content-dates'
import { parseNdjson, serializeNdjson } from '../../src/content/ndjson'
import { runScript } from '../support/live-run'

type Doc = Record<string, unknown>
const line = (docs: Doc[]) => serializeNdjson(docs)

describe('lastChangeTimes', () => {
  const a1 = { _id: 'a', _type: 't', text: 'one' }
  const b1 = { _id: 'b', _type: 't', text: 'one' }
  it('dates each document by the last version that changed its content', () => {
    const times = lastChangeTimes([
      { time: '2026-01-01T00:00:00Z', documents: [a1, b1] },
      { time: '2026-02-01T00:00:00+08:00', documents: [a1, { ...b1, text: 'two' }] },
      // Only system fields change: no change of content.
      {
        time: '2026-03-01T00:00:00Z',
        documents: [
          { ...a1, _updatedAt: 'whatever', _rev: 'r' },
          { ...b1, text: 'two' },
        ],
      },
    ])
    expect(Object.fromEntries(times)).toEqual({ a: '2026-01-01T00:00:00Z', b: '2026-01-31T16:00:00Z' })
  })

  it('keeps an _updatedAt that changed together with the content (an export), not one left over from before', () => {
    const times = lastChangeTimes([
      {
        time: '2026-01-01T00:00:00Z',
        documents: [
          { ...a1, _updatedAt: '2025-12-31T23:00:00Z' },
          { ...b1, _updatedAt: '2025-06-01T00:00:00Z' },
        ],
      },
      {
        time: '2026-02-01T00:00:00Z',
        documents: [
          { ...a1, text: 'edited by hand', _updatedAt: '2025-12-31T23:00:00Z' },
          { ...b1, _updatedAt: '2025-06-01T00:00:00Z' },
        ],
      },
    ])
    expect(Object.fromEntries(times)).toEqual({ a: '2026-02-01T00:00:00Z', b: '2025-06-01T00:00:00Z' })
  })

  it('a document deleted and added back has changed when it comes back', () => {
    const times = lastChangeTimes([
      { time: '2026-01-01T00:00:00Z', documents: [a1] },
      { time: '2026-02-01T00:00:00Z', documents: [] },
      { time: '2026-03-01T00:00:00Z', documents: [a1] },
    ])
    expect(times.get('a')).toBe('2026-03-01T00:00:00Z')
  })
})

describe('content:dates on a git repository', () => {
  function repo() {
    const dir = mkdtempSync(join(tmpdir(), 'content-dates-'))
    const run = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
      })
    run(['init', '-q', '-b', 'main'])
    mkdirSync(join(dir, 'content'))
    const file = join(dir, 'content/dataset.ndjson')
    const commit = (docs: Doc[], date: string) => {
      writeFileSync(file, line(docs))
      run(['add', '.'])
      run(['commit', '-q', '-m', `at ${date}`], date)
    }
    return { dir, file, commit }
  }
  const dates = (file: string) => Object.fromEntries(parseNdjson(readFileSync(file, 'utf8')).map((d) => [d._id, d._updatedAt]))

  it('writes commit times, then finds nothing to change; --check fails on a stale date and passes after a run', async () => {
    const { file, commit } = repo()
    commit(
      [
        { _id: 'a', _type: 't', v: 1 },
        { _id: 'b', _type: 't', v: 1 },
      ],
      '2026-11-27T16:01:39+00:00',
    )
    commit(
      [
        { _id: 'a', _type: 't', v: 1 },
        { _id: 'b', _type: 't', v: 2 },
      ],
      '2026-11-27T16:06:01+00:00',
    )

    expect((await runScript('scripts/content-dates.ts', [file, '--check'], {})).code).toBe(1)
    const first = await runScript('scripts/content-dates.ts', [file], {})
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(dates(file)).toEqual({ a: '2026-11-27T16:01:39Z', b: '2026-11-27T16:06:01Z' })

    // Committing the dates is not a change of content: the dates stay.
    commit(parseNdjson(readFileSync(file, 'utf8')), '2026-12-01T09:00:00+00:00')
    const again = await runScript('scripts/content-dates.ts', [file, '--check'], {})
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/in step/)
    expect(dates(file)).toEqual({ a: '2026-11-27T16:01:39Z', b: '2026-11-27T16:06:01Z' })
  })

  it('dates an uncommitted edit now', async () => {
    const { file, commit } = repo()
    commit([{ _id: 'a', _type: 't', v: 1 }], '2026-11-27T16:01:39+00:00')
    writeFileSync(file, line([{ _id: 'a', _type: 't', v: 2 }]))
    const before = Date.now() - 1000
    expect((await runScript('scripts/content-dates.ts', [file], {})).code).toBe(0)
    const stamped = Date.parse(String(dates(file).a))
    expect(stamped).toBeGreaterThanOrEqual(before)
    expect(stamped).toBeLessThanOrEqual(Date.now())
  })
})
