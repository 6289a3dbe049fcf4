/**
 * The public address of the built site: `SITE_URL`, else the settings default. Astro's config
 * and the build's own files (scripts/build.ts) read it here, so both write the same addresses.
 *
 * Node built-ins only: it runs in the build script on Node's own type stripping.
 */
import { FALLBACK_SITE_URL } from '../../schemas/site-paths.ts'
import { HintedError } from '../content/content-error.ts'

/** The site's origin (and path, if any) without a trailing slash. */
export function siteUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return (env.SITE_URL?.trim() || FALLBACK_SITE_URL).replace(/\/+$/, '')
}

/**
 * The site's address as a URL, checked before a build starts: every canonical link, feed and
 * figure file is made from it, so a value that is no web address stops the build at once.
 */
export function checkedSiteUrl(env: Record<string, string | undefined> = process.env): URL {
  const value = siteUrlFromEnv(env)
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url
  throw new HintedError(
    `SITE_URL "${env.SITE_URL?.trim()}" is not a web address.`,
    "Set SITE_URL to the site's public address, e.g. SITE_URL=https://your-domain.example, or leave it unset.",
    'build.site-url',
  )
}
