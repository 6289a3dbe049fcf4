/**
 * The files phase's long loops keep V8's heap near its live size (src/open-data/heap.ts):
 * once the heap has grown far past what the last collection left, a collection runs.
 */
import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { collectWhenGrown } from '../../src/open-data/heap'

const MB = 1024 * 1024
const used = () => v8.getHeapStatistics().used_heap_size

describe('collectWhenGrown', () => {
  it('after 160 MB of garbage, the heap is back near what is live within one look (64 files)', () => {
    // Large arrays live in V8's large-object space, collected only by a full collection.
    let garbage: number[][] | undefined = Array.from({ length: 200 }, (_, i) => new Array(100_000).fill(i + 0.5))
    const withGarbage = used()
    expect(garbage.length).toBe(200)
    garbage = undefined
    for (let i = 0; i < 64; i++) collectWhenGrown()
    expect(withGarbage - used()).toBeGreaterThan(120 * MB)
  })
})
