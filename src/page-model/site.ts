/**
 * The pages of the site as a whole: the language picker, the 404 page, home, the policy (and
 * its side-by-side view), the updates, about and search (the glossary is in glossary.ts).
 */
import { defaultLocale, locales, type Locale } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { IndustryView, MetricView, SectionView, SiteView } from '../content/views.ts'
import { withSources } from './lookup.ts'
import { documentIds, pageKind, perLocale, twinsOf, localeView, type Page } from './types.ts'

/**
 * The home page's headline figures, by slug, in display order: the six-trillion investment,
 * the foundry market share, the BERI rank and the Invest-in-Taiwan total. Each entry lists
 * the slugs it may have in the dataset; the first that exists is shown.
 */
export const HEADLINE_METRICS: string[][] = [['six-trillion-total'], ['foundry-market-share'], ['beri-investment-risk-rank'], ['invest-in-taiwan-total']]

/** The figures for a list of slug choices; a choice with no match is skipped with a build warning. */
export function pickMetrics(metrics: MetricView[], choices: string[][]): MetricView[] {
  const bySlug = new Map(metrics.map((m) => [m.slug, m]))
  return choices.flatMap((slugs) => {
    const found = slugs.map((s) => bySlug.get(s)).find(Boolean)
    if (!found) console.warn(`[home] no headline figure with slug ${slugs.map((s) => `"${s}"`).join(' or ')}; skipped`)
    return found ? [found] : []
  })
}

/** The root `/`: the language picker, in every language. */
export const root = pageKind({
  route: '/',
  params: () => [{}],
  page: (views) => ({
    locale: defaultLocale,
    props: { views: locales.map((l) => views[l.id]) },
    documents: [],
    path: '/',
    twins: twinsOf((l) => paths.home(l)),
  }),
})

/** The 404 page, in every language. */
export const notFound = pageKind({
  route: '/404/',
  params: () => [{}],
  page: () => ({ locale: defaultLocale, props: {}, documents: [], path: '/404/', twins: [] }),
})

/** A page per locale that shows `documents` of its view. */
export function localePage<Props>(route: string, path: (locale: Locale) => string, make: (view: SiteView) => { props: Props; documents: Iterable<string>; dates?: string[] }) {
  return pageKind({
    route,
    params: perLocale,
    page: (views, params): Page<Props> | undefined => {
      const view = localeView(views, params)
      if (!view) return undefined
      const { props, documents, dates } = make(view)
      return { locale: view.locale, props, documents: documentIds(documents), ...(dates ? { dates } : {}), path: path(view.locale), twins: twinsOf(path) }
    },
  })
}

export const home = localePage('/[lang]/', paths.home, (view) => {
  const headline = pickMetrics(view.metrics, HEADLINE_METRICS)
  return { props: { view, headline }, documents: [singletons.policy, ...view.industries.map((i) => i.id), ...withSources(headline), ...view.timeline.map((t) => t.id)] }
})

/**
 * How many figure cards a section of the policy page, and how many industry cards and diagram
 * boxes, it shows at most. The brief has six industries and at most 13 figures in a
 * section; a dataset grown far past that would make one page of every figure and industry,
 * so the rest are counted and reached through the figures and industries indexes.
 */
export const POLICY_LIST_LIMIT = 24

/** The first items of a list a page shows, and how many there are in all. */
export interface Shown<T> {
  items: T[]
  total: number
}

const shown = <T>(items: T[]): Shown<T> => ({ items: items.slice(0, POLICY_LIST_LIMIT), total: items.length })

/** What the policy page (and its side-by-side view) shows of the lists that grow with the content. */
export interface PolicyLists {
  industries: Shown<IndustryView>
  figures: Record<SectionView['slug'], Shown<MetricView>>
}

export function policyLists(view: SiteView): PolicyLists {
  return { industries: shown(view.industries), figures: Object.fromEntries(view.sections.map((s) => [s.slug, shown(s.metrics)])) }
}

const policyDocuments = (view: SiteView, lists: PolicyLists) => [
  singletons.policy,
  view.policy.source.id,
  ...view.sections.flatMap((s) => [s.id, ...withSources(lists.figures[s.slug]?.items ?? [])]),
  ...lists.industries.items.map((i) => i.id),
]

export const policy = localePage('/[lang]/policy/', paths.policy, (view) => {
  const lists = policyLists(view)
  return { props: { view, lists }, documents: policyDocuments(view, lists) }
})

/** The policy in every language side by side: it shows what the policy page shows, and is canonical to it. */
export const policyBilingual = pageKind({
  route: '/[lang]/policy/bilingual/',
  params: perLocale,
  page: (views, params) => {
    const view = localeView(views, params)
    if (!view) return undefined
    return {
      locale: view.locale,
      props: { view, views },
      documents: documentIds(policyDocuments(view, policyLists(view))),
      path: paths.policyBilingual(view.locale),
      twins: twinsOf((l) => paths.policyBilingual(l)),
      viewOf: paths.policy(view.locale),
    }
  },
})

/** Every change note: as new as the newest note, and its "What changed" is itself. */
export const updates = localePage('/[lang]/updates/', paths.updates, (view) => ({
  props: { view },
  documents: view.updates.map((u) => u.id),
  dates: view.updates.map((u) => u.date),
}))

/** The MDX page: its date is its frontmatter's, which the template reads with the page. */
export const about = localePage('/[lang]/about/', paths.about, (view) => ({ props: { view }, documents: [] }))

export const search = localePage('/[lang]/search/', paths.search, (view) => ({ props: { view }, documents: [] }))
