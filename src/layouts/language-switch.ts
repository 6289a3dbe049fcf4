import { SLUG_PATTERN } from '../../schemas/lib/validation'

/**
 * The CSS that makes the language switch keep the reader's section without JavaScript:
 * while the section with id `x` is the `:target`, the switch shows its link to `…#x` in
 * the other language instead of the plain page link. Ids are slugs (checked here), matched
 * with attribute selectors because an id may start with a digit (`#4g-…` is no selector).
 */
export function anchorSwitchCss(anchors: readonly string[]): string {
  if (anchors.length === 0) return ''
  for (const id of anchors) {
    if (!SLUG_PATTERN.test(id)) throw new Error(`Language switch anchor "${id}" is not a slug (a-z, 0-9, hyphens). Hint: anchors are section slugs.`)
  }
  const target = (id: string) => `html:has([id="${id}"]:target)`
  return `${anchors.map(target).join(',')}{--ls-page:none}` + anchors.map((id) => `${target(id)} [data-lang-switch="${id}"]`).join(',') + '{display:flex}'
}
