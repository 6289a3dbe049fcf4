// @vercel/stega is the encoding Sanity's stegaClean wraps; importing it alone keeps the whole
// Sanity client (and its RxJS) out of every page render.
import { vercelStegaClean as stegaClean } from '@vercel/stega'
import { FALLBACK_SITE_URL } from '../../schemas/site-paths.ts'

/**
 * Text for places that are not shown as text (`<title>`, meta, attributes, JSON-LD): without
 * the hidden edit marks (stega) that the preview server's draft mode puts into content text.
 * Text without them comes back unchanged.
 */
export function plainText<T>(value: T): T {
  return stegaClean(value) as T
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` and line separators escaped so
 * content can never close the script element; edit marks removed ({@link plainText}).
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(plainText(data)).replace(JSON_LD_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
/** What must not appear raw inside `<script>`: `<`, `>`, `&` and the JS line separators. */
const JSON_LD_UNSAFE = /[<>&\u2028\u2029]/g

/** An absolute URL on the site. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? FALLBACK_SITE_URL).toString()
}
