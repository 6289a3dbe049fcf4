/**
 * The preview server's content: the site query through @sanity/client on every request
 * (published content, or the drafts perspective with stega in draft mode), built into views
 * by the same code as the static build. The token is given to the client here and goes
 * nowhere else.
 *
 * Stega is limited to display text: the locale values of localized fields and the text of
 * Portable Text spans (plus a source's abbreviation). Slugs, URLs, dates, numbers, units,
 * comparators, e-mail addresses and a figure's count noun (part of a formatted number) stay
 * plain; values that are not text get `data-sanity` attributes instead (request-context.ts).
 */
import { createClient, type SanityClient } from '@sanity/client'
import type { ContentSourceMapParsedPath } from '@sanity/client/csm'
import { documentTypes } from '../../schemas/index.ts'
import { locales } from '../../schemas/locales.ts'
import { loadSiteContent } from '../content/load.ts'
import type { ContentIssue } from '../content/content-error.ts'
import { API_VERSION, type ContentSource, type SanityDocumentLike } from '../content/source/index.ts'
import { describeApiError } from '../content/source/errors.ts'
import { buildSiteViews, type SiteViews } from '../content/views.ts'
import type { PreviewEnv } from './env.ts'

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
  /** The views of a request: published content, or drafts with stega in draft mode. */
  views(draftMode: boolean): Promise<{ views: SiteViews; drafts: SanityDocumentLike[]; ids: string[]; problems: ContentIssue[] }>
}

export function createPreviewContent(env: PreviewEnv): PreviewContent {
  const client = createClient({
    projectId: env.projectId,
    dataset: env.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    token: env.token,
    perspective: 'published',
    ...(env.apiHost ? { apiHost: env.apiHost, useProjectHostname: false } : {}),
    // An editor waits for the page: one quick try, then the 503 page says what is wrong.
    timeout: 10_000,
    maxRetries: 1,
  })
  const drafts = client.withConfig({
    perspective: 'drafts',
    // An empty text stays empty: with edit marks it would count as written, and hide the
    // missing translation's notice.
    stega: { enabled: true, studioUrl: env.studioUrl, filter: ({ sourcePath, value }) => value.trim() !== '' && isDisplayText(sourcePath) },
  })
  const target = (perspective: 'published' | 'drafts') => ({ projectId: env.projectId, dataset: env.dataset, apiHost: env.apiHost, perspective })
  const sourceOf = (sanity: SanityClient, perspective: 'published' | 'drafts'): ContentSource => ({
    kind: 'live',
    description: `Sanity project "${env.projectId}", dataset "${env.dataset}", perspective "${perspective}"`,
    preview: perspective === 'drafts',
    query: async <T>(query: string, params = {}) => {
      try {
        return await sanity.fetch<T>(query, params)
      } catch (error) {
        throw describeApiError(error, target(perspective), 'query', [env.token], 10_000)
      }
    },
    allDocuments: async () => [],
  })
  return {
    client,
    async views(draftMode) {
      const perspective = draftMode ? 'drafts' : 'published'
      const source = sourceOf(draftMode ? drafts : client, perspective)
      const raw = sourceOf(client.withConfig({ perspective: 'raw' }), perspective)
      const [content, stored] = await Promise.all([
        loadSiteContent(source),
        draftMode ? raw.query<{ drafts: SanityDocumentLike[]; ids: string[] }>(DRAFTS_AND_IDS, { types: [...documentTypes] }) : Promise.resolve({ drafts: [], ids: [] }),
      ])
      const problems: ContentIssue[] = []
      const views = buildSiteViews(content, { preview: draftMode, onProblem: draftMode ? (issue) => problems.push(issue) : undefined })
      return { views, drafts: stored.drafts.map(asOverlay), ids: stored.ids, problems }
    },
  }
}
