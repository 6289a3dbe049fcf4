/**
 * `npm run content:validate`: the build's validation on the embedded dataset alone (the
 * file named by CONTENT_FILE, else content/dataset.ndjson), without rendering anything.
 * Prints the report; exits 1 on errors, and on missing translations with STRICT_I18N=1.
 */
import { resolve } from 'node:path'
import { checkContent } from './lib/content-check'
import { Phases } from './lib/phases'
import { redact } from './lib/redact'

const phases = new Phases()
const { report } = await checkContent(async () => {
  const { createLocalSource, DEFAULT_DATASET_FILE } = await import('../src/content/source')
  return createLocalSource({ file: resolve(process.env.CONTENT_FILE?.trim() || DEFAULT_DATASET_FILE) })
}, phases)
const { formatReport } = await import('../src/content/validate')
console.log(redact(formatReport(report)))
console.log(phases.line())
process.exit(report.ok ? 0 : 1)
