/** MDX pages (src/content/pages.ts): the frontmatter check and the error for a missing page. */
import { describe, expect, it } from 'vitest'
import { getLocale } from '../../schemas/locales'
import { checkFrontmatter, getEditorialPage, pageFrontmatterSchema } from '../../src/content/pages'

describe('editorial MDX pages', () => {
  it('accepts a title, a description and a partial ISO date', () => {
    expect(pageFrontmatterSchema.safeParse({ title: 'About', description: 'Who made this', updated: '2026-11' }).success).toBe(true)
  })

  it('rejects a page without a title or with a malformed date', () => {
    const missing = pageFrontmatterSchema.safeParse({ description: 'x' })
    expect(missing.success).toBe(false)
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toContain('title')
    expect(pageFrontmatterSchema.safeParse({ title: 'a', description: 'b', updated: '27/11/2026' }).success).toBe(false)
  })

  it('names the file a locale is missing, in both languages', async () => {
    await expect(getEditorialPage(getLocale('en'), 'no-such-page')).rejects.toThrow(
      'No no-such-page page for en: expected content/pages/en/no-such-page.mdx. Hint: every locale needs its own copy of each MDX page.',
    )
    await expect(getEditorialPage(getLocale('zhTW'), 'no-such-page')).rejects.toThrow(
      'No no-such-page page for zh-TW: expected content/pages/zh-tw/no-such-page.mdx. Hint: every locale needs its own copy of each MDX page.',
    )
  })

  it('bad frontmatter stops the build with the file, each field and the fix', () => {
    expect(() => checkFrontmatter('content/pages/zh-tw/about.mdx', { title: '', updated: '2026/11' })).toThrow(
      /^content\/pages\/zh-tw\/about\.mdx has invalid frontmatter: title: .+; description: .+; updated: .+\. Hint: it needs a title and a description; "updated" is YYYY, YYYY-MM, YYYY-MM-DD or an instant like 2026-11-27T16:09:55Z\.$/,
    )
    expect(checkFrontmatter('content/pages/en/about.mdx', { title: 'About', description: 'Who', updated: '2026' })).toEqual({ title: 'About', description: 'Who', updated: '2026' })
  })
})
