/**
 * Loading the site's content: the one query, for the build (scripts/build.ts, scripts/dev.ts)
 * and the preview server. `npm run build` and `npm run dev` load and validate the content, build
 * the views once and write them to a JSON file (the snapshot) before Astro starts; pages read
 * the views through render-views.ts and never query anything.
 */
import { singletons } from '../../schemas/singletons.ts'
import { updateTargetTypes } from '../../schemas/update-targets.ts'
import { ContentError } from './content-error.ts'
import { siteContentQuery } from './queries.ts'
import type { ContentSource } from './source/index.ts'
import type { SiteContent } from './views.ts'

/**
 * The parameters of {@link siteContentQuery}. `contentTypes` are every type the site shows:
 * their revisions go into the build's manifest (dist/build.json), and those an update can
 * concern also date the pages (update-views.ts).
 */
export const siteContentParams = {
  settingsId: singletons.siteSettings,
  policyId: singletons.policy,
  accessibilityId: singletons.accessibilityStatement,
  contentTypes: [...updateTargetTypes, 'update'],
}

/**
 * Runs the one site query against a source and checks that the singletons exist.
 * This is the only place the site queries content.
 */
export async function loadSiteContent(source: ContentSource): Promise<SiteContent> {
  const content = await source.query<SiteContent>(siteContentQuery, siteContentParams)
  for (const [type, id] of [
    ['siteSettings', singletons.siteSettings],
    ['policy', singletons.policy],
  ] as const) {
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
