/**
 * The benchmark's publish runs: which figure they edit (scripts/bench/publish.ts), and how the
 * report shows them (scripts/bench/report.ts: the publish table, the build-time budgets).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseNdjson } from '../../src/content/ndjson'
import { publishEdit, publishTarget } from '../../scripts/bench/publish'
import { multiplyDataset, type Doc } from '../../scripts/bench/synthetic'
import { checkMetricValue } from '../../schemas/documents/metric'
import { checkBudgets, renderTables, type SizeResult } from '../../scripts/bench/report'
import { benchResults, sizeResult } from '../support/bench-results'

const metric = (id: string, unit: string, value: unknown = 10): Doc => ({ _id: id, _type: 'metric', unit, value })

describe('the publish edit', () => {
  it('edits the first published count, days or money metric by _id, skipping drafts, percents, ranks and other types', () => {
    const docs: Doc[] = [
      metric('metric-d', 'currency', 500),
      { _id: 'industry-a', _type: 'industry', unit: 'count', value: 1 },
      metric('metric-a', 'percent', 50),
      metric('drafts.metric-b', 'count', 7),
      metric('metric-b2', 'rank', 3),
      metric('metric-c', 'days', 40),
      metric('metric-e', 'count', 9),
    ]
    expect(publishTarget(docs)._id).toBe('metric-c')
    expect(publishEdit(docs, 0).edited).toBe('metric-c.value')
  })

  it('adds run + 1 to the value, in a copy, leaving the input and every other document as they were', () => {
    const docs = [metric('metric-x', 'count', 92), metric('metric-a', 'currency', 1000)]
    const first = publishEdit(docs, 0)
    const third = publishEdit(docs, 2)
    expect(first.value).toBe(1001)
    expect(third.value).toBe(1003)
    expect(third.docs.find((d) => d._id === 'metric-a')!.value).toBe(1003)
    expect(third.docs.find((d) => d._id === 'metric-x')).toBe(docs[0]) // untouched, same object
    expect(third.docs.map((d) => d._id)).toEqual(['metric-x', 'metric-a']) // order kept
    expect(docs[1]!.value).toBe(1000) // the input is not changed
  })

  it('throws a clear error when no metric can be edited, or its value is not a number', () => {
    expect(() => publishTarget([metric('metric-a', 'percent'), metric('metric-b', 'rank'), metric('drafts.metric-c', 'count')])).toThrow(
      /publish runs need a published metric whose unit is count, days, currency/,
    )
    expect(() => publishTarget([metric('metric-a', 'count', '12')])).toThrow(/metric-a\.value.*not a number/)
    expect(() => publishEdit([metric('metric-a', 'count')], -1)).toThrow(/whole number from 0/)
  })

  it('on the real dataset and its x10 copy: the same original metric, and each edit still passes the schema rule', () => {
    const file = resolve(__dirname, '../../content/dataset.ndjson')
    const real = parseNdjson(readFileSync(file, 'utf8'), file) as Doc[]
    const target = publishTarget(real)
    expect(target._id.startsWith('drafts.')).toBe(false)
    expect(['count', 'days', 'currency']).toContain(target.unit)
    // Copies sort after their original (`<id>-x<k>`): the synthetic sizes edit the same figure.
    expect(publishTarget(multiplyDataset(real, 10))._id).toBe(target._id)
    for (const run of [0, 1, 2]) {
      const { docs, value } = publishEdit(real, run)
      expect(value).toBe((target.value as number) + run + 1)
      expect(checkMetricValue(docs.find((d) => d._id === target._id)!.value, target.unit as string)).toBe(true)
    }
  })
})

describe('publish in the report', () => {
  const publish = (ratioWall: number): SizeResult['publish'] => ({
    wall: 4.2,
    cpu: 5.5,
    peakBytes: 300 * 1024 * 1024,
    phases: { content: 0.3, pages: 2.1 },
    copiedPages: 72,
    renderedPages: 16,
    floorWall: 10,
    ratioWall,
    ratioPairs: [0.4, 0.45, 0.42],
    edited: 'metric-approved-foreign-investment.value',
  })
  it('renders the publish table when a size has publish runs', () => {
    const text = renderTables(benchResults([sizeResult(1, 12, 10, { publish: publish(0.42) })]))
    expect(text).toContain('== Publish: one figure edited (incremental build; median of 3 runs) ==')
    const table = text.slice(text.indexOf('== Publish'))
    expect(table).toMatch(/size\s+pages\s+rendered \/ copied\s+wall\s+CPU\s+peak mem\s+floor wall \(between\)\s+ratio wall\s+ratio per pair/)
    expect(table).toMatch(/x1\s+88\s+16 \/ 72\s+4\.20 s\s+5\.50 s\s+300 MB\s+10\.0 s\s+0\.42x\s+0\.40x 0\.45x 0\.42x\s+content 0\.3s · pages 2\.1s/)
    expect(table).toContain('metric-approved-foreign-investment.value')
    expect(renderTables(benchResults([sizeResult(1, 12, 10, { publish: publish(0.42) })]), true)).toContain('### Publish: one figure edited')
  })

  it('shows n/a for the floor and the pairs of results from before the floors were paired', () => {
    const old = { ...publish(0.42)!, floorWall: undefined, ratioPairs: undefined }
    const table = renderTables(benchResults([sizeResult(1, 12, 10, { publish: old })]))
    expect(table.slice(table.indexOf('== Publish'))).toMatch(/300 MB\s+n\/a\s+0\.42x\s+n\/a\s+content/)
  })

  it('omits the publish table when no size has publish runs (older results)', () => {
    const text = renderTables(benchResults([sizeResult(1, 12, 10)]))
    expect(text).toContain('== Build time')
    expect(text).not.toContain('Publish')
  })

  it('adds the publish ratio to the build-time budgets, whose pass stays on the full builds', () => {
    const x1 = sizeResult(1, 14, 10, { cold: { wall: 20, cpu: 20, peakBytes: 1e8, ratioWall: 2 }, publish: publish(0.5) })
    const x100 = sizeResult(100, 140, 100, { publish: publish(1.62) })
    const b = checkBudgets({ sizes: [x1, x100] })
    const real = b.find((x) => x.name.startsWith('Real site'))!
    const big = b.find((x) => x.name.startsWith('x100 synthetic build'))!
    expect(real.actual).toBe('1.40x (CPU 1.40x); cold 2.00x; publish 0.50x (pairs 0.40-0.45x)')
    expect(real.pass).toBe(false) // 1.40x full build > 1.30x, however fast the publish
    expect(big.actual).toBe('1.40x (CPU 1.40x); publish 1.62x (pairs 0.40-0.45x)')
    // The full builds' pairs (site run / the floor run after it) show their spread too.
    const paired = sizeResult(100, 140, 100, { ratio: { wall: 1.4, cpu: 1.4, wallPairs: [1.9, 1.2, 1.4] } })
    expect(checkBudgets({ sizes: [paired] }).find((x) => x.name.startsWith('x100 synthetic build'))!.actual).toBe('1.40x (pairs 1.20-1.90x) (CPU 1.40x)')
    expect(big.pass).toBe(true)
    // Without publish runs, the text is as before.
    expect(checkBudgets({ sizes: [sizeResult(1, 12, 10)] }).find((x) => x.name.startsWith('Real site'))!.actual).toBe('1.20x (CPU 1.20x)')
  })
})
