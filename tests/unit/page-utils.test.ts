/** Helpers every page uses: the reader's locale from the route, and JSON-LD safe inside `<script>`. */
import { describe, expect, it } from 'vitest'
import { localeOf } from '../../src/page-model/types'
import { jsonLdText } from '../../src/utils/page'

describe('localeOf: a page locale, from its route params', () => {
  it('reads the lang param as a URL segment', () => {
    expect(localeOf({ lang: 'en', slug: 'foundry-share' })?.id).toBe('en')
    expect(localeOf({ lang: 'zh-tw' })?.id).toBe('zhTW')
  })

  it('is undefined for a language the site does not have, or none', () => {
    expect(localeOf({})).toBeUndefined()
    expect(localeOf({ lang: '' })).toBeUndefined()
    expect(localeOf({ lang: 'zhTW' })).toBeUndefined()
    expect(localeOf({ lang: 'zh-TW' })).toBeUndefined()
    expect(localeOf({ lang: 'fr' })).toBeUndefined()
  })
})

describe('jsonLdText', () => {
  it('cannot close the script element or break the line, and reads back the same', () => {
    const data = { name: '</script><script>alert(1)</script> & <!-- \u2028\u2029 半導體' }
    const text = jsonLdText(data)
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    expect(text).toContain('\\u003c/script\\u003e')
    expect(text).toContain('\\u0026')
    expect(text).toContain('\\u2028\\u2029')
    expect(text).toContain('半導體')
    expect(JSON.parse(text)).toEqual(data)
  })
})
