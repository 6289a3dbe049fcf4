import { getLocale, type LocaleId } from './locales.ts'

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
 */
export const paths = {
  home: (locale: LocaleId | string) => `/${seg(locale)}/`,
  policy: (locale: LocaleId | string, anchor?: string) => `/${seg(locale)}/policy/${hash(anchor)}`,
  industries: (locale: LocaleId | string) => `/${seg(locale)}/industries/`,
  industry: (locale: LocaleId | string, slug: string) => `/${seg(locale)}/industries/${slug}/`,
  /** The side-by-side view of the policy page in both languages (not indexed). */
  policyBilingual: (locale: LocaleId | string) => `/${seg(locale)}/policy/bilingual/`,
  /** The side-by-side view of an industry page in both languages (not indexed). */
  industryBilingual: (locale: LocaleId | string, slug: string) => `/${seg(locale)}/industries/${slug}/bilingual/`,
  metrics: (locale: LocaleId | string, anchor?: string) => `/${seg(locale)}/metrics/${hash(anchor)}`,
  metric: (locale: LocaleId | string, slug: string) => `/${seg(locale)}/metrics/${slug}/`,
  glossary: (locale: LocaleId | string, anchor?: string) => `/${seg(locale)}/glossary/${hash(anchor)}`,
  about: (locale: LocaleId | string) => `/${seg(locale)}/about/`,
  search: (locale: LocaleId | string) => `/${seg(locale)}/search/`,
  /** Every change note, newest first. */
  updates: (locale: LocaleId | string) => `/${seg(locale)}/updates/`,
  /** The change notes as an Atom feed. */
  updatesFeed: (locale: LocaleId | string) => `/${seg(locale)}/updates.xml`,
  /** A figure group's chart alone, for an `<iframe>` on other sites. */
  embed: (locale: LocaleId | string, group: string) => `/${seg(locale)}/embed/${group}/`,
  /** Open data: every metric, both languages' headers, UTF-8 with BOM. */
  dataCsv: () => '/data/metrics.csv',
  /** Open data: every metric as JSON. */
  dataJson: () => '/data/metrics.json',
  /**
   * One figure's or figure group's own files: `json` (both languages), `csv` and `svg` (one
   * per language), e.g. /data/metrics/foundry-market-share.zh-tw.svg.
   */
  dataFile: (what: 'metric' | 'group', slug: string, kind: 'json' | 'csv' | 'svg', locale?: LocaleId | string) =>
    `/data/${what === 'metric' ? 'metrics' : 'groups'}/${slug}${kind === 'json' ? '' : `.${seg(locale ?? '')}`}.${kind}`,
} as const

/** The document types that have a place on the site. */
export type LinkableType = 'industry' | 'section' | 'metric' | 'glossaryTerm' | 'metricGroup' | 'policy' | 'siteSettings' | 'timelineEvent' | 'update'

/**
 * The URL of a document in a locale: the page, or the anchor on a page, that shows it.
 * Used for internal links in Portable Text and for the Studio's "Open on the site".
 */
export function pathForDocument(type: LinkableType, slug: string | undefined, locale: LocaleId | string): string {
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
  }
}

/**
 * The same page in another locale: swaps the locale segment and keeps the rest
 * (path and `#anchor`), which is what the language switch links to.
 */
export function switchLocalePath(path: string, to: LocaleId | string): string {
  const parts = path.split('/')
  // "/zh-tw/industries/x/" splits into ["", "zh-tw", "industries", "x", ""].
  if (parts.length > 1) {
    try {
      getLocale(parts[1] ?? '')
      parts[1] = seg(to)
      return parts.join('/')
    } catch {
      // Not a localized path: fall through to the locale's home.
    }
  }
  return paths.home(to)
}

function seg(locale: LocaleId | string): string {
  return getLocale(locale).segment
}

function hash(anchor?: string): string {
  return anchor ? `#${anchor}` : ''
}
