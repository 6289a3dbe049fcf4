import { isPublishedId } from '@sanity/client/csm'
import { locales } from '../../schemas/locales'
import { LABEL_SEPARATOR } from '../../schemas/lib/label'
import { documentTitle } from './documentTitle'
import { manifestEntry, siteStatus, type ManifestState, type SiteStatus } from './siteStatus'
import { normalizeSiteUrl } from './siteUrls'

/**
 * The rows of the Publishing tool: the most recent publishes, newest first, each with its
 * "is it live?" status (the document badge's, from siteStatus.ts) and the pages that show it.
 * Pure (no Sanity, no React): the tool and the tests share it.
 */

/** How many publishes the tool lists. */
export const RECENT_LIMIT = 30

/** A published document as the tool's query returns it. */
export interface PublishedDocument {
  _id: string
  _type: string
  _rev?: string
  _updatedAt?: string
  [field: string]: unknown
}

/** A page of the site that shows a document. */
export interface PageLink {
  path: string
  /** The absolute URL; absent without a usable site URL. */
  url?: string
}

export interface PublishingRow {
  id: string
  type: string
  typeTitle: string
  title: string
  publishedAt?: string
  /** "12 分鐘前 · 12 minutes ago"; empty without a date. */
  when: string
  /** Undefined while build.json is still loading. */
  status?: SiteStatus
  /** The tone of @sanity/ui's Badge for the status (the badge's colours). */
  tone: BadgeTone
  pages: PageLink[]
}

export type BadgeTone = 'default' | 'primary' | 'positive' | 'caution' | 'critical'

/** The document badge's colours as @sanity/ui tones. */
const TONES: Record<NonNullable<SiteStatus['color']>, BadgeTone> = { primary: 'primary', success: 'positive', warning: 'caution', danger: 'critical' }

export const statusTone = (status: SiteStatus | undefined): BadgeTone => (status?.color ? TONES[status.color] : 'default')

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]
const formats = locales.map((l) => new Intl.RelativeTimeFormat(l.tag, { numeric: 'auto' }))

/** How long ago an instant was, in every language, Chinese first: "12 分鐘前 · 12 minutes ago". */
export function relativeTime(at: string | undefined, now: number): string {
  const time = at ? Date.parse(at) : Number.NaN
  if (Number.isNaN(time)) return ''
  const elapsed = Math.max(0, now - time)
  const [unit, size] = UNITS.find(([, ms]) => elapsed >= ms) ?? ['second', 1000]
  const value = -Math.floor(elapsed / size)
  return formats.map((f) => f.format(value, unit)).join(LABEL_SEPARATOR)
}

/** The pages that show a document in the current build, as absolute URLs where a site URL is known. */
function pagesOf(state: ManifestState, id: string, siteUrl: string | undefined): PageLink[] {
  if (state.status !== 'ok') return []
  const base = normalizeSiteUrl(siteUrl)
  return (manifestEntry(state.manifest, id)?.pages ?? []).map((path) => (base ? { path, url: `${base}${path}` } : { path }))
}

const time = (doc: PublishedDocument) => {
  const at = doc._updatedAt ? Date.parse(doc._updatedAt) : Number.NaN
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at
}

/**
 * The newest publishes (drafts and release versions never count), newest first, at most
 * `limit`, each with its status against the site's build.json and the pages that show it.
 */
export function publishingRows(
  documents: readonly PublishedDocument[],
  state: ManifestState,
  now: number,
  options: { siteUrl?: string; typeTitles?: Record<string, string>; limit?: number } = {},
): PublishingRow[] {
  return documents
    .filter((d) => isPublishedId(d._id))
    .sort((a, b) => time(b) - time(a))
    .slice(0, options.limit ?? RECENT_LIMIT)
    .map((doc) => {
      const status = siteStatus(state, doc, now)
      return {
        id: doc._id,
        type: doc._type,
        typeTitle: options.typeTitles?.[doc._type] ?? doc._type,
        title: documentTitle(doc),
        ...(doc._updatedAt ? { publishedAt: doc._updatedAt } : {}),
        when: relativeTime(doc._updatedAt, now),
        ...(status ? { status } : {}),
        tone: statusTone(status),
        pages: pagesOf(state, doc._id, options.siteUrl),
      }
    })
}
