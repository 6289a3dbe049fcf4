import { locales, type Locale } from '../../schemas/locales'
import { pathForDocument, type LinkableType } from '../../schemas/site-paths'

/**
 * Where a document appears on the built site, per language. Pure (no Sanity, no React), so
 * the Studio's "Open on the site" action and the tests share one map. The paths themselves come
 * from schemas/site-paths.ts, the module the site's pages and links use, so the two cannot drift.
 *
 * The slug is English and shared by both languages; only the locale segment differs:
 * `/zh-tw/industries/cybersecurity/` and `/en/industries/cybersecurity/`.
 */

/** The part of a document the map needs: its type and (for most types) its slug. */
export interface SiteDocument {
  _type: string
  slug?: { current?: string } | string | null
}

/** One page of a document in one language. */
export interface SiteLink {
  locale: Locale
  /** A path from the site root, e.g. `/en/industries/cybersecurity/`. */
  path: string
  /** The absolute URL, when a site URL is known. */
  url?: string
}

/** Types whose place on the site is found by the document's slug. */
const needsSlug = new Set<LinkableType>(['industry', 'metric', 'section', 'glossaryTerm', 'metricGroup'])

/** Types with one place on the site for every document of the type. */
const fixedPlace = new Set<LinkableType>(['policy', 'siteSettings', 'timelineEvent', 'update', 'policyDevelopment', 'accessibilityStatement'])

/** Document types that have a page (or an anchor on one) on the site; sources are cited, not pages. */
export const typesOnSite: readonly LinkableType[] = [...needsSlug, ...fixedPlace]

const isLinkable = (type: string): type is LinkableType => needsSlug.has(type as LinkableType) || fixedPlace.has(type as LinkableType)

/** Why a document has no link (yet), for the action's tooltip. */
export type NoLinkReason = 'not-on-site' | 'missing-slug'

function slugOf(doc: SiteDocument): string | undefined {
  const raw = typeof doc.slug === 'string' ? doc.slug : doc.slug?.current
  const trimmed = raw?.trim()
  return trimmed ? trimmed : undefined
}

/**
 * The site path of a document in every locale (in the order of schemas/locales.ts), or the
 * reason there is none: its type has no page (sources are cited, not pages) or it has no slug yet.
 */
export function sitePaths(doc: SiteDocument): { links: SiteLink[] } | { reason: NoLinkReason } {
  const type = doc._type
  if (!isLinkable(type)) return { reason: 'not-on-site' }
  const slug = slugOf(doc)
  if (needsSlug.has(type) && !slug) return { reason: 'missing-slug' }
  const encoded = slug === undefined ? undefined : encodeURIComponent(slug)
  return { links: locales.map((locale) => ({ locale, path: pathForDocument(type, needsSlug.has(type) ? encoded : undefined, locale) })) }
}

/**
 * Normalizes a site URL: http(s) only, no trailing slash, no query or fragment.
 * Returns `undefined` for anything else (empty, relative, `javascript:`), so a bad setting
 * never produces a link.
 */
export function normalizeSiteUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * The first usable site URL: the environment (`SANITY_STUDIO_SITE_URL`) wins over the
 * `siteUrl` of the siteSettings document, so a local Studio can point at `astro dev`.
 */
export function resolveSiteUrl(fromEnv: unknown, fromSettings: unknown): string | undefined {
  return normalizeSiteUrl(fromEnv) ?? normalizeSiteUrl(fromSettings)
}

/** Absolute links of a document in every locale; `url` is set only when `siteUrl` is usable. */
export function siteLinks(doc: SiteDocument, siteUrl: string | undefined): { links: SiteLink[] } | { reason: NoLinkReason } {
  const result = sitePaths(doc)
  if ('reason' in result) return result
  const base = normalizeSiteUrl(siteUrl)
  return { links: result.links.map((link) => (base ? { ...link, url: `${base}${link.path}` } : link)) }
}
