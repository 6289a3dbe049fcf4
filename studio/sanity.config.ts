import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { visionTool } from '@sanity/vision'
import { languageFilter } from '@sanity/language-filter'
import { schemaTypes } from '../schemas'
import { label } from '../schemas/lib/label'
import { readStudioEnv } from './env'
import { structure } from './structure'
import { resolveTemplates, METRIC_WITH_SOURCE } from './templates'
import { filterNewDocumentOptions, resolveDocumentActions } from './singletons'
import { OpenOnSiteAction } from './actions/openOnSite'
import { PublishWithChangeNoteAction } from './actions/publishWithChangeNote'
import { filterField, languageFilterDocumentTypes, supportedLanguages } from './lib/languages'
import { navbarWithEnvWarning } from './components/EnvWarning'
import { SiteStatusBadge, statusSiteUrl } from './components/SiteStatusBadge'
import { presentation } from './presentation'
import { translations } from './translations'
import { metricValueEcho } from './metrics/MetricValueInput'
import { publishing } from './tools/PublishingTool'

// Missing settings: a banner in the Studio (below) and a warning from sanity.cli.ts in the terminal.
const env = readStudioEnv()

/** Templates that need parameters; kept out of the global "Create" menu. */
const parameterizedTemplates = new Set([METRIC_WITH_SOURCE])

/**
 * The editors' Studio over the shared content model in ../schemas.
 * Project and dataset come from SANITY_STUDIO_PROJECT_ID and SANITY_STUDIO_DATASET (studio/.env);
 * without them it builds and opens on a placeholder project with a warning.
 */
export default defineConfig({
  name: 'default',
  title: 'Six Core Strategic Industries · 六大核心戰略產業',
  projectId: env.projectId,
  dataset: env.dataset,
  plugins: [
    structureTool({ structure, title: label('內容', 'Content') }),
    presentation(env.previewUrl, statusSiteUrl),
    languageFilter({
      supportedLanguages,
      // No default: both languages are shown side by side until an editor filters.
      defaultLanguages: [],
      documentTypes: languageFilterDocumentTypes,
      filterField,
    }),
    visionTool({ defaultApiVersion: '2025-02-19', defaultDataset: env.dataset }),
    translations(),
    // Recent publishes and whether each is live (unknown without SANITY_STUDIO_SITE_URL).
    publishing({ siteUrl: statusSiteUrl }),
    metricValueEcho(),
  ],
  schema: {
    types: schemaTypes,
    templates: (prev) => resolveTemplates(prev),
  },
  document: {
    newDocumentOptions: (prev, context) => filterNewDocumentOptions(prev, context, parameterizedTemplates),
    actions: (prev, context) => resolveDocumentActions(prev, context, [PublishWithChangeNoteAction, OpenOnSiteAction]),
    // Is the published revision live? Only with a site to ask (SANITY_STUDIO_SITE_URL).
    badges: (prev) => (statusSiteUrl ? [...prev, SiteStatusBadge] : prev),
  },
  studio: env.missing.length > 0 ? { components: { navbar: navbarWithEnvWarning(env.missing) } } : {},
})
