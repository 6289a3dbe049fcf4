import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getLocale, localeById, locales } from '../../schemas/locales'
import { en } from '../../schemas/i18n/strings/en'
import { t, uiStrings } from '../../schemas/i18n/t'

const EN = getLocale('en')

const stringsDir = resolve(import.meta.dirname, '../../schemas/i18n/strings')
const enKeys = Object.keys(en).sort()

describe('UI strings', () => {
  it('has one strings file per locale in schemas/locales.ts, and no other', () => {
    const files = readdirSync(stringsDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(files).toEqual(locales.map((l) => l.id).sort())
  })

  for (const locale of locales) {
    describe(`${locale.id}`, () => {
      it('exports its strings under the locale id', async () => {
        const file = resolve(stringsDir, `${locale.id}.ts`)
        expect(existsSync(file), `missing ${file}`).toBe(true)
        const mod = (await import(file)) as Record<string, Record<string, string>>
        expect(mod[locale.id], `schemas/i18n/strings/${locale.id}.ts must export const ${locale.id}`).toBeTypeOf('object')
        expect(uiStrings[locale.id]).toBe(mod[locale.id])
      })

      it('has exactly the keys of en.ts', () => {
        const keys = Object.keys(uiStrings[locale.id]).sort()
        expect(
          keys.filter((k) => !enKeys.includes(k)),
          'extra keys',
        ).toEqual([])
        expect(
          enKeys.filter((k) => !keys.includes(k)),
          'missing keys',
        ).toEqual([])
      })

      it('has no empty string', () => {
        const empty = Object.entries(uiStrings[locale.id]).filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        expect(empty.map(([k]) => k)).toEqual([])
      })

      it('uses the same {placeholders} as en.ts', () => {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        const mismatched = Object.entries(en).filter(([k, v]) => names(v).join() !== names(uiStrings[locale.id][k as keyof typeof en]).join())
        expect(mismatched.map(([k]) => k)).toEqual([])
      })
    })
  }
})

describe('getLocale (where a locale arrives as a string)', () => {
  it('resolves a locale id, a URL segment or a tag', () => {
    expect(t(getLocale('en'), 'nav.policy')).toBe('Policy')
    expect(t(getLocale('zh-tw'), 'nav.policy')).toBe(uiStrings.zhTW['nav.policy'])
    expect(t(getLocale('zh-TW'), 'nav.policy')).toBe(uiStrings.zhTW['nav.policy'])
    expect(getLocale('zhTW')).toBe(localeById.zhTW)
  })

  it('throws on an unknown locale, naming the known ones', () => {
    expect(() => getLocale('fr')).toThrow(/Unknown locale "fr"\. Known locales: zhTW \(zh-tw\), en \(en\)/)
  })
})

describe('t()', () => {
  it('fills placeholders and fails on a missing value', () => {
    expect(t(EN, 'footer.publishedBy', { publisher: 'X' })).toBe('Published by X')
    expect(() => t(EN, 'footer.publishedBy')).toThrow(/publisher/)
  })
})
