/**
 * `npm run preview:live`: the preview server for editors. Checks the environment first (a
 * missing project, dataset or token stops it here, with the fix), builds the server with
 * astro.preview.config.mjs into dist-preview/, then starts it on HOST:PORT (default
 * 127.0.0.1:4322).
 *
 * Options: --no-build (start the server built before: a container image builds it once with
 * `npm run preview:build`), --build-only (what `npm run preview:build` runs), --out <dir>
 * (another folder than dist-preview/, e.g. for tests; inside the project, where the server
 * finds its packages in node_modules).
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1'

import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { HintedError } from '../src/content/content-error.ts'
import { redact } from '../src/content/source/errors.ts'
import { readPreviewEnv } from '../src/preview/env.ts'
import { packageBin, runTool } from './lib/child.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, 'build-only': { type: 'boolean', default: false }, out: { type: 'string' } },
})
const outDir = args.out ? resolve(args.out) : join(projectRoot, 'dist-preview')
const entry = join(outDir, 'server', 'entry.mjs')

async function main(): Promise<void> {
  if (!args['build-only']) {
    const env = readPreviewEnv()
    console.log(`Preview server for project "${env.projectId}", dataset "${env.dataset}"${env.apiHost ? ` at ${env.apiHost}` : ''}; Studio ${env.studioUrl}.`)
  }
  if (!args['no-build']) {
    await runTool({
      name: 'Astro',
      script: packageBin(projectRoot, 'astro'),
      args: ['build', '--root', projectRoot, '--config', 'astro.preview.config.mjs', '--outDir', outDir],
      cwd: projectRoot,
      env: process.env,
      hint: "Astro's messages are printed above.",
    })
  }
  if (args['build-only']) return
  if (!existsSync(entry))
    throw new HintedError(`The preview server is not built (${entry} is missing).`, 'Run npm run preview:build first, or start without --no-build.', 'preview.not-built')
  process.env.HOST ||= '127.0.0.1'
  process.env.PORT ||= '4322'
  await import(pathToFileURL(entry).href)
}

try {
  await main()
} catch (error) {
  if (!(error instanceof HintedError)) throw error
  console.error(redact(`✗ ${error.message}\n  Fix: ${error.hint}`))
  process.exit(1)
}
