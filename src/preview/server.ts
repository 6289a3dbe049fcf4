/**
 * The preview server's state, made once per process on the first request: the checked
 * environment and the content client. `scripts/preview-live.ts` checks the same environment
 * before the server starts, so a missing setting stops it there with the fix named.
 */
import { createDataAttribute } from '@sanity/visual-editing/create-data-attribute'
import { createPreviewContent, type PreviewContent } from './content.ts'
import { readPreviewEnv, type PreviewEnv } from './env.ts'
import type { DataAttribute } from './request-context.ts'

export interface PreviewServer {
  env: PreviewEnv
  content: PreviewContent
  /** `data-sanity` values that open a field in the Studio. */
  dataAttribute: DataAttribute
}

let state: PreviewServer | undefined

export function previewServer(): PreviewServer {
  if (!state) {
    const env = readPreviewEnv()
    const dataAttribute: DataAttribute = (doc, path) => createDataAttribute({ baseUrl: env.studioUrl, id: doc.id, type: doc.type, path }).toString()
    state = { env, content: createPreviewContent(env), dataAttribute }
  }
  return state
}
