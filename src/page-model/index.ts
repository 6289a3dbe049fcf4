/**
 * The page layer: every kind of page the site has (src/pages/ renders them), and the registry
 * of every page. Page dates, the preview server's draft checks and tests find here which
 * pages show a document.
 */
import { getSiteViews } from '../content/render-views.ts'
import type { SiteViews } from '../content/views.ts'
import { embed, metric } from './figures.ts'
import { metrics, metricsPage } from './figures-index.ts'
import { glossary, glossaryPage } from './glossary.ts'
import { industries, industry, industryBilingual } from './industries.ts'
import { about, home, notFound, policy, policyBilingual, root, search, updates } from './site.ts'
import { accessibility, developments } from './status.ts'
import type { Page, PageKind, RouteParams } from './types.ts'

export type { Page, PageKind, RouteParams, Twin } from './types.ts'

/** Every kind of page, by name. */
export const pageKinds = {
  root,
  notFound,
  home,
  policy,
  policyBilingual,
  developments,
  industries,
  industry,
  industryBilingual,
  metrics,
  metricsPage,
  metric,
  embed,
  glossary,
  glossaryPage,
  updates,
  about,
  accessibility,
  search,
} satisfies Record<string, PageKind<RouteParams, unknown>>

export type PageKindName = keyof typeof pageKinds

/** A page in the registry: what it is, where, and what it shows. */
export interface PageEntry {
  kind: PageKindName
  path: string
  locale: Page['locale']
  documents: string[]
}

const kinds = Object.entries(pageKinds) as [PageKindName, PageKind<RouteParams, unknown>][]

const memo = new WeakMap<SiteViews, PageEntry[]>()

/** Every page of the site (made once per views object). */
export function allPages(views: SiteViews): PageEntry[] {
  let pages = memo.get(views)
  if (!pages) {
    pages = kinds.flatMap(([kind, k]) =>
      k.params(views).flatMap((params) => {
        const page = k.page(views, params)
        return page ? [{ kind, path: page.path, locale: page.locale, documents: page.documents }] : []
      }),
    )
    memo.set(views, pages)
  }
  return pages
}

/** The params a route pattern (`/[lang]/metrics/[slug]/`) reads from a path, or undefined when it does not match. */
export function matchRoute(route: string, path: string): RouteParams | undefined {
  const want = route.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return undefined
  const params: RouteParams = {}
  for (const [i, part] of want.entries()) {
    const name = /^\[(\w+)\]$/.exec(part)?.[1]
    if (name) params[name] = decodeURIComponent(have[i]!)
    else if (part !== have[i]) return undefined
  }
  return params
}

/**
 * The page at `path` (`/en/metrics/x/`), or undefined. Routes are tried in the registry's
 * order, the first whose page has exactly this path wins (a fixed segment such as
 * `bilingual` is never a slug); constant time per kind, however many pages there are.
 */
export function pageAt(views: SiteViews, path: string): (Page & { kind: PageKindName }) | undefined {
  for (const [kind, k] of kinds) {
    const params = matchRoute(k.route, path)
    const page = params && k.page(views, params)
    if (page && page.path === path) return { ...page, kind }
  }
  return undefined
}

/** A route's `getStaticPaths`: every page's params, nothing else (the page body asks for its page). */
export function staticPaths<Params extends RouteParams>(kind: PageKind<Params, unknown>) {
  return async () => kind.params(await getSiteViews()).map((params) => ({ params }))
}

/** The page a route renders, from the views of this render (render-views.ts); undefined for an unknown slug. */
export async function pageFor<Props>(kind: PageKind<RouteParams, Props>, params: RouteParams): Promise<Page<Props> | undefined> {
  return kind.page(await getSiteViews(), params)
}
