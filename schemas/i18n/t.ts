import type { Locale, LocaleId } from '../locales.ts'
import { en, type StringKey } from './strings/en.ts'
import { zhTW } from './strings/zhTW.ts'

export type { StringKey } from './strings/en.ts'

/**
 * Every locale's UI strings, keyed by locale id. Typed by `LocaleId`, so a locale added to
 * schemas/locales.ts without a strings file fails the type-check.
 */
export const uiStrings: Record<LocaleId, Record<StringKey, string>> = { zhTW, en }

/** Values for `{placeholders}` in a string. */
export type StringVars = Record<string, string | number>

/**
 * A UI string in a locale, with `{name}` placeholders
 * filled from `vars`. An unknown key or a placeholder without a value throws, so a typo
 * fails the build instead of shipping "{name}" to readers.
 */
export function t(locale: Locale, key: StringKey, vars?: StringVars): string {
  const id = locale.id
  const template = uiStrings[id][key]
  if (template === undefined) {
    throw new Error(`No UI string "${key}" for locale "${id}". Hint: add it to schemas/i18n/strings/${id}.ts.`)
  }
  // Most strings have no placeholder; a page asks for dozens of them.
  if (!template.includes('{')) return template
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars?.[name]
    if (value === undefined) {
      throw new Error(`UI string "${key}" (${id}) needs a value for {${name}}. Hint: pass it in t(locale, key, { ${name}: … }).`)
    }
    return String(value)
  })
}

/** A bound `t` for one locale: `const tr = translator(locale); tr('nav.policy')`. */
export function translator(locale: Locale) {
  return (key: StringKey, vars?: StringVars) => t(locale, key, vars)
}

/**
 * A string split around one placeholder, for templates that put markup (a link, a
 * `<Text>`) where the placeholder is: `const [before, after] = tAround(locale, key, 'name')`.
 * Other placeholders are filled from `vars`.
 */
export function tAround(locale: Locale, key: StringKey, name: string, vars: StringVars = {}): [string, string] {
  const marker = '\u0000'
  const text = t(locale, key, { ...vars, [name]: marker })
  const at = text.indexOf(marker)
  return [text.slice(0, at), text.slice(at + marker.length)]
}
