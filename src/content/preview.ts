/**
 * Whether this build is a drafts preview: built from the live Content Lake with
 * `SANITY_PERSPECTIVE=drafts`, so it shows unpublished changes. Every page of such a build must
 * say so (a visible banner) and carry `<meta name="robots" content="noindex">`; layouts read
 * {@link isPreviewBuild} and never anything else about the environment.
 *
 * Only a flag leaves this module: never the token, which is read by `source.ts` at build time
 * and must not reach a page, a script or a data file.
 */

/** True when the site is being built from drafts (`SANITY_PERSPECTIVE=drafts` with a live project). */
export function isPreviewBuild(env: Record<string, string | undefined> = process.env): boolean {
  const perspective = env.SANITY_PERSPECTIVE?.trim()
  const live = Boolean(env.SANITY_PROJECT_ID?.trim() && env.SANITY_DATASET?.trim())
  return live && perspective === 'drafts'
}

/** What a page needs to mark a preview build; `null` for a normal build. */
export interface PreviewInfo {
  /** The perspective the content came from. */
  perspective: 'drafts'
  /** The robots meta value every preview page carries. */
  robots: 'noindex, nofollow'
}

/** The preview marks for pages, or `null` when this is a normal (published) build. */
export function previewInfo(env: Record<string, string | undefined> = process.env): PreviewInfo | null {
  return isPreviewBuild(env) ? { perspective: 'drafts', robots: 'noindex, nofollow' } : null
}
