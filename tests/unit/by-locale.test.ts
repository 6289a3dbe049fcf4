/** One value per language, keyed by locale id or BCP-47 tag, in the order of schemas/locales.ts. */
import { describe, expect, it } from 'vitest'
import { byLocale } from '../../src/content/by-locale'

describe('byLocale', () => {
  it("keys by locale id by default, in the locales' order", () => {
    const value = byLocale((id) => `text in ${id}`)
    expect(value).toEqual({ zhTW: 'text in zhTW', en: 'text in en' })
    expect(Object.keys(value)).toEqual(['zhTW', 'en'])
  })

  it('keys by BCP-47 tag for files read outside the site, still calling make with the id', () => {
    const value = byLocale((id) => `/data/x.${id}.csv`, 'tag')
    expect(Object.entries(value)).toEqual([
      ['zh-TW', '/data/x.zhTW.csv'],
      ['en', '/data/x.en.csv'],
    ])
  })
})
