/**
 * An index that lists everything on one page up to a size and splits into numbered pages
 * beyond it: page 1 at the index's own address (`/[lang]/glossary/`), pages 2 and on under
 * `page/{n}/`, a segment no slug can take. The figures index and the glossary are both one.
 */
import { locales } from '../../schemas/locales.ts'
import type { SiteView, SiteViews } from '../content/views.ts'
import { localeView, type Page, pageKind, type RouteParams } from './types.ts'

/** The two kinds of a paged index: its first page and the pages after it. */
export function pagedIndex<Props>(route: string, pageCount: (view: SiteView) => number, pageOf: (views: SiteViews, view: SiteView, n: number) => Page<Props> | undefined) {
  const first = pageKind({
    route,
    params: () => locales.map((l) => ({ lang: l.segment })),
    page: (views: SiteViews, params: RouteParams) => {
      const view = localeView(views, params)
      return view && pageOf(views, view, 1)
    },
  })
  const rest = pageKind({
    route: `${route}page/[n]/`,
    params: (views: SiteViews) => locales.flatMap((l) => Array.from({ length: pageCount(views[l.id]) - 1 }, (_, i) => ({ lang: l.segment, n: String(i + 2) }))),
    page: (views: SiteViews, params: RouteParams) => {
      const view = localeView(views, params)
      // Page 1 lives at the index's own address only; numbers are written plainly ("2", never "02").
      if (!view || !/^[1-9]\d*$/.test(params.n ?? '') || params.n === '1') return undefined
      return pageOf(views, view, Number(params.n))
    },
  })
  return { first, rest }
}
