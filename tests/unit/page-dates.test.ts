/**
 * The sitemap's dates read from built pages (src/integrations/page-dates.ts): each page's
 * `data-page-updated` date by URL, as an ISO instant; pages without one have none; a page
 * whose date is not a date stops the build and names the file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pageDates, pageUpdatedIn } from '../../src/integrations/page-dates'

let root: string | undefined
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** Writes `pages` (path → HTML) into a new folder and runs the integration's hook over them. */
function datesOf(pages: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'page-dates-'))
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(root, path), { recursive: true })
    writeFileSync(join(root, path, 'index.html'), html)
  }
  const { integration, lastmod } = pageDates()
  const done = integration.hooks['astro:build:done'] as (options: { dir: URL; pages: { pathname: string }[] }) => void
  done({ dir: pathToFileURL(`${root}/`), pages: [...Object.keys(pages), 'en/not-built/'].map((pathname) => ({ pathname })) })
  return (path: string) => lastmod(`https://example.org${path}`)
}

const page = (datetime: string) =>
  `<html><body><main>${'<p>Text</p>'.repeat(50)}<p data-page-updated>Page last updated: <time datetime="${datetime}">27 November 2026</time></p></main></body></html>`

describe('page dates for the sitemap', () => {
  it('reads the date inside the marked element only', () => {
    expect(pageUpdatedIn(`<time datetime="2020-01-01">x</time>${page('2026-11-27T16:06:01Z')}`)).toBe('2026-11-27T16:06:01Z')
    expect(pageUpdatedIn('<p><time datetime="2020-01-01">x</time></p>')).toBeUndefined()
    // The marker's name in text (a page about the site) is not the marked element.
    expect(pageUpdatedIn(`<p>The data-page-updated mark: <time datetime="2020-01-01">x</time></p>${page('2026-11-27T16:06:01Z')}`)).toBe('2026-11-27T16:06:01Z')
    expect(pageUpdatedIn('<p>data-page-updated <time datetime="2020-01-01">x</time></p>')).toBeUndefined()
  })

  it('gives each page its own date by URL, as an ISO instant; pages without one have none', () => {
    const lastmod = datesOf({
      'en/a': page('2026-11-27T16:06:01Z'),
      'zh-tw/a': page('2026-12-02T09:00:00+08:00'),
      'en/b': '<html><body>No date</body></html>',
      '': page('2026-11-01T00:00:00Z'),
    })
    expect(lastmod('/en/a/')).toBe('2026-11-27T16:06:01.000Z')
    expect(lastmod('/zh-tw/a/')).toBe('2026-12-02T01:00:00.000Z')
    expect(lastmod('/')).toBe('2026-11-01T00:00:00.000Z')
    expect(lastmod('/en/b/')).toBeUndefined()
    expect(lastmod('/en/not-built/')).toBeUndefined()
  })

  it('stops at a page whose date is not a date, naming the file', () => {
    expect(() => datesOf({ 'en/broken': page('2026-13-45T99:00:00Z') })).toThrow(/en\/broken\/index\.html: data-page-updated holds "2026-13-45T99:00:00Z", which is not a date/)
  })
})
