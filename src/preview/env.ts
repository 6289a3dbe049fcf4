/**
 * The preview server's settings, read once at start. The project, the dataset and a read
 * token are required: without them the server would show nothing an editor needs, so it
 * refuses to start and names the fix. The token is used on the server only.
 */
import { HintedError } from '../content/content-error.ts'

export interface PreviewEnv {
  projectId: string
  dataset: string
  /** Another API host (a test server), used as given. */
  apiHost?: string
  /** A read token (Viewer): drafts, the preview-URL secret and the listener need it. */
  token: string
  /** The Studio's address: stega's edit links point there, and only it may frame the preview. */
  studioUrl: string
}

/** Where `sanity dev` serves the Studio, when SANITY_STUDIO_URL is not set. */
export const DEFAULT_STUDIO_URL = 'http://localhost:3333'

const FIX: Record<string, string> = {
  SANITY_PROJECT_ID: 'SANITY_PROJECT_ID=<project id> (sanity.io/manage, the project, its id)',
  SANITY_DATASET: 'SANITY_DATASET=<dataset>, e.g. production',
  SANITY_API_READ_TOKEN: 'SANITY_API_READ_TOKEN=<a token with the Viewer role> (sanity.io/manage, API, Tokens, Add API token)',
}

/** Reads and checks the environment; throws one error naming every missing variable and how to set it. */
export function readPreviewEnv(env: Record<string, string | undefined> = process.env): PreviewEnv {
  const value = (name: string) => env[name]?.trim() || undefined
  const missing = Object.keys(FIX).filter((name) => !value(name))
  if (missing.length > 0) {
    throw new HintedError(
      `The preview server cannot start: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      `Set ${missing.map((name) => FIX[name]).join('; ')}. The token stays on the server; see docs/preview-server.md.`,
      'config.preview-missing',
    )
  }
  const studioUrl = (value('SANITY_STUDIO_URL') ?? DEFAULT_STUDIO_URL).replace(/\/+$/, '')
  try {
    new URL(studioUrl)
  } catch {
    throw new HintedError(`SANITY_STUDIO_URL is "${studioUrl}", which is not a URL.`, "Set it to the Studio's address, e.g. https://studio.example.org.", 'config.invalid')
  }
  return { projectId: value('SANITY_PROJECT_ID')!, dataset: value('SANITY_DATASET')!, apiHost: value('SANITY_API_HOST'), token: value('SANITY_API_READ_TOKEN')!, studioUrl }
}
