/**
 * Every built HTML page is valid HTML: the W3C Nu Html Checker (vnu-jar, the checker behind
 * validator.w3.org/nu) reports no error on any page of the build. It catches what axe and
 * the other tests do not: ARIA attributes on elements that cannot carry them, duplicate
 * attributes and ids, elements where the parser does not expect them.
 *
 * The checker is a Java program: `java` (17 or newer) must be on PATH. Without it the test
 * fails and names the package to install; it never skips.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { distDir } from './site-lib'

interface VnuMessage {
  type: string
  subType?: string
  url?: string
  lastLine?: number
  message: string
  extract?: string
}

const JAVA_HINT = 'The W3C Nu checker needs Java 17+: `apt-get install -y --no-install-recommends openjdk-17-jre-headless` (Debian), then run the build tests again.'
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
/** How many errors a failure prints. */
const SHOWN = 25

let dir: string
beforeAll(() => {
  dir = distDir()
})

/** Runs the checker over `site`; its JSON report (on stderr) as messages. */
function checkHtml(site: string): VnuMessage[] {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' })
  if (java.error) throw new Error(`\`java\` cannot run (${java.error.message}). ${JAVA_HINT}`)
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', site], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 })
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
function describeMessage(m: VnuMessage, site: string): string {
  const file = m.url ? relative(site, fileURLToPath(m.url)) : '(no file)'
  return `${file}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` | ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`
}

describe('valid HTML (W3C Nu checker)', () => {
  it('every built page: zero errors', () => {
    const messages = checkHtml(dir)
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error')
    const shown = errors.slice(0, SHOWN).map((m) => describeMessage(m, dir))
    expect(shown, `${errors.length} error(s) from the Nu checker; the first ${Math.min(SHOWN, errors.length)}:\n${shown.join('\n')}`).toEqual([])
  }, 300_000)

  it('the checker reports what this test is for: ARIA on a <p>, a duplicate id, with file and line', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'vnu-check-'))
    try {
      const page = '<!doctype html>\n<html lang="en"><head><title>t</title></head>\n<body><p id="a" aria-labelledby="a">x</p>\n<p id="a">y</p></body></html>\n'
      writeFileSync(join(scratch, 'bad.html'), page)
      const found = checkHtml(scratch).map((m) => describeMessage(m, scratch))
      expect(found).toEqual([expect.stringMatching(/^bad\.html:3: .*aria-labelledby/), expect.stringMatching(/^bad\.html:4: Duplicate ID/)])
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }, 120_000)
})
