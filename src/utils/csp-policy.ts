/**
 * The site's Content Security Policy, in one place: Astro's `security.csp` configuration
 * (astro.config.mjs) and the headers file for hosts that read one
 * (src/integrations/headers-file.ts) both come from here.
 *
 * Scripts and styles: same-origin files and the hashes Astro adds per page; never
 * 'unsafe-inline' or 'unsafe-eval' for scripts. Everything else from the site itself; no
 * plugins, no <base> elsewhere, forms post only here.
 */

/** Directives besides script-src and style-src (which Astro writes with the page's hashes). */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const

/** `security.csp` for astro.config.mjs. */
export const cspConfig = {
  algorithm: 'SHA-256' as const,
  directives: [...cspDirectives],
  scriptDirective: { resources: ["'self'"] },
  styleDirective: { resources: ["'self'"] },
}

/** What only a header can say (a <meta> policy ignores frame-ancestors): who may frame a page. */
export function frameAncestors(path: string): string {
  // Embeds are made to be framed by other sites; every other page only by this site.
  return /^\/[^/]+\/embed\//.test(path) ? 'frame-ancestors *' : "frame-ancestors 'self'"
}

/** The other security headers every file gets. */
export const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
} as const
