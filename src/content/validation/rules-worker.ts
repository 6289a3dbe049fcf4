/**
 * The thread of rules-thread.ts: runs Sanity's rules over its documents, with the same
 * context the build's own thread would give them, and posts the results back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createDatasetFetch } from './offline-client.ts'
import { runRules } from './rules.ts'
import type { RulesThreadInput } from './rules-thread.ts'

const input = workerData as RulesThreadInput
const existing = new Set(input.existingIds)
const results = await runRules(input.documents, { exists: (id) => existing.has(id), fetch: createDatasetFetch(input.dataset) }, input.concurrency)
parentPort!.postMessage(results)
