import { escapeHTML, toHTML, type PortableTextComponents } from '@portabletext/to-html'
import type { PortableTextBlock } from '@portabletext/types'
import { sanitizeUrl } from '@braintree/sanitize-url'
import type { Locale } from '../../schemas/locales'
import { t } from '../../schemas/i18n/t'
import { pathForDocument } from '../../schemas/site-paths'
import type { SiteView } from '../content/views'

/** The URL schemes an external link may use; anything else renders as plain text. */
export const ALLOWED_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * A link target an editor typed, made safe: sanitised by @braintree/sanitize-url, then
 * accepted only when it is an absolute http, https or mailto URL. Returns undefined for
 * anything else (javascript:, data:, relative paths, garbage), which then renders as text.
 */
export function safeExternalHref(href: unknown): string | undefined {
  if (typeof href !== 'string' || href.trim() === '') return undefined
  const cleaned = sanitizeUrl(href)
  if (cleaned === 'about:blank') return undefined
  let url: URL
  try {
    url = new URL(cleaned)
  } catch {
    return undefined
  }
  if (!ALLOWED_LINK_PROTOCOLS.has(url.protocol)) return undefined
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined
  return cleaned
}

/** The small "opens elsewhere" arrow after external links; decorative (the text says it). */
export const EXTERNAL_ICON =
  '<svg class="ext-icon" aria-hidden="true" focusable="false" viewBox="0 0 12 12" width="12" height="12"><path d="M4.5 2.5h-2v7h7v-2M7 2.5h2.5V5M9.5 2.5 5.5 6.5" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round"/></svg>'

/** An external link's markup: `children` must already be escaped HTML. */
export function externalLinkHtml(href: string, childrenHtml: string, locale: Locale): string {
  return (
    `<a href="${escapeHTML(href)}" rel="noopener noreferrer" data-external>${childrenHtml}` +
    `${EXTERNAL_ICON}<span class="sr-only">${escapeHTML(t(locale, 'link.external'))}</span></a>`
  )
}

export interface PortableTextContext {
  /** The reader's locale: internal links go to this language's pages. */
  locale: Locale
  /** From `SiteView`: resolves `internalLink` references to a page. */
  documentsById: SiteView['documentsById']
  /** Called when a link cannot be rendered as a link (unsafe URL, missing document). */
  onDroppedLink?: (reason: string) => void
  /**
   * Moves the editors' heading levels (h3, h4) up or down to fit the page's outline, e.g.
   * -1 where the text sits right under the page's h1. Clamped to h2…h6.
   */
  headingShift?: number
}

type LinkValue = { _type: 'link'; href?: string }
type InternalLinkValue = { _type: 'internalLink'; reference?: { _ref?: string } }

/** The to-html components: escaping stays the library default (every text node escaped). */
export function portableTextComponents(context: PortableTextContext): PortableTextComponents {
  const { locale } = context
  const shift = context.headingShift ?? 0
  const heading =
    (level: number) =>
    ({ children = '' }: { children?: string }) => {
      const n = Math.min(6, Math.max(2, level + shift))
      return `<h${n}>${children}</h${n}>`
    }
  return {
    block: {
      h3: heading(3),
      h4: heading(4),
    },
    marks: {
      link: ({ children = '', value }: { children?: string; value?: LinkValue }) => {
        const href = safeExternalHref(value?.href)
        if (!href) {
          context.onDroppedLink?.(`unsafe or invalid link "${String(value?.href)}"`)
          return children
        }
        return externalLinkHtml(href, children, locale)
      },
      internalLink: ({ children = '', value }: { children?: string; value?: InternalLinkValue }) => {
        const id = value?.reference?._ref
        const doc = id ? (context.documentsById[id] ?? context.documentsById[id.replace(/^drafts\./, '')]) : undefined
        if (!doc) {
          context.onDroppedLink?.(`internal link to a missing document "${String(id)}"`)
          return children
        }
        return `<a href="${escapeHTML(pathForDocument(doc.type, doc.slug, locale))}">${children}</a>`
      },
    },
  }
}

/** Portable Text as HTML for one locale, with safe external links and resolved internal links. */
export function renderPortableText(blocks: PortableTextBlock[] | undefined | null, context: PortableTextContext): string {
  if (!blocks || blocks.length === 0) return ''
  return toHTML(blocks, {
    components: portableTextComponents(context),
    onMissingComponent: (message) => console.warn(`[portable-text] ${message}`),
  })
}

/** The plain text of Portable Text (for descriptions and structured data). */
export function portableTextToPlain(blocks: PortableTextBlock[] | undefined | null): string {
  if (!blocks) return ''
  return blocks
    .map((block) => (Array.isArray((block as { children?: unknown }).children) ? (block as { children: { text?: string }[] }).children.map((c) => c.text ?? '').join('') : ''))
    .filter(Boolean)
    .join('\n\n')
}
