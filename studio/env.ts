/**
 * The Studio's settings from the environment. Sanity replaces `process.env.SANITY_STUDIO_*`
 * statically when it bundles the Studio (unset ones become `undefined`), and the CLI reads
 * them from the real environment (and from studio/.env files), so each one is written out
 * in full here.
 *
 * Without a project id the Studio still builds (for CI and offline checks) on a placeholder
 * project, and shows a warning banner saying what to set.
 */

/** The placeholder project id used when SANITY_STUDIO_PROJECT_ID is not set. */
export const PLACEHOLDER_PROJECT_ID = 'offline-placeholder'

/** Where `npm run preview:live` listens, for the Presentation tool when SANITY_STUDIO_PREVIEW_URL is not set. */
export const DEFAULT_PREVIEW_URL = 'http://127.0.0.1:4322'

/** The dataset used when SANITY_STUDIO_DATASET is not set. */
export const DEFAULT_DATASET = 'production'

const clean = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

export interface StudioEnv {
  projectId: string
  dataset: string
  /**
   * Public address of the built site (SANITY_STUDIO_SITE_URL): for "Open on the site" (which
   * falls back to siteSettings.siteUrl), and the site's build.json that says whether a publish
   * is live and which pages show a document (no status without it).
   */
  siteUrl: string | undefined
  /** The preview server's address, for the Presentation tool (SANITY_STUDIO_PREVIEW_URL). */
  previewUrl: string
  /** Names of the required variables that are not set; empty when the Studio is fully configured. */
  missing: string[]
}

/** Reads the Studio environment; pure apart from reading `process.env`. */
export function readStudioEnv(): StudioEnv {
  const projectId = clean(process.env.SANITY_STUDIO_PROJECT_ID)
  const dataset = clean(process.env.SANITY_STUDIO_DATASET)
  const siteUrl = clean(process.env.SANITY_STUDIO_SITE_URL)
  const previewUrl = clean(process.env.SANITY_STUDIO_PREVIEW_URL)?.replace(/\/+$/, '') ?? DEFAULT_PREVIEW_URL
  const missing = [...(projectId ? [] : ['SANITY_STUDIO_PROJECT_ID']), ...(dataset ? [] : ['SANITY_STUDIO_DATASET'])]
  return { projectId: projectId ?? PLACEHOLDER_PROJECT_ID, dataset: dataset ?? DEFAULT_DATASET, siteUrl, previewUrl, missing }
}

/** The message shown in the Studio and printed by the CLI when variables are missing. */
export function missingEnvMessage(missing: string[]): string {
  return (
    `Studio not connected: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
    `Using the placeholder project "${PLACEHOLDER_PROJECT_ID}" (dataset "${DEFAULT_DATASET}"), so nothing can be loaded or saved. ` +
    'Set them in studio/.env (see docs/editors-guide.md), e.g. SANITY_STUDIO_PROJECT_ID=abc123xy and SANITY_STUDIO_DATASET=production, then restart.'
  )
}
