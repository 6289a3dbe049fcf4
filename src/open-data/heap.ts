/**
 * The files phase makes tens of thousands of files in long loops that never give the event
 * loop a turn, and V8, never idle there, lets its heap grow to many times what is live before
 * it collects: at 100× content about a gigabyte, which the process then keeps as its memory
 * while Astro or Pagefind runs beside it. Called once per file, {@link collectWhenGrown} runs a
 * full collection whenever the heap has grown by {@link GROWTH} since the last one, so it stays
 * near its live size. {@link collectGarbage} is V8's `gc`, reached the documented way; the
 * PNG threads (png-worker.mjs) call it too.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

/** How far the heap may grow past what the last collection left. */
const GROWTH = 96 * 1024 * 1024
/** Files between two looks at the heap's size. */
const LOOK_EVERY = 64

let gc: (() => void) | undefined
let leftByLast = 0
let calls = 0

/** A full garbage collection now. */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc')
    gc = vm.runInNewContext('gc') as () => void
  }
  gc()
}

/** Collects garbage when the heap has grown by {@link GROWTH} since the last collection. */
export function collectWhenGrown(): void {
  if (++calls % LOOK_EVERY !== 0) return
  if (v8.getHeapStatistics().used_heap_size - leftByLast < GROWTH) return
  collectGarbage()
  leftByLast = v8.getHeapStatistics().used_heap_size
}
