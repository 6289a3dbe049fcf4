/**
 * A glossary term's names: which aliases are near-duplicates (the same after width, case,
 * space and middle-dot differences: "5+2" / "5＋2", "IC封測" / "IC 封測", "亞洲‧矽谷" /
 * "亞洲·矽谷"), the validation rule that keeps them out of the shown "also known as" list,
 * and which of them a page in each language shows (one language per list).
 */
import type { CustomValidator } from '@sanity/types'
import { label } from './label.ts'

/** Middle dots and spaces of every width: a name written with or without them is the same name. */
const IGNORED = /[\s\u00b7\u2027\u30fb\uff65\u2022]/gu

/** The form two names are compared in: NFKC (full-width → half-width), lower case, no spaces or middle dots. */
export function aliasKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(IGNORED, '')
}

/**
 * A name and each part of it: "AIoT（人工智慧物聯網）" → AIoT（人工智慧物聯網）, AIoT, 人工智慧物聯網.
 * An alias equal to a part repeats what the name already says.
 */
export function nameParts(name: string): string[] {
  const normal = name.normalize('NFKC')
  const parts = normal
    .split(/[()、,]/u)
    .map((p) => p.trim())
    .filter(Boolean)
  return [name, ...parts]
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u
const LATIN = /[A-Za-z]/

/**
 * The aliases a page in `lang` shows: Chinese pages those with Han characters or without
 * Latin letters ("五加二", "5+2"), other pages those without Han characters ("5+2 innovative
 * industries"), so that no list mixes the two languages.
 */
export function aliasesForLanguage(aliases: readonly string[], lang: string): string[] {
  const chinese = lang.toLowerCase().startsWith('zh')
  return aliases.filter((a) => (chinese ? HAN.test(a) || !LATIN.test(a) : !HAN.test(a)))
}

/** The first problem with a shown alias list, given the term's names; undefined when there is none. */
export function alsoKnownAsProblem(aliases: readonly string[], names: readonly string[]): { alias: string; duplicates: string } | undefined {
  const seen = new Map<string, string>()
  for (const name of names) for (const part of nameParts(name)) seen.set(aliasKey(part), part)
  for (const alias of aliases) {
    const key = aliasKey(alias)
    const earlier = seen.get(key)
    if (earlier !== undefined) return { alias, duplicates: earlier }
    seen.set(key, alias)
  }
  return undefined
}

/** Sanity rule for `alsoKnownAs`: no alias repeats the term's name (or a part of it) or another shown alias. */
export const alsoKnownAsRule: CustomValidator<string[] | undefined> = (value, context) => {
  if (!Array.isArray(value)) return true
  const term = (context.document as { term?: Record<string, unknown> } | undefined)?.term ?? {}
  const names = Object.values(term).filter((v): v is string => typeof v === 'string')
  const problem = alsoKnownAsProblem(value, names)
  if (!problem) return true
  const { alias, duplicates } = problem
  return label(
    `「又稱」的「${alias}」與「${duplicates}」幾乎相同（只差全形半形、大小寫或空格）：請刪除它，或移到「搜尋關鍵字」。`,
    `"Also known as" lists "${alias}", a near-duplicate of "${duplicates}" (differs only in width, case or spaces): remove it or move it to "Search keywords".`,
  )
}
