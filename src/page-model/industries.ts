/** The industries index, each industry's page and its side-by-side view. */
import type { LocaleId } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { IndustryView, SiteView } from '../content/views.ts'
import { slugKind } from './by-slug.ts'
import { byLocale } from '../content/by-locale.ts'
import { indexOf } from '../content/view-index.ts'
import { withSources } from './lookup.ts'
import { documentIds, pageKind, perLocale, twinsOf, localeView } from './types.ts'

export const industries = pageKind({
  route: '/[lang]/industries/',
  params: perLocale,
  page: (views, params) => {
    const view = localeView(views, params)
    if (!view) return undefined
    return {
      locale: view.locale,
      props: { view },
      documents: documentIds(view.industries.map((i) => i.id)),
      path: paths.industries(view.locale),
      twins: twinsOf((l) => paths.industries(l)),
    }
  },
})

/** What an industry's page shows: the industry, its figures and their sources, the parts of the brief it links to, its neighbours. */
function industryDocuments(view: SiteView, industry: IndustryView): (string | undefined)[] {
  const { industries, sections } = indexOf(view)
  const neighbours = [industry.previous, industry.next].map((link) => link && industries.get(link.slug)?.id)
  return [industry.id, ...withSources(industry.metrics), ...industry.sections.map((s) => sections.get(s.slug)?.id), ...neighbours]
}

export const industry = slugKind({
  route: '/[lang]/industries/[slug]/',
  path: paths.industry,
  items: (view) => view.industries,
  find: (view, slug) => indexOf(view).industries.get(slug),
  make: (view, industry) => ({ props: { view, industry }, documents: industryDocuments(view, industry) }),
})

/** The industry in every language side by side: it shows what the industry's page shows, and is canonical to it. */
export const industryBilingual = slugKind({
  route: '/[lang]/industries/[slug]/bilingual/',
  path: paths.industryBilingual,
  items: (view) => view.industries,
  find: (view, slug) => indexOf(view).industries.get(slug),
  make: (view, industry, views) => {
    const versions: Partial<Record<LocaleId, IndustryView>> = byLocale((id) => indexOf(views[id]).industries.get(industry.slug))
    return { props: { view, industry, versions }, documents: industryDocuments(view, industry) }
  },
  viewOf: paths.industry,
})
