/**
 * Where the policy stands now and the accessibility statement: one page each per locale. The
 * developments page shows every development (newest first) and the policy's date it counts
 * from; the statement's page exists when the dataset has a statement.
 */
import { singletons } from '../../schemas/singletons.ts'
import { paths } from '../../schemas/site-paths.ts'
import { localePage } from './site.ts'
import { documentIds, localeView, pageKind, perLocale, twinsOf } from './types.ts'

export const developments = localePage('/[lang]/policy/developments/', paths.developments, (view) => ({
  props: { view },
  documents: [singletons.policy, ...view.developments.map((d) => d.id)],
}))

export const accessibility = pageKind({
  route: '/[lang]/accessibility/',
  params: (views) => (Object.values(views).some((v) => v.accessibility) ? perLocale() : []),
  page: (views, params) => {
    const view = localeView(views, params)
    const statement = view?.accessibility
    if (!view || !statement) return undefined
    return {
      locale: view.locale,
      props: { view, statement },
      // The contact address comes from Site settings, which, like every page's chrome, no page declares.
      documents: documentIds([singletons.accessibilityStatement]),
      path: paths.accessibility(view.locale),
      twins: twinsOf(paths.accessibility),
    }
  },
})
