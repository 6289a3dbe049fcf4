import { locales } from '../locales.ts'
import { label } from './label.ts'
import { hasText } from './text.ts'

/**
 * A preview `select` for a localized field: one selection key per locale, e.g.
 * `{ title_zhTW: 'title.zhTW', title_en: 'title.en' }`.
 */
export function selectLocalized(field: string, as = field): Record<string, string> {
  return Object.fromEntries(locales.map((l) => [`${as}_${l.id}`, `${field}.${l.id}`]))
}

/**
 * A preview title that shows every language side by side and flags the missing ones,
 * e.g. `資安卓越產業 · Cybersecurity` or `資安卓越產業 · ⚠ 未填 en`.
 */
export function bilingualTitle(selection: Record<string, unknown>, as: string): string {
  return locales
    .map((l) => {
      const value = selection[`${as}_${l.id}`]
      return hasText(value) ? String(value) : `⚠ 未填 ${l.tag}`
    })
    .join(' · ')
}

/** Names of the languages a selection lacks, for a preview subtitle; empty when complete. */
export function missingLocales(selection: Record<string, unknown>, as: string): string[] {
  return locales.filter((l) => !hasText(selection[`${as}_${l.id}`])).map((l) => l.tag)
}

/** A preview subtitle naming the languages a document lacks, e.g. `⚠ 缺少 en · missing en`. */
export function missingNote(missing: readonly string[]): string {
  const tags = missing.join(', ')
  return label(`⚠ 缺少 ${tags}`, `missing ${tags}`)
}
