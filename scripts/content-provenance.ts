/**
 * Records translation provenance in a dataset file where a translation has none: for each
 * translated text (the English of a Chinese field, by default), the hash and a snapshot of
 * the source it is a translation of, confirmed now. Run once when provenance was introduced;
 * safe to run again at any time (after a merge or an import that brought documents without
 * provenance): translations that have a record keep it, so a stale one stays stale and the
 * time of an earlier run stays as it was. The file is written in the normalized form.
 *
 * Usage: npm run content:provenance [-- path/to/dataset.ndjson] [-- --check]
 *   --check  write nothing; exit 1 when some translation has no provenance
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { toContentIssue } from '../src/content/content-error.ts'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../src/content/ndjson.ts'
import { recordMissingProvenance } from '../src/content/translations/record.ts'

const args = process.argv.slice(2)
const check = args.includes('--check')
const unknown = args.filter((a) => a.startsWith('--') && a !== '--check')
const file = resolve(args.find((a) => !a.startsWith('--')) ?? 'content/dataset.ndjson')

try {
  if (unknown.length) throw new Error(`Unknown option ${unknown.join(', ')}; the only option is --check.`)
  const documents = parseNdjson(readFileSync(file, 'utf8'), file)
  // One time for the whole run: every record written now was confirmed at the same moment.
  const confirmedAt = new Date().toISOString()
  const result = recordMissingProvenance(documents, confirmedAt)
  const summary = `${result.kept} translation(s) already had provenance`
  if (result.recorded === 0) {
    console.log(`${file}: every translation has provenance (${summary}).`)
  } else if (check) {
    console.error(`${file}: ${result.recorded} translation(s) in ${result.documents} document(s) have no provenance. Run \`npm run content:provenance\` and commit the result.`)
    process.exit(1)
  } else {
    writeFileAtomic.sync(file, serializeNdjson(normalizeDataset(documents)))
    console.log(`${file}: recorded provenance for ${result.recorded} translation(s) in ${result.documents} document(s), confirmed at ${confirmedAt}; ${summary}.`)
  }
} catch (error) {
  console.error(`content:provenance failed: ${(error as Error).message}\n  Fix: ${toContentIssue(error).hint}`)
  process.exit(1)
}
