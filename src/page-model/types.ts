/**
 * What a page is, for every kind of page: which locale it is in, what its template renders,
 * which documents it shows, where it lives and its language versions. One function per kind
 * maps the views and the route's params to a page; the templates (src/pages/), the layouts'
 * head and dates, the preview server's draft checks and the page registry (index.ts) all read
 * the same answer.
 */
import { locales, type Locale } from '../../schemas/locales.ts'
import type { SiteView, SiteViews } from '../content/views.ts'

/** A route's params as Astro gives them (`lang`, `slug`); any of them may be missing or unknown. */
export type RouteParams = Record<string, string | undefined>

/** One language version of a page. */
export interface Twin {
  locale: Locale
  path: string
}

/** One page of the site. */
export interface Page<Props = unknown> {
  locale: Locale
  /** What the template renders. */
  props: Props
  /** The ids of the documents the page shows, sorted, each once. */
  documents: string[]
  /** Dates of what the page shows besides documents (change notes' own dates). */
  dates?: string[]
  /** The page's address, e.g. `/en/metrics/foundry-market-share/`. */
  path: string
  /** The same page in every locale (this one included), in the order of schemas/locales.ts. */
  twins: Twin[]
  /**
   * The page this one is a view of (a side-by-side view, an embeddable chart): its canonical
   * URL. Such a page has no hreflang alternates of its own.
   */
  viewOf?: string
}

/** A kind of page: every page's params, and the page for one set of params. */
export interface PageKind<Params extends RouteParams = RouteParams, Props = unknown> {
  /** The Astro route, e.g. `/[lang]/metrics/[slug]/`: how a path finds its kind (index.ts). */
  route: string
  params(views: SiteViews): Params[]
  /** The page, or undefined when there is none (an unknown language or slug). */
  page(views: SiteViews, params: RouteParams): Page<Props> | undefined
}

/** Defines a kind with its types inferred. */
export const pageKind = <Params extends RouteParams, Props>(kind: PageKind<Params, Props>) => kind

/** The locale of a `lang` param, or undefined for a language the site does not have. */
export function localeOf(params: RouteParams): Locale | undefined {
  return locales.find((l) => l.segment === params.lang)
}

/** The view of the locale the params name. */
export function localeView(views: SiteViews, params: RouteParams): SiteView | undefined {
  const locale = localeOf(params)
  return locale && views[locale.id]
}

/** Params for one page per locale. */
export const perLocale = (): { lang: string }[] => locales.map((l) => ({ lang: l.segment }))

/** A page's twins from its path in any locale. */
export const twinsOf = (pathIn: (locale: Locale) => string): Twin[] => locales.map((locale) => ({ locale, path: pathIn(locale) }))

/** Ids sorted, each once. */
export const documentIds = (ids: Iterable<string | undefined>): string[] => [...new Set([...ids].filter((id): id is string => Boolean(id)))].sort()
