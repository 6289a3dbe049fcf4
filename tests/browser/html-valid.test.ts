/**
 * Every built HTML page is valid HTML: the W3C Nu Html Checker (vnu-jar, the checker behind
 * validator.w3.org/nu) reports no error on any page of the build. It catches what axe and
 * the other tests do not: ARIA attributes on elements that cannot carry them, duplicate
 * attributes and ids, elements where the parser does not expect them.
 *
 * The checker is a Java program: `java` (17 or newer) must be on PATH. Without it the test
 * fails and names the package to install; it never skips. Like Chromium, Java comes from
 * Debian, so this runs with the browser tests (`npm run test:e2e`), not `npm test`, which needs
 * only Node and npm. It checks the site the CI built (`npm run build`), as the browser tests do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkHtml, describeMessage, htmlErrors } from '../support/nu-checker'
import { siteDir } from '../support/browser-site'

let dir: string
beforeAll(() => {
  dir = siteDir()
})

describe('valid HTML (W3C Nu checker)', () => {
  it('every built page: zero errors', () => {
    const { count, shown } = htmlErrors(dir)
    expect(shown, `${count} error(s) from the Nu checker; the first ${shown.length}:\n${shown.join('\n')}`).toEqual([])
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
