/** Helpers every page uses: the reader's locale from the URL, and JSON-LD safe inside `<script>`. */
import { describe, expect, it } from 'vitest'
import { jsonLdText, localeFromPath } from '../../src/utils/page'

describe('localeFromPath', () => {
  it('reads the first segment only', () => {
    expect(localeFromPath('/en/metrics/foundry-share/')?.id).toBe('en')
    expect(localeFromPath('/zh-tw/')?.id).toBe('zhTW')
    expect(localeFromPath('/zh-tw')?.id).toBe('zhTW')
    expect(localeFromPath('/en')?.id).toBe('en')
  })

  it('is undefined outside the localized tree', () => {
    expect(localeFromPath('/')).toBeUndefined()
    expect(localeFromPath('')).toBeUndefined()
    expect(localeFromPath('/data/metrics.csv')).toBeUndefined()
    expect(localeFromPath('/fr/en/')).toBeUndefined()
    expect(localeFromPath('/english/')).toBeUndefined()
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
