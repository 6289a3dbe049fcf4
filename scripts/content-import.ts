/**
 * Imports content/dataset.ndjson into a Sanity dataset through the Mutation API, in one
 * transaction: createOrReplace for every document of the file; with --replace, also delete
 * every published document the file lacks (drafts are left alone). It overwrites what editors
 * did in the Studio, so it refuses to run without --yes.
 *
 * Usage: npm run content:import -- --yes [--replace] [--file <file>]
 *        npm run content:import -- --dry-run [--replace]   (shows the plan, writes nothing)
 * Env: SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_WRITE_TOKEN (an Editor token);
 *      SANITY_API_HOST (another API host, e.g. a test server); SANITY_TIMEOUT_MS.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { HintedError } from '../src/content/content-error.ts'
import { parseNdjson } from '../src/content/ndjson.ts'
import { applyImport, errorLine, isContentDocument, planImport, syncConfigFromEnv, type SyncDocument } from './lib/sanity-sync.ts'

const OPTIONS = ['--yes', '--replace', '--dry-run', '--file']

async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const fileAt = argv.indexOf('--file')
  if (fileAt >= 0 && !argv[fileAt + 1]) throw new HintedError('--file needs a path.', 'For example: --file content/dataset.ndjson', 'usage')
  const unknown = argv.filter((a, i) => !(i > 0 && argv[i - 1] === '--file') && !OPTIONS.includes(a))
  if (unknown.length) throw new HintedError(`Unknown argument ${unknown.join(', ')}.`, 'The options are --yes, --replace, --dry-run and --file <file>.', 'usage')
  const yes = argv.includes('--yes')
  const replace = argv.includes('--replace')
  const dryRun = argv.includes('--dry-run')
  const file = resolve(fileAt >= 0 ? argv[fileAt + 1]! : 'content/dataset.ndjson')

  if (!yes && !dryRun) {
    console.error(
      `content:import overwrites documents in the Sanity dataset${replace ? ' and deletes published documents that are not in the file' : ''}; ` +
        'it did nothing. Hint: re-run with --yes to confirm (`npm run content:import -- --yes' +
        `${replace ? ' --replace' : ''}\`), or with --dry-run to see what it would change.`,
    )
    return 2
  }
  const config = syncConfigFromEnv(env, 'SANITY_API_WRITE_TOKEN', { tokenRequired: true })
  const documents = parseNdjson(readFileSync(file, 'utf8'), file) as SyncDocument[]
  const skipped = documents.filter((d) => typeof d._id !== 'string' || typeof d._type !== 'string' || !isContentDocument(d))
  if (skipped.length) {
    throw new HintedError(
      `${file} holds ${skipped.length} document(s) that are not published content (e.g. "${String(skipped[0]!._id)}").`,
      'The file must be in the normalized form: run `npm run content:normalize` or export it again.',
      'import.not-content',
    )
  }
  const plan = await planImport(config, documents)
  const where = `project "${config.projectId}", dataset "${config.dataset}"`
  const deletions = replace ? `delete ${plan.extra.length}` : `keep ${plan.extra.length} not in the file (add --replace to delete them)`
  console.log(`Import ${file} into ${where}: createOrReplace ${plan.createOrReplace.length} document(s), ${deletions}.`)
  if (replace && plan.extra.length) console.log(`  to delete: ${plan.extra.join(', ')}`)
  if (dryRun) {
    console.log('Dry run: nothing written.')
    return 0
  }
  const result = await applyImport(config, plan, { replace })
  console.log(`Done: transaction ${result.transactionId}, ${result.results.length} mutation(s).`)
  return 0
}

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`content:import failed: ${errorLine(error, process.env)}`)
    process.exit(1)
  },
)
