import { locales, type Locale } from './locales.ts'

/**
 * The site's public address when none is configured (`SITE_URL` unset, as in a local or a
 * test build): the address the embedded dataset's Site settings give, so canonical links,
 * the sitemap, feeds and citations are absolute in every build.
 */
export const FALLBACK_SITE_URL = 'https://six-core-industries.example.org'

/**
 * Every URL of the site, in one place. Both languages share the English slug:
 * `/zh-tw/industries/cybersecurity/` and `/en/industries/cybersecurity/`.
 * All page URLs end with a slash (Astro `trailingSlash: 'always'`, directory output).
 * They take the resolved `Locale` (its `segment` is the URL's), as the site and the Studio
 * both have it at hand.
 */
export const paths = {
  home: (locale: Locale) => `/${locale.segment}/`,
  policy: (locale: Locale, anchor?: string) => `/${locale.segment}/policy/${hash(anchor)}`,
  industries: (locale: Locale) => `/${locale.segment}/industries/`,
  industry: (locale: Locale, slug: string) => `/${locale.segment}/industries/${slug}/`,
  /** The side-by-side view of the policy page in both languages (not indexed). */
  policyBilingual: (locale: Locale) => `/${locale.segment}/policy/bilingual/`,
  /** The side-by-side view of an industry page in both languages (not indexed). */
  industryBilingual: (locale: Locale, slug: string) => `/${locale.segment}/industries/${slug}/bilingual/`,
  metrics: (locale: Locale, anchor?: string) => `/${locale.segment}/metrics/${hash(anchor)}`,
  metric: (locale: Locale, slug: string) => `/${locale.segment}/metrics/${slug}/`,
  glossary: (locale: Locale, anchor?: string) => `/${locale.segment}/glossary/${hash(anchor)}`,
  about: (locale: Locale) => `/${locale.segment}/about/`,
  /** What happened to the policy after the 2020 brief, newest first. */
  developments: (locale: Locale) => `/${locale.segment}/policy/developments/`,
  /** The accessibility statement. */
  accessibility: (locale: Locale) => `/${locale.segment}/accessibility/`,
  search: (locale: Locale) => `/${locale.segment}/search/`,
  /** Every change note, newest first. */
  updates: (locale: Locale) => `/${locale.segment}/updates/`,
  /** The change notes as an Atom feed. */
  updatesFeed: (locale: Locale) => `/${locale.segment}/updates.xml`,
  /** A figure group's chart alone, for an `<iframe>` on other sites. */
  embed: (locale: Locale, group: string) => `/${locale.segment}/embed/${group}/`,
  /** Open data: every metric, both languages' headers, UTF-8 with BOM. */
  dataCsv: () => '/data/metrics.csv',
  /** Open data: every metric as JSON. */
  dataJson: () => '/data/metrics.json',
  /** One figure's or figure group's own files: see {@link dataFile}. */
  dataFile,
  /**
   * A page's share card (1200×630 PNG, the `og:image`), from the page's path:
   * `/en/metrics/x/` → `/og/en/metrics/x.png`, the root `/` → `/og/index.png`.
   */
  shareCard: (pagePath: string) => `/og/${pagePath.replace(/^\/+|\/+$/g, '') || 'index'}.png`,
} as const

/** The document types that have a place on the site. */
export type LinkableType =
  | 'industry'
  | 'section'
  | 'metric'
  | 'glossaryTerm'
  | 'metricGroup'
  | 'policy'
  | 'siteSettings'
  | 'timelineEvent'
  | 'update'
  | 'policyDevelopment'
  | 'accessibilityStatement'

/**
 * The URL of a document in a locale: the page, or the anchor on a page, that shows it.
 * Used for internal links in Portable Text and for the Studio's "Open on the site".
 */
export function pathForDocument(type: LinkableType, slug: string | undefined, locale: Locale): string {
  switch (type) {
    case 'industry':
      return slug ? paths.industry(locale, slug) : paths.industries(locale)
    case 'metric':
      return slug ? paths.metric(locale, slug) : paths.metrics(locale)
    case 'section':
      return paths.policy(locale, slug)
    case 'glossaryTerm':
      return paths.glossary(locale, slug)
    case 'metricGroup':
      return paths.metrics(locale, slug)
    case 'policy':
      return paths.policy(locale)
    case 'timelineEvent':
      return `${paths.home(locale)}#timeline`
    case 'siteSettings':
      return paths.home(locale)
    case 'update':
      return paths.updates(locale)
    case 'policyDevelopment':
      return paths.developments(locale)
    case 'accessibilityStatement':
      return paths.accessibility(locale)
  }
}

/**
 * The same page in another locale: swaps the locale segment and keeps the rest
 * (path and `#anchor`), which is what the language switch links to.
 */
export function switchLocalePath(path: string, to: Locale): string {
  const parts = path.split('/')
  // "/zh-tw/industries/x/" splits into ["", "zh-tw", "industries", "x", ""].
  if (!locales.some((l) => l.segment === parts[1])) return paths.home(to)
  parts[1] = to.segment
  return parts.join('/')
}

/**
 * One figure's or figure group's own files: `json` (both languages), `csv`, `svg`, `png` and
 * `zip` (one per language), e.g. /data/metrics/foundry-market-share.zh-tw.svg.
 */
function dataFile(what: 'metric' | 'group', slug: string, kind: 'json'): string
function dataFile(what: 'metric' | 'group', slug: string, kind: 'csv' | 'svg' | 'png' | 'zip', locale: Locale): string
function dataFile(what: 'metric' | 'group', slug: string, kind: 'json' | 'csv' | 'svg' | 'png' | 'zip', locale?: Locale): string {
  return `/data/${what === 'metric' ? 'metrics' : 'groups'}/${slug}${kind === 'json' || !locale ? '' : `.${locale.segment}`}.${kind}`
}

function hash(anchor?: string): string {
  return anchor ? `#${anchor}` : ''
}
