/**
 * The preview server's state, made once per process on the first request: the checked
 * environment, the content (its client, listener and views cache) and the bound on renders
 * at once. `scripts/preview-live.ts` checks the same environment
 * before the server starts, so a missing setting stops it there with the fix named.
 */
import { createDataAttribute } from '@sanity/visual-editing/create-data-attribute'
import { createRenderGate } from './busy.ts'
import { createPreviewContent, type PreviewContent } from './content.ts'
import { readPreviewEnv, type PreviewEnv } from './env.ts'
import type { DataAttribute } from './request-context.ts'

export interface PreviewServer {
  env: PreviewEnv
  content: PreviewContent
  /** `data-sanity` values that open a field in the Studio. */
  dataAttribute: DataAttribute
  /** Pages render a few at a time; a request that gets no turn is told the server is busy. */
  gate: ReturnType<typeof createRenderGate>
}

/**
 * A few requests at once keep the CPU busy while others wait on the API (they share one load
 * of the content); a line of 200 holds a burst of editors; a request that waited 30 s (longer
 * than a slow API's timeout and retry) is better answered "busy" than left hanging.
 */
const RENDERS = { concurrency: 4, maxQueued: 200, maxWaitMs: 30_000 } as const

let state: PreviewServer | undefined

export function previewServer(): PreviewServer {
  if (!state) {
    const env = readPreviewEnv()
    const dataAttribute: DataAttribute = (doc, path) => createDataAttribute({ baseUrl: env.studioUrl, id: doc.id, type: doc.type, path }).toString()
    state = { env, content: createPreviewContent(env), dataAttribute, gate: createRenderGate(RENDERS) }
  }
  return state
}
