/**
 * The public address of the built site: `SITE_URL`, else the settings default. Astro's config
 * and the build's own files (scripts/build.ts) read it here, so both write the same addresses.
 *
 * Node built-ins only: it runs in the build script on Node's own type stripping.
 */
import { FALLBACK_SITE_URL } from '../../schemas/site-paths.ts'

/** The site's origin (and path, if any) without a trailing slash. */
export function siteUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return (env.SITE_URL?.trim() || FALLBACK_SITE_URL).replace(/\/+$/, '')
}
