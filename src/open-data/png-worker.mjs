/**
 * A worker thread of src/open-data/png.ts: draws and encodes its share of a batch of SVGs with
 * resvg, so a batch uses every core (the PNG encoding runs on the thread that asks for it).
 * Run by Node itself, whoever loaded png.ts (its one import of ours, heap.ts, is erasable
 * TypeScript, which Node strips).
 *
 * workerData: { jobs: { svg, zoom }[], options } (resvg's options without `fitTo`); posts back
 * the PNGs in the same order, their buffers transferred.
 */
import { createRequire } from 'node:module'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { collectGarbage } from './heap.ts'

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js')
const { jobs, options } = workerData

// Each picture's fonts and pixels are held by resvg outside the JavaScript heap, which the
// garbage collector does not count: left to itself it never runs, and a few hundred pictures
// hold a gigabyte. So this thread collects every few pictures and lets Node run the finalizers
// that free them (they run on a later turn).
const COLLECT_EVERY = 8

const pngs = []
for (const job of jobs) {
  // A copy with a buffer of its own, which can be transferred (Node's Buffers may share one).
  pngs.push(new Uint8Array(new Resvg(job.svg, { ...options, fitTo: { mode: 'zoom', value: job.zoom } }).render().asPng()))
  if (pngs.length % COLLECT_EVERY === 0) {
    collectGarbage()
    await nextTurn()
  }
}
parentPort.postMessage(
  pngs,
  pngs.map((p) => p.buffer),
)
