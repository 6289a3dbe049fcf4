/**
 * The preview server's security headers, on every response it makes:
 *
 * - HTML gets a script policy: the `script-src` Astro wrote for the page (same-origin files,
 *   which include the visual-editing client, plus the hashes of the site's own inline
 *   scripts), no plugins, no foreign <base>, and `frame-ancestors` for the Studio. Styles are
 *   left out on purpose: the visual-editing overlay injects its styles at run time. Other
 *   files get `script-src 'none'`.
 * - `X-Content-Type-Options: nosniff`.
 * - `Referrer-Policy: strict-origin-when-cross-origin`, as on the public site: a link out of a
 *   draft names only this server's origin, never the draft's path; same-origin requests keep
 *   the full referrer, which the root page's language redirect reads (`no-referrer` would
 *   send every visit of `/` on to a language).
 */

/** The script directives of the policy Astro made, or `script-src 'self'` when it made none. */
export function scriptDirectives(astroPolicy: string | null): string[] {
  const scripts = (astroPolicy ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => /^script-src(-elem|-attr)?\s/.test(directive))
  return scripts.length > 0 ? scripts : ["script-src 'self'"]
}

/** The policy for a preview page: its scripts, and only the Studio (and the server) may frame it. */
export function previewPolicy(astroPolicy: string | null, studioUrl: string): string {
  return [...scriptDirectives(astroPolicy), "object-src 'none'", "base-uri 'self'", `frame-ancestors 'self' ${new URL(studioUrl).origin}`].join('; ')
}

/** Sets the headers on `response` (a copy when its headers cannot be changed) and returns it. */
export function withSecurityHeaders(response: Response, studioUrl: string): Response {
  let out = response
  try {
    out.headers.set('x-content-type-options', 'nosniff')
  } catch {
    out = new Response(response.body, response)
    out.headers.set('x-content-type-options', 'nosniff')
  }
  out.headers.set('referrer-policy', 'strict-origin-when-cross-origin')
  // Other files (the open data's SVG, JSON, CSV) run no script at all, even when opened directly.
  const html = out.headers.get('content-type')?.startsWith('text/html')
  out.headers.set('content-security-policy', html ? previewPolicy(out.headers.get('content-security-policy'), studioUrl) : previewPolicy("script-src 'none'", studioUrl))
  return out
}
