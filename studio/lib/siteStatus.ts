import type { BuildManifest, ManifestDocument } from '../../schemas/build-manifest'
import { singletons } from '../../schemas/singletons'

/**
 * Whether the published revision of a document is what the site shows, from the site's
 * build.json (schemas/build-manifest.ts). Pure (no Sanity, no React): the document badge and
 * the tests share it. A revision is compared by `_rev` where the build recorded one, else by
 * `_updatedAt` (a site built from the embedded dataset keeps no `_rev`).
 */

/** After this long without a build that has the revision, the deploy is what to look at. */
export const WAITING_LIMIT_MINUTES = 15

/** What the Studio knows of the site's build.json right now. */
export type ManifestState = { status: 'loading' } | { status: 'ok'; manifest: BuildManifest } | { status: 'error'; error: string }

/** The part of a published document the status needs. */
export interface PublishedRevision {
  _id: string
  _rev?: string
  _updatedAt?: string
}

export type SiteStatusKind = 'live' | 'waiting' | 'not-rebuilt' | 'not-on-page' | 'unknown'

export interface SiteStatus {
  kind: SiteStatusKind
  /** Chinese first, then English, as everywhere in the Studio. */
  label: string
  /** The details, for the badge's tooltip. */
  title: string
  color?: 'primary' | 'success' | 'warning' | 'danger'
}

export const STATUS_LABELS: Record<SiteStatusKind, string> = {
  live: '已上線 · Live on the site',
  waiting: '等待網站更新 · Waiting for the site',
  'not-rebuilt': '網站尚未重建：請檢查部署 · Site not rebuilt: check the deploy',
  'not-on-page': '未顯示於任何頁面 · Not on any page',
  unknown: '無法確認網站狀態 · Site status unknown',
}

/**
 * Documents every page shows in its chrome (the site title, the footer): the page layer lists
 * no page for them, yet they are on every page.
 */
export const SITE_WIDE_DOCUMENTS: ReadonlySet<string> = new Set([singletons.siteSettings])

const indexes = new WeakMap<BuildManifest, Map<string, ManifestDocument>>()

/** The manifest's entry for a document id (a draft's id counts as its published one). */
export function manifestEntry(manifest: BuildManifest, id: string): ManifestDocument | undefined {
  let index = indexes.get(manifest)
  if (!index) {
    index = new Map(manifest.documents.map((d) => [d._id, d]))
    indexes.set(manifest, index)
  }
  return index.get(id.replace(/^drafts\./, ''))
}

/** True when the build saw this revision (or, without revisions, one at least as new). */
function sameRevision(entry: ManifestDocument, published: PublishedRevision): boolean {
  if (entry._rev && published._rev) return entry._rev === published._rev
  if (!entry._updatedAt || !published._updatedAt) return false
  return Date.parse(entry._updatedAt) >= Date.parse(published._updatedAt)
}

const status = (kind: SiteStatusKind, title: string, color?: SiteStatus['color']): SiteStatus => ({ kind, label: STATUS_LABELS[kind], title, ...(color ? { color } : {}) })

/** Whole minutes since an instant, or undefined without one. */
function minutesSince(since: string | undefined, now: number): number | undefined {
  const at = since ? Date.parse(since) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, Math.floor((now - at) / 60_000))
}

/** The published revision is not on the site yet: waiting, or after the limit, a deploy to check. */
function waiting(published: PublishedRevision, builtAt: string, now: number): SiteStatus {
  const minutes = minutesSince(published._updatedAt, now)
  const when = minutes === undefined ? '已發布 · Published' : `${minutes} 分鐘前發布 · Published ${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const older = `網站仍是舊版本 · the site (built ${builtAt}) still has an older revision`
  if (minutes !== undefined && minutes >= WAITING_LIMIT_MINUTES) return status('not-rebuilt', `${when}; ${older}. 請檢查部署 · Check the deploy workflow.`, 'danger')
  return status('waiting', `${when}; ${older}.`, 'warning')
}

/**
 * The status of a document's published revision on the site; undefined when there is nothing
 * to say yet (nothing published, build.json still loading).
 */
export function siteStatus(state: ManifestState, published: PublishedRevision | null | undefined, now: number): SiteStatus | undefined {
  if (!published || state.status === 'loading') return undefined
  if (state.status === 'error') return status('unknown', `無法讀取網站的 build.json · The site's build.json could not be read: ${state.error}`)
  const { manifest } = state
  const entry = manifestEntry(manifest, published._id)
  if (entry && sameRevision(entry, published)) {
    if (SITE_WIDE_DOCUMENTS.has(entry._id)) return status('live', `網站的每一頁都使用此版本 · Every page of the site uses this revision (built ${manifest.builtAt}).`, 'success')
    return entry.pages.length > 0
      ? status(
          'live',
          `網站顯示此版本，共 ${entry.pages.length} 頁 · The site shows this revision on ${entry.pages.length} page${entry.pages.length === 1 ? '' : 's'} (built ${manifest.builtAt}).`,
          'success',
        )
      : status('not-on-page', `網站有此版本，但沒有頁面顯示它 · The site has this revision, but no page shows it (built ${manifest.builtAt}).`)
  }
  // Published before the build started, yet not in it: the site's query does not show it.
  const publishedAt = published._updatedAt ? Date.parse(published._updatedAt) : Number.NaN
  if (!entry && publishedAt <= Date.parse(manifest.builtAt)) {
    return status('not-on-page', `網站的建置沒有這份文件 · The site's last build does not include this document (built ${manifest.builtAt}).`)
  }
  return waiting(published, manifest.builtAt, now)
}
