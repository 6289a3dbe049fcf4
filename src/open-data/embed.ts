/**
 * The `<iframe>` code other sites paste to show a chart (its embed page, src/pages/[lang]/embed/).
 *
 * A plain iframe cannot grow with its content without a script on the host page, and the
 * hosts that matter (news CMSs) often strip scripts and `<style>`. So the code carries one
 * fixed height per chart and language: the tallest the embed page measured in Chromium at
 * the frame widths of phones to desktops (embed-heights.json, written by
 * `npm run embed:heights`), plus a margin for other fonts. The browser test
 * (tests/browser/embed.test.ts) holds that nothing is cut at 320 to 1280 pixels.
 */
import type { Locale } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import measured from './embed-heights.json' with { type: 'json' }

/** Measured heights: locale id → group slug → CSS pixels. */
export type EmbedHeights = Record<string, Record<string, number>>

/** Room for fonts that set text wider or taller than Debian's Noto, where the heights are measured. */
export const EMBED_MARGIN = 1.06

/** The frame height for the tallest measured content height. */
export const frameHeight = (content: number): number => Math.ceil((content * EMBED_MARGIN) / 10) * 10

/**
 * The height of a chart's frame. A chart not measured yet (added in the CMS since) gets the
 * tallest frame of its language: too tall rather than cut.
 */
export function embedHeight(locale: Locale, slug: string, heights: EmbedHeights = measured): number {
  const known = heights[locale.id] ?? {}
  const content = known[slug] ?? Math.max(0, ...Object.values(known))
  return frameHeight(content || 1200)
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The code to paste, exactly as the reuse block shows it. */
export function embedCode(locale: Locale, slug: string, title: string, site: URL): string {
  const src = new URL(paths.embed(locale, slug), site)
  return `<iframe src="${attr(src.toString())}" title="${attr(title)}" width="100%" height="${embedHeight(locale, slug)}" loading="lazy" style="border:0"></iframe>`
}
