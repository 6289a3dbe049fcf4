/**
 * Hashes for the site's own inline scripts and styles, which Astro's CSP does not hash itself
 * (it hashes what it bundles): a page registers each with `allowInlineScript` / `allowInlineStyle`
 * and renders the very same text with `set:html`, so the hash always matches.
 */
import { createHash } from 'node:crypto'
import type { AstroGlobal } from 'astro'

/** `sha256-…` of a text, as CSP writes a hash source. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

type Csp = AstroGlobal['csp'] | undefined

/** Allows an inline `<script>` with exactly this text on the page being rendered; returns the text. */
export function allowInlineScript(csp: Csp, text: string): string {
  // `Astro.csp` is absent in `astro dev`, where Astro writes no policy.
  csp?.insertScriptHash(cspHash(text))
  return text
}

/** Allows an inline `<style>` with exactly this text on the page being rendered; returns the text. */
export function allowInlineStyle(csp: Csp, text: string): string {
  csp?.insertStyleHash(cspHash(text))
  return text
}
