/**
 * Sanity's rules on a thread of their own, for the build: validating thousands of documents
 * leaves hundreds of megabytes of garbage that the process keeps as memory it never gives
 * back, while Astro renders beside it. A thread's memory is returned whole when it ends.
 *
 * The thread gets what `runRules` needs as data (the documents to check, the ids that exist
 * and the documents their queries read) and sends back the same results, in order.
 */
import { Worker } from 'node:worker_threads'
import type { SanityDocumentLike } from '../source/index.ts'
import type { RuleResult } from './rules.ts'

/** What a rules thread is given (workerData). */
export interface RulesThreadInput {
  documents: readonly SanityDocumentLike[]
  existingIds: string[]
  dataset: readonly SanityDocumentLike[]
  concurrency: number
}

/** `runRules` over `input`, run on a thread that is gone, with its memory, when this resolves. */
export function runRulesOnThread(input: RulesThreadInput): Promise<RuleResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rules-worker.ts', import.meta.url), { workerData: input })
    let results: RuleResult[] | undefined
    worker.once('message', (message: RuleResult[]) => (results = message))
    worker.once('error', reject)
    worker.once('exit', (code) => (results && code === 0 ? resolve(results) : reject(new Error(`The validation thread stopped with code ${code} before it answered.`))))
  })
}
