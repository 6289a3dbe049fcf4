import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { schemaTypes } from '../schemas'

/** The Studio over the shared content model in ../schemas. */
export default defineConfig({
  name: 'default',
  title: 'Six Core Strategic Industries',
  projectId: process.env.SANITY_STUDIO_PROJECT_ID ?? 'offline',
  dataset: process.env.SANITY_STUDIO_DATASET ?? 'production',
  plugins: [structureTool()],
  schema: { types: schemaTypes },
})
