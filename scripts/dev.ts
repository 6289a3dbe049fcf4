/**
 * `npm run dev`: the build's first three phases (content, validate, views: the same functions
 * as scripts/build.ts), then `astro dev` reading the views from the snapshot they wrote, as the
 * build's Astro does. Pages never load content themselves; bad content stops here, named by
 * document, field and fix. Restart it to see content edits (source files reload as usual).
 *
 * Arguments after `--` go to `astro dev` (e.g. `npm run dev -- --port 4400`).
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1'

import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import writeFileAtomic from 'write-file-atomic'
import { ContentError, HintedError, toContentIssue } from '../src/content/content-error.ts'
import { loadSiteContent } from '../src/content/load.ts'
import { SNAPSHOT_VARIABLE, type ContentSnapshot } from '../src/content/render-views.ts'
import { redact, sourceFromEnv } from '../src/content/source/index.ts'
import { documentsForValidation, formatReport, lookupIdsIn, strictI18nFromEnv, validateDocuments } from '../src/content/validation/index.ts'
import { buildSiteViews } from '../src/content/views.ts'
import { packageBin, runTool, stopTools } from './lib/child.ts'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const snapshot = join(projectRoot, '.tmp', 'dev', 'content.json')

/** Loads, validates and snapshots the content; returns the snapshot's path. */
async function writeSnapshot(): Promise<string> {
  const source = sourceFromEnv()
  const [documents, content] = await Promise.all([documentsForValidation(source), loadSiteContent(source)])
  const report = await validateDocuments(documents, { source: source.description, lookupIds: lookupIdsIn(source), strictI18n: strictI18nFromEnv() })
  console.log(redact(formatReport(report)))
  if (!report.ok)
    throw new HintedError(
      'The content has errors: the dev server was not started.',
      'Fix each problem listed above (document, field, fix), then run npm run dev again.',
      'content.invalid',
    )
  const views = buildSiteViews(content, { preview: source.preview })
  mkdirSync(dirname(snapshot), { recursive: true })
  writeFileAtomic.sync(snapshot, JSON.stringify({ views } satisfies ContentSnapshot))
  return snapshot
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopTools()
    process.exit(0)
  })
}

try {
  const file = await writeSnapshot()
  await runTool({
    name: 'Astro',
    script: packageBin(projectRoot, 'astro'),
    args: ['dev', '--root', projectRoot, ...process.argv.slice(2)],
    cwd: projectRoot,
    env: { ...process.env, [SNAPSHOT_VARIABLE]: file },
    hint: "Astro's messages are printed above.",
  })
} catch (error) {
  const issue = toContentIssue(error, 'dev.failed')
  if (!(error instanceof ContentError || error instanceof HintedError)) console.error(String((error as Error).stack ?? error))
  console.error(redact(`✗ ${issue.message}\n  Fix: ${issue.hint}`))
  process.exit(1)
}
