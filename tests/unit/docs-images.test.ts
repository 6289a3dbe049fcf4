/**
 * The pictures of the docs: every image a page of docs/ shows exists, and every file in
 * docs/images/ is shown by some page (no stale screenshots left behind). The editors' guide's
 * pictures are taken by tests/browser/editors-guide.test.ts (UPDATE_GUIDE_SCREENSHOTS=1).
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { projectFile } from '../support/project'

const docs = projectFile('docs')
const images = join(docs, 'images')
const pages = readdirSync(docs).filter((name) => name.endsWith('.md'))

/**
 * Local images a Markdown page shows: `![alt](path "title")` and `<img src="path">`, outside
 * code blocks; remote addresses are not files of the repository.
 */
function imageTargets(markdown: string): string[] {
  const prose = markdown.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '')
  const targets = [...prose.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g), ...prose.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map(
    (m) => (m[1] ?? m[2])!,
  )
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)).map((target) => decodeURI(target.split('#')[0]!))
}

/** Every page's images, as paths relative to docs/. */
function shownImages(): Map<string, string[]> {
  const shown = new Map<string, string[]>()
  for (const page of pages) {
    for (const target of imageTargets(readFileSync(join(docs, page), 'utf8'))) {
      const path = relative(docs, resolve(dirname(join(docs, page)), target))
      shown.set(path, [...(shown.get(path) ?? []), page])
    }
  }
  return shown
}

describe('imageTargets', () => {
  it('finds Markdown and HTML images, not code, links or remote images', () => {
    const page = [
      '![A](images/a.png) and ![B](<images/b c.png> "title")',
      '<img alt="" src="images/d.png">',
      '[not an image](images/e.png) `![code](images/f.png)` ![remote](https://example.org/g.png)',
      '```md',
      '![fenced](images/h.png)',
      '```',
      '   ```md',
      '   ![indented fence](images/i.png)',
      '   ```',
    ].join('\n')
    expect(imageTargets(page)).toEqual(['images/a.png', 'images/b c.png', 'images/d.png'])
  })
})

describe('docs/images', () => {
  it('every image a page shows exists', () => {
    const missing = [...shownImages()].filter(([path]) => !existsSync(join(docs, path))).map(([path, by]) => `${path} (shown by ${by.join(', ')})`)
    expect(missing, 'images shown by docs/*.md that are not in the repository').toEqual([])
  })

  it('every file in docs/images is shown by a page', () => {
    const shown = shownImages()
    const files = existsSync(images) ? readdirSync(images).filter((name) => statSync(join(images, name)).isFile()) : []
    const stale = files.filter((name) => !shown.has(join('images', name)))
    expect(stale, 'files in docs/images/ that no page of docs/ shows: delete them, or show them').toEqual([])
  })

  it("the editors' guide shows pictures, and they stay small", () => {
    const guide = [...shownImages()].filter(([, by]) => by.includes('editors-guide.md')).map(([path]) => path)
    expect(guide.length).toBeGreaterThan(0)
    const bytes = guide.filter((path) => existsSync(join(docs, path))).reduce((sum, path) => sum + statSync(join(docs, path)).size, 0)
    expect(bytes, 'all the guide pictures together, in bytes').toBeLessThan(1_500_000)
  })
})
