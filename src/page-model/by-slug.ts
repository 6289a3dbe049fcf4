/** Kinds of page with one page per locale and slug (an industry, a figure, a chart). */
import { locales, type Locale } from '../../schemas/locales.ts'
import type { SiteView, SiteViews } from '../content/views.ts'
import { documentIds, pageKind, twinsOf, localeView, type Page } from './types.ts'

interface SlugKind<Item, Props> {
  route: string
  path: (locale: Locale, slug: string) => string
  /** The items that have a page, in the view of one locale. */
  items: (view: SiteView) => { slug: string }[]
  /** The item with the slug, or undefined (constant time: lookup.ts). */
  find: (view: SiteView, slug: string) => Item | undefined
  make: (view: SiteView, item: Item, views: SiteViews) => { props: Props; documents: Iterable<string | undefined> }
  /** The page this one is a view of, when it is one. */
  viewOf?: (locale: Locale, slug: string) => string
}

/** A kind with a page per locale and item. */
export function slugKind<Item, Props>(kind: SlugKind<Item, Props>) {
  return pageKind({
    route: kind.route,
    params: (views: SiteViews) => locales.flatMap((l) => kind.items(views[l.id]).map((item) => ({ lang: l.segment, slug: item.slug }))),
    page: (views, params): Page<Props> | undefined => {
      const view = localeView(views, params)
      const item = view && params.slug !== undefined ? kind.find(view, params.slug) : undefined
      if (!view || !item) return undefined
      const slug = params.slug!
      const { props, documents } = kind.make(view, item, views)
      return {
        locale: view.locale,
        props,
        documents: documentIds(documents),
        path: kind.path(view.locale, slug),
        twins: twinsOf((l) => kind.path(l, slug)),
        ...(kind.viewOf ? { viewOf: kind.viewOf(view.locale, slug) } : {}),
      }
    },
  })
}
