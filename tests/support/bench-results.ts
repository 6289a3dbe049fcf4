/**
 * Benchmark results made up for the report tests (scripts/bench/report.ts): a size with given
 * site and floor medians, and whole results around sizes, with the budgets checked.
 */
import { checkBudgets, type BenchResults, type RunStats, type SizeResult } from '../../scripts/bench/report'

/** Run statistics whose median wall (and CPU) is `wall` seconds. */
export const runStats = (wall: number): RunStats => ({
  runs: [],
  median: { wall, cpu: wall, maxRssBytes: 1e8, treeRssBytes: 1e8, peakBytes: 1e8 },
  peakBytesMax: 1e8,
})

/** A size of 88 × `factor` pages whose site and floor took `site` and `floor` seconds. */
export const sizeResult = (factor: number, site: number, floor: number, extra: Partial<SizeResult> = {}): SizeResult =>
  ({
    factor,
    pages: 88 * factor,
    site: runStats(site),
    floor: runStats(floor),
    ratio: { wall: site / floor, cpu: site / floor },
    secondsPerPage: { site: site / (88 * factor), floor: floor / (88 * factor) },
    search: [],
    ...extra,
  }) as unknown as SizeResult

/** Whole results of a quick run of these sizes, budgets included. */
export const benchResults = (sizes: SizeResult[]): BenchResults => ({
  schema: 1,
  generatedAt: '2026-01-01T00:00:00.000Z',
  options: { quick: true, runs: 3, warmup: false, sizes: sizes.map((s) => s.factor), lighthouse: false },
  machine: { cpu: 'test', nproc: 2, memory: '', memoryBytes: 0, node: 'v22', os: 'Linux', loadAverage: { start: [], end: [] } },
  git: { commit: 'abc', dirty: false },
  method: [],
  sizes,
  linearity: [],
  budgets: checkBudgets({ sizes }),
  durationSeconds: 1,
})
