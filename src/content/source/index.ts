/**
 * Where content comes from, chosen from the environment: the Content Lake when
 * `SANITY_PROJECT_ID` and `SANITY_DATASET` are set, else the embedded dataset
 * (`CONTENT_FILE`, default content/dataset.ndjson). Nothing else changes between them.
 */
import { HintedError } from '../content-error.ts'
import { createLiveSource } from './live.ts'
import { createLocalSource } from './local.ts'
import type { ContentSource } from './types.ts'

export { createLocalSource, DEFAULT_DATASET_FILE } from './local.ts'
export { createLiveSource, withRetries, API_VERSION, LIVE_DEFAULTS } from './live.ts'
export { redact, secretValues, SanityApiError } from './errors.ts'
export { assertParams, queryParamNames, type ContentSource, type QueryParams, type SourceOrigin, type SanityDocumentLike } from './types.ts'

type Env = Record<string, string | undefined>

/** A whole number from the environment, or undefined; anything else is an error naming the variable. */
function intFromEnv(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    const ms = name.endsWith('_MS')
    throw new HintedError(`${name} is "${raw}".`, `Use a whole number of ${ms ? 'milliseconds' : 'retries'}, e.g. ${ms ? '30000' : '4'}.`, 'config.invalid')
  }
  return value
}

export function sourceFromEnv(env: Env = process.env): ContentSource {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  const dataset = env.SANITY_DATASET?.trim()
  if (!projectId && !dataset) return createLocalSource({ file: env.CONTENT_FILE?.trim() || undefined })
  if (!projectId || !dataset) {
    throw new HintedError(
      `Only one of SANITY_PROJECT_ID and SANITY_DATASET is set (${projectId ? 'SANITY_PROJECT_ID' : 'SANITY_DATASET'}).`,
      'Set both to build from the Content Lake, or neither to build from content/dataset.ndjson.',
      'config.invalid',
    )
  }
  const perspective = env.SANITY_PERSPECTIVE?.trim() || 'published'
  if (perspective !== 'published' && perspective !== 'drafts') {
    throw new HintedError(`SANITY_PERSPECTIVE is "${env.SANITY_PERSPECTIVE}".`, 'Use "published" (the default) or "drafts".', 'config.invalid')
  }
  const token = env.SANITY_API_READ_TOKEN?.trim() || undefined
  if (perspective === 'drafts' && !token) {
    throw new HintedError('SANITY_PERSPECTIVE=drafts needs SANITY_API_READ_TOKEN.', 'Create a read token (Viewer) in sanity.io/manage.', 'config.invalid')
  }
  return createLiveSource({
    projectId,
    dataset,
    apiHost: env.SANITY_API_HOST?.trim() || undefined,
    token,
    perspective,
    timeout: intFromEnv(env, 'SANITY_TIMEOUT_MS'),
    maxRetries: intFromEnv(env, 'SANITY_MAX_RETRIES'),
  })
}
