/**
 * Rewrites content/dataset.ndjson in its normalized form: documents sorted by _id, keys
 * sorted (_id, _type, _key first), system fields removed, one document per line.
 * Usage: npm run content:normalize [-- path/to/dataset.ndjson] [-- --check]
 * With --check it writes nothing and exits 1 when the file is not normalized.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { toContentIssue } from '../src/content/content-error.ts'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../src/content/ndjson.ts'

const args = process.argv.slice(2)
const check = args.includes('--check')
const file = resolve(args.find((a) => !a.startsWith('--')) ?? 'content/dataset.ndjson')

try {
  const text = readFileSync(file, 'utf8')
  const normalized = serializeNdjson(normalizeDataset(parseNdjson(text, file)))
  if (normalized === text) {
    console.log(`${file}: already normalized.`)
  } else if (check) {
    console.error(`${file}: not normalized. Run \`npm run content:normalize\` and commit the result.`)
    process.exit(1)
  } else {
    writeFileSync(file, normalized, 'utf8')
    console.log(`${file}: normalized (${normalized.split('\n').length - 1} documents).`)
  }
} catch (error) {
  console.error(`${(error as Error).message}\n  Fix: ${toContentIssue(error).hint}`)
  process.exit(1)
}
