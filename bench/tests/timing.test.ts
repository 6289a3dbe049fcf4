/**
 * Timing: hyperfine's JSON and GNU time's memory lines read into figures, hyperfine run with
 * its prepare commands before every run, failures that show the failing command's output, and
 * the cold build's memory summed over its process tree.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { hyperfine, parseHyperfine, parseMaxRss, requireTools, runOnce, shellLine, shellQuote } from '../lib/timing.ts'

const tmp = mkdtempSync(join(tmpdir(), 'bench-timing-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// As hyperfine 1.15 writes it with --export-json (two commands, three runs).
const HYPERFINE_JSON = JSON.stringify({
  results: [
    {
      command: 'site',
      mean: 2.2004,
      stddev: 0.1066,
      median: 2.18849,
      user: 2.78,
      system: 0.4881,
      min: 2.0999,
      max: 2.3127,
      times: [2.18849, 2.0999, 2.3127],
      exit_codes: [0, 0, 0],
    },
    { command: 'floor', mean: 1.0911, stddev: null, median: 1.0911, user: 1.125, system: 0.355, min: 1.0911, max: 1.0911, times: [1.0911], exit_codes: [0] },
  ],
})

describe('reading the tools', () => {
  it("reads hyperfine's statistics, in milliseconds, with each command's peak memory", () => {
    const rss: Record<string, number> = { site: 600 * 1024 ** 2, floor: 300 * 1024 ** 2 }
    expect(parseHyperfine(HYPERFINE_JSON, (name) => rss[name]!)).toEqual([
      { name: 'site', median: 2.188, mean: 2.2, stddev: 0.107, min: 2.1, max: 2.313, times: [2.188, 2.1, 2.313], user: 2.78, system: 0.488, peakRssBytes: 629145600 },
      { name: 'floor', median: 1.091, mean: 1.091, stddev: 0, min: 1.091, max: 1.091, times: [1.091], user: 1.125, system: 0.355, peakRssBytes: 314572800 },
    ])
  })

  it("takes the largest of GNU time's %M lines (KB), skipping a failed run's status line", () => {
    expect(parseMaxRss('412000\n398000\nCommand exited with non-zero status 1\n430500\n')).toBe(430500 * 1024)
    expect(() => parseMaxRss('Command terminated by signal 9\n')).toThrow(/No peak RSS/)
  })

  it('quotes shell words only where needed', () => {
    expect(shellQuote('/work/bench/x1/site')).toBe('/work/bench/x1/site')
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`)
    expect(shellLine(['rm', '-rf', 'a b', '$HOME'])).toBe("rm -rf 'a b' '$HOME'")
  })

  it('finds hyperfine and GNU time on this machine', () => {
    expect(requireTools()).toMatch(/^hyperfine \d+\.\d+/)
  })
})

describe('running hyperfine', () => {
  const events = join(tmp, 'events.txt')
  const step = (word: string) => `echo ${word} >> ${events}`

  it('runs each prepare command before every run of its command, warm-up included, and reads the results', async () => {
    const [a, b] = await hyperfine(
      [
        { name: 'a', argv: ['sh', '-c', `${step('run-a')}; echo output of a`], prepare: step('prepare-a') },
        { name: 'b', argv: ['sh', '-c', step('run-b')], prepare: step('prepare-b') },
      ],
      { runs: 2, warmup: 1, dir: tmp, cwd: tmp, env: process.env },
    )
    expect(readFileSync(events, 'utf8').trim().split('\n')).toEqual([...Array(3).fill(['prepare-a', 'run-a']).flat(), ...Array(3).fill(['prepare-b', 'run-b']).flat()])
    expect([a!.name, b!.name]).toEqual(['a', 'b'])
    expect(a!.times).toHaveLength(2)
    expect(a!.min).toBeLessThanOrEqual(a!.median)
    expect(a!.peakRssBytes).toBeGreaterThan(0)
    expect(readFileSync(join(tmp, 'a.log'), 'utf8')).toBe('output of a\n')
  })

  it("fails with the failing command's output", async () => {
    const failing = { name: 'broken', argv: ['sh', '-c', 'echo the build broke >&2; exit 3'], prepare: 'true' }
    await expect(hyperfine([failing], { runs: 1, warmup: 0, dir: tmp, cwd: tmp, env: process.env })).rejects.toThrow(/hyperfine exited with 1[\s\S]*the build broke/)
  })
})

describe('a run under GNU time (the cold build)', () => {
  it('counts the memory of processes that run at the same time together', async () => {
    // Two processes holding about 150 MB each at once: each alone is under 300 MB, together over.
    const hold = 'const b = Buffer.alloc(150 * 1024 * 1024, 1); setTimeout(() => b.length, 800)'
    const node = process.execPath
    const argv = ['sh', '-c', `${shellLine([node, '-e', hold])} & ${shellLine([node, '-e', hold])} & wait`]
    const run = await runOnce(argv, { cwd: tmp, env: process.env, log: join(tmp, 'cold.log') })
    expect(run.wall).toBeGreaterThanOrEqual(0.8)
    expect(run.peakBytes).toBeGreaterThan(300 * 1024 ** 2)
  })

  it("fails with the command's output", async () => {
    await expect(runOnce(['sh', '-c', 'echo no content >&2; exit 2'], { cwd: tmp, env: process.env, log: join(tmp, 'fail.log') })).rejects.toThrow(/exited with 2[\s\S]*no content/)
  })
})
