/**
 * The preview server's content: the site query through the project's live source
 * (src/content/source/live.ts: published content, or the drafts perspective with stega in
 * draft mode), built into views by the same code as the static build; the server keeps them
 * while the content is unchanged (views-cache.ts). The token is given to the sources and the
 * client here and goes nowhere else.
 *
 * Stega is limited to display text: the locale values of localized fields and the text of
 * Portable Text spans (plus a source's abbreviation). Slugs, URLs, dates, numbers, units,
 * comparators, e-mail addresses and a figure's count noun (part of a formatted number) stay
 * plain; values that are not text get `data-sanity` attributes instead (request-context.ts).
 */
import { createClient, type SanityClient, type StegaConfig } from '@sanity/client'
import type { ContentSourceMapParsedPath } from '@sanity/client/csm'
import { documentTypes } from '../../schemas/index.ts'
import { locales } from '../../schemas/locales.ts'
import { loadSiteContent } from '../content/load.ts'
import type { ContentIssue } from '../content/content-error.ts'
import { API_VERSION, createLiveSource, type ContentSource, type SanityDocumentLike } from '../content/source/index.ts'
import { buildSiteViews, type SiteViews } from '../content/views.ts'
import { createChangeHub, type ChangeHub } from './changes.ts'
import type { PreviewEnv } from './env.ts'
import { cachedLoads } from './views-cache.ts'

const localeKeys = new Set<string>(locales.map((l) => l.id))

/** Whether a value at this source path is text a reader sees (and so may carry stega). */
export function isDisplayText(sourcePath: ContentSourceMapParsedPath): boolean {
  const names = sourcePath.filter((s): s is string => typeof s === 'string')
  const last = names.at(-1)
  if (names.includes('countNoun')) return false
  if (last === 'abbreviation' && names.length === 1) return true
  return names.some((n) => localeKeys.has(n)) && (localeKeys.has(last ?? '') || last === 'text')
}

/** For the validation of drafts: the drafts themselves, and every id references may name. */
const DRAFTS_AND_IDS = '{ "drafts": *[_id in path("drafts.**") && _type in $types] | order(_id asc), "ids": *[!(_id in path("_.**"))]._id }'

/** A draft as the drafts perspective shows it: under its published id, `_originalId` naming the draft. */
const asOverlay = (draft: SanityDocumentLike): SanityDocumentLike => ({ ...draft, _id: draft._id.slice('drafts.'.length), _originalId: draft._id })

export interface PreviewContent {
  /** The client with the token, for the preview-URL secret and the listener. */
  client: SanityClient
  /** Changes to the content, from the server's one listener. */
  changes: ChangeHub
  /** The views of a request: published content, or drafts with stega in draft mode (shared while the content is unchanged). */
  views(draftMode: boolean): Promise<LoadedViews>
}

export interface LoadedViews {
  views: SiteViews
  drafts: SanityDocumentLike[]
  ids: string[]
  problems: ContentIssue[]
}

/** The longest the server keeps views the listener says are current: a change it missed shows after this. */
const VIEWS_TTL_MS = 30_000

/** How the preview reads the Content Lake: an editor waits for the page, so one quick retry, then the 503 page says what is wrong. */
const PREVIEW_LIVE = { timeout: 10_000, maxRetries: 1, retryDelayMs: 250, maxRetryDelayMs: 2_000 } as const

export function createPreviewContent(env: PreviewEnv): PreviewContent {
  const client = createClient({
    projectId: env.projectId,
    dataset: env.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    token: env.token,
    perspective: 'published',
    ...(env.apiHost ? { apiHost: env.apiHost, useProjectHostname: false } : {}),
    timeout: PREVIEW_LIVE.timeout,
    maxRetries: 1,
  })
  // The content itself comes through the project's one live source, as a live build reads it.
  const source = (perspective: 'published' | 'drafts' | 'raw', stega?: StegaConfig): ContentSource =>
    createLiveSource({ projectId: env.projectId, dataset: env.dataset, apiHost: env.apiHost, token: env.token, perspective, stega, ...PREVIEW_LIVE })
  const published = source('published')
  // An empty text stays empty: with edit marks it would count as written, and hide the
  // missing translation's notice.
  const drafts = source('drafts', { enabled: true, studioUrl: env.studioUrl, filter: ({ sourcePath, value }) => value.trim() !== '' && isDisplayText(sourcePath) })
  const raw = source('raw')
  const load = async (draftMode: boolean): Promise<LoadedViews> => {
    const [content, stored] = await Promise.all([
      loadSiteContent(draftMode ? drafts : published),
      draftMode ? raw.query<{ drafts: SanityDocumentLike[]; ids: string[] }>(DRAFTS_AND_IDS, { types: [...documentTypes] }) : Promise.resolve({ drafts: [], ids: [] }),
    ])
    const problems: ContentIssue[] = []
    const views = buildSiteViews(content, { preview: draftMode, onProblem: draftMode ? (issue) => problems.push(issue) : undefined })
    return { views, drafts: stored.drafts.map(asOverlay), ids: stored.ids, problems }
  }
  const changes = createChangeHub(client)
  // The cache needs to hear of every change: the listener stays open while the server runs.
  changes.subscribe(() => {})
  return { client, changes, views: cachedLoads(load, changes.revision, { ttlMs: VIEWS_TTL_MS }) }
}
