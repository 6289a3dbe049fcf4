import { defineCliConfig } from 'sanity/cli'

/**
 * CLI config: project and dataset come from the environment, so the same checkout works
 * for any project. TypeGen reads the extracted schema and every `defineQuery` under src/.
 */
export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID ?? process.env.SANITY_PROJECT_ID ?? 'offline',
    dataset: process.env.SANITY_STUDIO_DATASET ?? process.env.SANITY_DATASET ?? 'production',
  },
  typegen: {
    path: '../src/**/*.{ts,tsx,astro}',
    schema: '../src/content/schema.json',
    generates: '../src/content/sanity.types.ts',
    overloadClientMethods: false,
  },
})
