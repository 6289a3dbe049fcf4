/**
 * The links from a section of a page to the same section of the page in each other language:
 * the twin's path (src/page-model/) plus the section's id. Section ids are document slugs or
 * fixed names, the same in every language, so `…/en/policy/#conclusion` is the section a
 * reader of `…/zh-tw/policy/#conclusion` was reading.
 */
import type { Locale } from '../../schemas/locales'
import { SLUG_PATTERN } from '../../schemas/lib/validation'
import type { Twin } from '../page-model'

export interface SectionLink {
  href: string
  locale: Locale
}

/** One link per other language to the section `id`; an id that is not a slug fails the build. */
export function sectionLinks(twins: readonly Twin[], reader: Locale, id: string): SectionLink[] {
  if (!SLUG_PATTERN.test(id)) throw new Error(`Section id "${id}" is not a slug (a-z, 0-9, hyphens). Hint: use the section document's slug, which is the same in every language.`)
  return twins.filter((twin) => twin.locale.id !== reader.id).map((twin) => ({ href: `${twin.path}#${id}`, locale: twin.locale }))
}
