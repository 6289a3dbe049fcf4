import { useSyncExternalStore } from 'react'
import type { DocumentBadgeComponent } from 'sanity'
import { manifestStoreFor } from '../lib/manifestStore'
import { siteStatus, type PublishedRevision } from '../lib/siteStatus'

/**
 * The badge beside a document's status: is its published revision live on the site
 * ("已上線 · Live on the site"), still waiting for a build, or on no page; from the site's
 * build.json at `siteUrl` (SANITY_STUDIO_SITE_URL), read once a minute for all documents.
 */
export function siteStatusBadge(siteUrl: string): DocumentBadgeComponent {
  const store = manifestStoreFor(siteUrl)
  return function SiteStatusBadge(props) {
    // Badges are hooks of the document pane: the store re-renders them when build.json is read again.
    const state = useSyncExternalStore(store.subscribe, store.getSnapshot)
    const status = siteStatus(state, props.published as PublishedRevision | null, Date.now())
    return status ? { label: status.label, title: status.title, ...(status.color ? { color: status.color } : {}) } : null
  }
}
