import { readFileSync } from 'node:fs'
import { projectFile } from './project'
import { parseNdjson } from '../../src/content/ndjson'
import type { SanityDocumentLike } from '../../src/content/source/index.ts'
import { queryLayerDocs } from '../fixtures/query-layer-docs'

/** A token shaped like a Sanity token, random per run, so a leak is easy to grep for. */
export function recognisableToken(label = 'read'): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('')
  return `sk${label}LEAKCHECK${random}`
}

/** The published documents of the query-layer fixture (drafts left out). */
export function publishedFixture(): SanityDocumentLike[] {
  return queryLayerDocs().filter((d) => !d._id.startsWith('drafts.'))
}

/** The embedded dataset, content/dataset.ndjson (found from this file, not the working folder). */
export function embeddedDataset(): SanityDocumentLike[] {
  const file = projectFile('content/dataset.ndjson')
  return parseNdjson(readFileSync(file, 'utf8'), file) as SanityDocumentLike[]
}

/** Live-source env for `sourceFromEnv` pointed at a fake server. */
export function liveEnv(server: { url: string; projectId: string; dataset: string }, extra: Record<string, string> = {}): Record<string, string> {
  return { SANITY_PROJECT_ID: server.projectId, SANITY_DATASET: server.dataset, SANITY_API_HOST: server.url, ...extra }
}
