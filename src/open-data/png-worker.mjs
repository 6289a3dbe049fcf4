/**
 * A worker thread of src/open-data/png.ts: draws and encodes its share of a batch of SVGs with
 * resvg, so a batch uses every core (the PNG encoding runs on the thread that asks for it).
 * Plain JavaScript, so Node runs it as it is, whoever loaded png.ts.
 *
 * workerData: { jobs: { svg, zoom }[], options } (resvg's options without `fitTo`); posts back
 * the PNGs in the same order, their buffers transferred.
 */
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js')
const { jobs, options } = workerData
const pngs = jobs.map((job) => {
  // A copy with a buffer of its own, which can be transferred (Node's Buffers may share one).
  return new Uint8Array(new Resvg(job.svg, { ...options, fitTo: { mode: 'zoom', value: job.zoom } }).render().asPng())
})
parentPort.postMessage(
  pngs,
  pngs.map((p) => p.buffer),
)
