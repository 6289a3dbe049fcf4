/**
 * A worker thread of content validation (see `sanityMarkers` in validate.ts): validates its
 * share of the documents with Sanity's rules against all of them and posts the markers back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { validateSlice, type ValidationWorkerData } from './validate'

const data = workerData as ValidationWorkerData
const markers = await validateSlice(data.documents, data.indices, data.found, data.concurrency)
parentPort!.postMessage(markers)
