import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { en } from '../../src/i18n/strings/en'
import { t, uiStrings } from '../../src/i18n/t'

const stringsDir = resolve(import.meta.dirname, '../../src/i18n/strings')
const enKeys = Object.keys(en).sort()

describe('UI strings', () => {
  it('has one strings file per locale in schemas/locales.ts, and no other', () => {
    const files = readdirSync(stringsDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort()
    expect(files).toEqual(locales.map((l) => l.id).sort())
  })

  for (const locale of locales) {
    describe(`${locale.id}`, () => {
      it('exports its strings under the locale id', async () => {
        const file = resolve(stringsDir, `${locale.id}.ts`)
        expect(existsSync(file), `missing ${file}`).toBe(true)
        const mod = (await import(file)) as Record<string, Record<string, string>>
        expect(mod[locale.id], `src/i18n/strings/${locale.id}.ts must export const ${locale.id}`).toBeTypeOf('object')
        expect(uiStrings[locale.id]).toBe(mod[locale.id])
      })

      it('has exactly the keys of en.ts', () => {
        const keys = Object.keys(uiStrings[locale.id]).sort()
        expect(keys.filter((k) => !enKeys.includes(k)), 'extra keys').toEqual([])
        expect(enKeys.filter((k) => !keys.includes(k)), 'missing keys').toEqual([])
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

describe('t()', () => {
  it('accepts a locale id, a URL segment or a tag', () => {
    expect(t('en', 'nav.policy')).toBe('Policy')
    expect(t('zh-tw', 'nav.policy')).toBe(uiStrings.zhTW['nav.policy'])
    expect(t('zh-TW', 'nav.policy')).toBe(uiStrings.zhTW['nav.policy'])
  })

  it('fills placeholders and fails on a missing value', () => {
    expect(t('en', 'footer.publishedBy', { publisher: 'X' })).toBe('Published by X')
    expect(() => t('en', 'footer.publishedBy')).toThrow(/publisher/)
  })

  it('throws on an unknown locale', () => {
    expect(() => t('fr', 'nav.policy')).toThrow(/Unknown locale/)
  })
})
