/**
 * Prints the status of every translation (document, field, language: current, stale or
 * missing) in the embedded dataset, or in a Sanity project when SANITY_PROJECT_ID and
 * SANITY_DATASET are set (the same sources the build reads; offline by default).
 *
 * Usage: npm run content:translations [-- --problems] [-- --json] [-- --strict]
 *   --problems  only the stale and missing translations
 *   --json      the rows as JSON, for other tools
 *   --strict    (or STRICT_I18N=1) exit 1 when any translation is stale or missing
 * Env: CONTENT_FILE, or SANITY_PROJECT_ID, SANITY_DATASET, SANITY_API_READ_TOKEN,
 *      SANITY_API_HOST, as for the build.
 */
import { HintedError, toContentIssue } from '../src/content/content-error.ts'
import { redact, sourceFromEnv } from '../src/content/source/index.ts'
import { strictI18nFromEnv } from '../src/content/validation/report.ts'
import { countStatuses, formatRows, translationRows } from '../src/content/translations/status.ts'

const OPTIONS = ['--problems', '--json', '--strict']

async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const unknown = argv.filter((a) => !OPTIONS.includes(a))
  if (unknown.length) throw new HintedError(`Unknown argument ${unknown.join(', ')}.`, `The options are ${OPTIONS.join(', ')}.`, 'usage')
  const strict = argv.includes('--strict') || strictI18nFromEnv(env)
  const source = sourceFromEnv(env)
  const rows = translationRows(await source.allDocuments())
  const counts = countStatuses(rows)
  const shown = argv.includes('--problems') ? rows.filter((row) => row.status !== 'current') : rows
  const failed = strict && counts.stale + counts.missing > 0
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ source: source.description, counts, strict, ok: !failed, translations: shown }, null, 2))
  } else {
    console.log(`Translations in ${source.description}:`)
    for (const line of formatRows(shown)) console.log(`  ${line}`)
    const verdict = failed ? ' — stale and missing translations fail with --strict / STRICT_I18N=1' : ''
    console.log(`${failed ? '✗' : '✓'} ${rows.length} translation(s): ${counts.current} current, ${counts.stale} stale, ${counts.missing} missing${verdict}.`)
  }
  return failed ? 1 : 0
}

// exitCode, not exit(): a long listing written to a pipe must be flushed before the process ends.
main(process.argv.slice(2), process.env).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const issue = toContentIssue(error)
    console.error(redact(`content:translations failed: ${issue.message}\n  Fix: ${issue.hint}`))
    process.exitCode = 1
  },
)
