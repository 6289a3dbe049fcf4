/**
 * Exports the live dataset into content/dataset.ndjson, in the normalized form: published
 * documents only (drafts, versions, system and asset documents left out), without `_rev` and
 * `_createdAt` (`_updatedAt` is kept: pages show it), sorted by `_id`, keys in a stable order. A re-export of
 * unchanged content gives a byte-identical file, so `git diff` shows only real edits.
 *
 * Usage: npm run content:export [-- --out <file>] [-- --check]
 *   --out <file>  write somewhere else (default content/dataset.ndjson)
 *   --check       write nothing; exit 1 when the file differs from the live dataset
 * Env: SANITY_PROJECT_ID, SANITY_DATASET (required); SANITY_API_READ_TOKEN (private datasets);
 *      SANITY_API_HOST (another API host, e.g. a test server); SANITY_TIMEOUT_MS.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { HintedError } from '../src/content/content-error.ts'
import { serializeNdjson } from '../src/content/ndjson.ts'
import { errorLine, exportDataset, syncConfigFromEnv } from './lib/sanity-sync.ts'

async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const outAt = argv.indexOf('--out')
  if (outAt >= 0 && !argv[outAt + 1]) throw new HintedError('--out needs a file path.', 'For example: --out content/dataset.ndjson', 'usage')
  const file = resolve(outAt >= 0 ? argv[outAt + 1]! : 'content/dataset.ndjson')
  const check = argv.includes('--check')
  const unknown = argv.filter((a, i) => a.startsWith('--') && !['--out', '--check'].includes(a) && argv[i - 1] !== '--out')
  if (unknown.length) throw new HintedError(`Unknown option ${unknown.join(', ')}.`, 'The options are --out <file> and --check.', 'usage')

  const config = syncConfigFromEnv(env, 'SANITY_API_READ_TOKEN', { tokenRequired: false })
  const report = await exportDataset(config)
  const text = serializeNdjson(report.documents)
  const left = [report.drafts && `${report.drafts} draft(s)`, report.assets && `${report.assets} asset document(s)`, report.system && `${report.system} system document(s)`]
    .filter(Boolean)
    .join(', ')
  const summary = `${report.documents.length} documents from project "${config.projectId}", dataset "${config.dataset}"${left ? ` (left out: ${left})` : ''}`
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined
  if (check) {
    if (current === text) {
      console.log(`${file} matches the live dataset: ${summary}.`)
      return 0
    }
    console.error(`${file} differs from the live dataset (${summary}).\n  Fix: run \`npm run content:export\` and review the diff.`)
    return 1
  }
  if (current === text) {
    console.log(`${file} is already up to date: ${summary}.`)
    return 0
  }
  // Whole or not at all: a failed or interrupted export never leaves half a file.
  await writeFileAtomic(file, text)
  console.log(`Wrote ${file}: ${summary}.`)
  return 0
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`content:export failed: ${errorLine(error, process.env)}`)
    process.exit(1)
  },
)
