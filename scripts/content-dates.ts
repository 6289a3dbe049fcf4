/**
 * Writes each document's `_updatedAt` into content/dataset.ndjson from the file's git history
 * (scripts/lib/content-dates.ts says how): the time of the last commit on the first-parent
 * line (the branch as it was built) that changed the document's content, or now for a change
 * not yet committed. Run it after editing the file by hand, before committing; running it
 * again changes nothing.
 *
 * Usage: npm run content:dates [-- path/to/dataset.ndjson] [-- --check]
 * With --check it writes nothing and exits 1 when a date is missing or out of step.
 * Needs the whole history (a shallow clone lacks the older commits).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { HintedError, toContentIssue } from '../src/content/content-error.ts'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../src/content/ndjson.ts'
import { sanityTimestamp, withChangeTimes, type DatasetVersion } from './lib/content-dates.ts'

const args = process.argv.slice(2)
const check = args.includes('--check')
const file = resolve(args.find((a) => !a.startsWith('--')) ?? 'content/dataset.ndjson')

function git(cwd: string, ...gitArgs: string[]): string {
  return execFileSync('git', gitArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** Every committed version of the file on the first-parent line, oldest first, then the working tree if it differs. */
function versionsOf(path: string): DatasetVersion[] {
  const cwd = dirname(path)
  const root = git(cwd, 'rev-parse', '--show-toplevel').trim()
  const inRepo = relative(root, path)
  if (git(root, 'rev-parse', '--is-shallow-repository').trim() === 'true') {
    throw new HintedError('This clone is shallow: the dates need the whole history of the file.', 'Run `git fetch --unshallow`, then this again.')
  }
  const log = git(root, 'log', '--first-parent', '--format=%H %cI', '--', inRepo).trim()
  const commits =
    log === ''
      ? []
      : log
          .split('\n')
          .map((line) => line.split(' ') as [string, string])
          .reverse()
  const versions: DatasetVersion[] = commits.map(([sha, time]) => ({ time, documents: parseNdjson(git(root, 'show', `${sha}:${inRepo}`), `${inRepo}@${sha.slice(0, 7)}`) }))
  const now = readFileSync(path, 'utf8')
  const head = commits.length > 0 ? git(root, 'show', `HEAD:${inRepo}`) : undefined
  if (now !== head) versions.push({ time: sanityTimestamp(new Date()), documents: parseNdjson(now, path) })
  return versions
}

try {
  const text = readFileSync(file, 'utf8')
  const dated = serializeNdjson(normalizeDataset(withChangeTimes(versionsOf(file))))
  if (dated === text) {
    console.log(`${file}: every _updatedAt is in step with the history.`)
  } else if (check) {
    console.error(`${file}: _updatedAt is missing or out of step with the history. Run \`npm run content:dates\` and commit the result.`)
    process.exit(1)
  } else {
    writeFileSync(file, dated, 'utf8')
    console.log(`${file}: wrote _updatedAt for ${dated.split('\n').length - 1} documents.`)
  }
} catch (error) {
  // git's own message (not a repository, no such file) is already on stderr.
  console.error(`${(error as Error).message}\n  Fix: ${toContentIssue(error).hint}`)
  process.exit(1)
}
