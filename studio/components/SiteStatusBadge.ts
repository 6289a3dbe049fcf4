import { useSyncExternalStore } from 'react'
import type { DocumentBadgeComponent } from 'sanity'
import { readStudioEnv } from '../env'
import { manifestStoreFor, type ManifestStore } from '../lib/manifestStore'
import { siteStatus, type PublishedRevision } from '../lib/siteStatus'
import { normalizeSiteUrl } from '../lib/siteUrls'

/** The public site whose build.json is asked (SANITY_STUDIO_SITE_URL); without one there is no badge. */
export const statusSiteUrl = normalizeSiteUrl(readStudioEnv().siteUrl)

const store: ManifestStore | undefined = statusSiteUrl ? manifestStoreFor(statusSiteUrl) : undefined
const nothing = () => () => {}
const loading = () => ({ status: 'loading' }) as const

/**
 * The badge beside a document's status: is its published revision live on the site
 * ("已上線 · Live on the site"), still waiting for a build, or on no page; from the site's
 * build.json, read once a minute for all documents.
 */
export const SiteStatusBadge: DocumentBadgeComponent = (props) => {
  // Badges are hooks of the document pane: the store re-renders them when build.json is read again.
  const state = useSyncExternalStore(store?.subscribe ?? nothing, store?.getSnapshot ?? loading)
  const status = siteStatus(state, props.published as PublishedRevision | null, Date.now())
  return status ? { label: status.label, title: status.title, ...(status.color ? { color: status.color } : {}) } : null
}
