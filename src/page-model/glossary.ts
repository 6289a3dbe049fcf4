/**
 * The glossary: every term in the reader's language, sorted with Intl.Collator for that
 * locale (stroke order for zh-TW, alphabetical for English). Up to {@link TERMS_PER_PAGE}
 * terms it is one page, as it always was; beyond, it is split into numbered pages
 * (`/en/glossary/`, then `/en/glossary/page/2/`, …), each with its share of the terms, in
 * the same order. A page's size so stays bounded however many terms there are.
 */
import type { Locale } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { GlossaryView, SiteView, SiteViews } from '../content/views.ts'
import { pagedIndex } from './paged.ts'
import { documentIds, twinsOf, type Page } from './types.ts'

/** A term with its definition, other names and structured data is about 350 bytes gzip: 40 keep a page near 17 KB. */
export const TERMS_PER_PAGE = 40

export interface GlossaryProps {
  view: SiteView
  /** This page's number (1 = the glossary itself) and how many there are. */
  number: number
  pages: number
  /** This page's terms, in the locale's order. */
  terms: GlossaryView[]
  /** Every page's path, for the page links (one entry when there is one page). */
  pagePaths: string[]
}

const memo = new WeakMap<SiteView, { sorted: GlossaryView[]; pages: number }>()

/** The view's terms in glossary order, made once per view. */
function layout(view: SiteView) {
  let found = memo.get(view)
  if (!found) {
    const collator = new Intl.Collator(view.locale.tag, { sensitivity: 'base', numeric: true })
    const sorted = [...view.glossary].sort((a, b) => collator.compare(a.term.value, b.term.value) || a.slug.localeCompare(b.slug))
    found = { sorted, pages: Math.max(1, Math.ceil(sorted.length / TERMS_PER_PAGE)) }
    memo.set(view, found)
  }
  return found
}

/** The path of page `n` of the glossary. */
export const glossaryPagePath = (locale: Locale, n: number) => (n === 1 ? paths.glossary(locale) : `${paths.glossary(locale)}page/${n}/`)

/** Page `n` of the glossary in a view, or undefined past the last page. */
function pageOf(views: SiteViews, view: SiteView, n: number): Page<GlossaryProps> | undefined {
  const { sorted, pages } = layout(view)
  if (!Number.isInteger(n) || n < 1 || n > pages) return undefined
  const terms = sorted.slice((n - 1) * TERMS_PER_PAGE, n * TERMS_PER_PAGE)
  return {
    locale: view.locale,
    props: { view, number: n, pages, terms, pagePaths: Array.from({ length: pages }, (_, i) => glossaryPagePath(view.locale, i + 1)) },
    documents: documentIds(terms.map((g) => g.id)),
    path: glossaryPagePath(view.locale, n),
    // A page number another language does not have leads to that language's glossary.
    twins: twinsOf((l) => glossaryPagePath(l, n <= layout(views[l.id]).pages ? n : 1)),
  }
}

const kinds = pagedIndex('/[lang]/glossary/', (view) => layout(view).pages, pageOf)
/** Page 1, at the index's own address. */
export const glossary = kinds.first
/** Pages 2 and on, when there is more than one page holds. */
export const glossaryPage = kinds.rest
