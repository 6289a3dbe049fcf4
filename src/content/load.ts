/**
 * Getting the site's content to the pages.
 *
 * `npm run build` loads and validates the content, builds the views once and writes them to a
 * JSON file (the snapshot) before Astro starts; Astro's pages read that file through
 * {@link getSiteView} and never query anything. Without a snapshot (`astro dev`), the content
 * is loaded from the source the environment names and the views are built here, unvalidated.
 */
import { readFileSync } from 'node:fs'
import { getLocale, type LocaleId } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { updateTargetTypes } from '../../schemas/update-targets.ts'
import { ContentError, HintedError } from './content-error.ts'
import { currentPreview } from '../preview/request-context.ts'
import { siteContentQuery } from './queries.ts'
import type { ContentSource } from './source/index.ts'
import { buildSiteViews, type SiteContent, type SiteView, type SiteViews } from './views.ts'

/** The parameters of {@link siteContentQuery}; `contentTypes` are the documents whose `_updatedAt` dates pages. */
export const siteContentParams = { settingsId: singletons.siteSettings, policyId: singletons.policy, contentTypes: [...updateTargetTypes] }

/**
 * Runs the one site query against a source and checks that the singletons exist.
 * This is the only place the site queries content.
 */
export async function loadSiteContent(source: ContentSource): Promise<SiteContent> {
  const content = await source.query<SiteContent>(siteContentQuery, siteContentParams)
  for (const [type, id] of [['siteSettings', singletons.siteSettings], ['policy', singletons.policy]] as const) {
    if (!content?.[type === 'siteSettings' ? 'settings' : 'policy']) {
      throw new ContentError({
        documentId: id,
        documentType: type,
        code: 'document.singleton-missing',
        message: `The content from ${source.description} has no published ${type} document.`,
        hint: `Create and publish it in the Studio (its _id must be "${id}"), or restore it in content/dataset.ndjson.`,
      })
    }
  }
  return content
}

/** The environment variable through which the build tells Astro where the snapshot is. */
export const SNAPSHOT_VARIABLE = 'CONTENT_SNAPSHOT'

/** What the build writes for Astro: every locale's view. */
export interface ContentSnapshot {
  views: SiteViews
}

function readSnapshot(file: string): SiteViews {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as ContentSnapshot).views
  } catch (error) {
    throw new HintedError(
      `The content snapshot ${file} could not be read: ${(error as Error).message}.`,
      `${SNAPSHOT_VARIABLE} is set by npm run build for its own Astro run; unset it to load the content from the dataset or Sanity directly.`,
    )
  }
}

let views: Promise<SiteViews> | undefined

/**
 * Every locale's view, once per process: from the build's snapshot, else loaded here. On the
 * preview server, the views its middleware loaded for the request being rendered.
 */
export function getSiteViews(): Promise<SiteViews> {
  const request = currentPreview()
  if (request) return Promise.resolve(request.views)
  views ??= (async () => {
    const snapshot = process.env[SNAPSHOT_VARIABLE]?.trim()
    if (snapshot) return readSnapshot(snapshot)
    const { sourceFromEnv } = await import('./source/index.ts')
    const source = sourceFromEnv()
    return buildSiteViews(await loadSiteContent(source), { preview: source.preview })
  })()
  return views
}

/** The view of one locale. */
export async function getSiteView(locale: LocaleId | string): Promise<SiteView> {
  return (await getSiteViews())[getLocale(locale).id]
}
