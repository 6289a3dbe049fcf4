/**
 * The W3C Nu Html Checker (vnu-jar, the checker behind validator.w3.org/nu) over a folder of
 * HTML files, for the build tests. It is a Java program: `java` (17 or newer) must be on
 * PATH; without it the run throws with the package to install (the tests never skip).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface VnuMessage {
  type: string
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

export const JAVA_HINT =
  'The W3C Nu checker needs Java 17+: `apt-get install -y --no-install-recommends openjdk-17-jre-headless` (Debian), then run the browser tests again (npm run test:e2e).'
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

/** Runs the checker over `site`; its JSON report (on stderr) as messages. */
export function checkHtml(site: string): VnuMessage[] {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (java.error) throw new Error(`\`java\` cannot run (${java.error.message}). ${JAVA_HINT}`)
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', site], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  })
  if (run.error) throw new Error(`The Nu checker did not run: ${run.error.message}. ${JAVA_HINT}`)
  let report: { messages?: VnuMessage[] }
  try {
    report = JSON.parse(run.stderr) as { messages?: VnuMessage[] }
  } catch {
    throw new Error(`The Nu checker wrote no JSON report (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`)
  }
  if (!Array.isArray(report.messages)) throw new Error(`The Nu checker's report has no messages: ${run.stderr.slice(0, 500)}`)
  return report.messages
}

/** `file:line: message | extract`, the file relative to the site. */
export function describeMessage(m: VnuMessage, site: string): string {
  const file = m.url ? relative(site, fileURLToPath(m.url)) : '(no file)'
  return `${file}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` | ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`
}

/** The errors of a run, described, the first `limit` of them. */
export function htmlErrors(site: string, limit = 25): { count: number; shown: string[] } {
  const errors = checkHtml(site).filter((m) => m.type === 'error' || m.type === 'non-document-error')
  return { count: errors.length, shown: errors.slice(0, limit).map((m) => describeMessage(m, site)) }
}
