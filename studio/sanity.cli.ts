import { defineCliConfig } from 'sanity/cli'
import { missingEnvMessage, readStudioEnv } from './env'

/**
 * CLI config: project and dataset come from the environment (or studio/.env), so the same
 * checkout works for any project and builds offline on a placeholder. TypeGen reads the
 * extracted schema and every `defineQuery` under src/.
 */
const env = readStudioEnv()
const projectId = process.env.SANITY_STUDIO_PROJECT_ID ?? process.env.SANITY_PROJECT_ID ?? env.projectId
const dataset = process.env.SANITY_STUDIO_DATASET ?? process.env.SANITY_DATASET ?? env.dataset

// Commands that talk to the project: warn for all of them, refuse to deploy to the placeholder.
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'))
if (projectId === env.projectId && env.missing.includes('SANITY_STUDIO_PROJECT_ID')) {
  if (command === 'deploy') {
    console.error(`\n${missingEnvMessage(env.missing)}\nRefusing to deploy the Studio to the placeholder project.\n`)
    process.exit(1)
  }
  if (command && ['dev', 'start', 'preview', 'documents', 'dataset', 'cors', 'users', 'graphql'].includes(command)) {
    console.warn(`\n[studio] ${missingEnvMessage(env.missing)}\n`)
  }
}

export default defineCliConfig({
  api: { projectId, dataset },
  typegen: {
    path: '../src/**/*.{ts,tsx,astro}',
    schema: '../src/content/schema.json',
    generates: '../src/content/sanity.types.ts',
    overloadClientMethods: false,
  },
})
