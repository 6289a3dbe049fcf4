import { combineLatest, map, of } from 'rxjs'
import { presentationTool, type DocumentLocationResolver, type DocumentResolver } from 'sanity/presentation'
import { locales } from '../schemas/locales'
import { singletons } from '../schemas/singletons'
import { paths } from '../schemas/site-paths'
import { manifestStoreFor } from './lib/manifestStore'
import { LOCATION_QUERY, previewLocations, type LocatedDocument } from './lib/previewLocations'

/**
 * The Presentation tool over the preview server (`npm run preview:live`): the page in an
 * iframe with click-to-edit overlays, draft mode through Sanity's preview-URL secret, the
 * pages that show a document ("Used on", both languages: from the site's build.json at
 * `siteUrl`, which the page layer wrote) and the document a page is about.
 */

/** Every document's pages, kept current while the document is open and as build.json is read again. */
function locationsFrom(siteUrl: string | undefined): DocumentLocationResolver {
  const site$ = siteUrl ? manifestStoreFor(siteUrl).state$ : of(undefined)
  return ({ id }, { documentStore }) =>
    combineLatest([documentStore.listenQuery(LOCATION_QUERY, { id }, { perspective: 'drafts' }), site$]).pipe(
      map(([doc, site]) => previewLocations(doc as LocatedDocument | null, id, site)),
    )
}

/** The document a page is about, for each page that is about one, in every language. */
export const mainDocuments: DocumentResolver[] = [
  { route: locales.map((l) => paths.industry(l, ':slug')), filter: '_type == "industry" && slug.current == $slug' },
  { route: locales.map((l) => paths.metric(l, ':slug')), filter: '_type == "metric" && slug.current == $slug' },
  { route: locales.map((l) => paths.policy(l)), filter: `_id == "${singletons.policy}"` },
  { route: locales.map((l) => paths.home(l)), filter: `_id == "${singletons.siteSettings}"` },
]

/** The plugin, for a preview server at `previewUrl` (SANITY_STUDIO_PREVIEW_URL) and the public site at `siteUrl` (SANITY_STUDIO_SITE_URL). */
export function presentation(previewUrl: string, siteUrl?: string) {
  return presentationTool({
    title: 'Preview',
    previewUrl: { initial: previewUrl, previewMode: { enable: '/api/draft-mode/enable', disable: '/api/draft-mode/disable' } },
    resolve: { locations: locationsFrom(siteUrl), mainDocuments },
  })
}
