/**
 * The one way the Studio writes its own words: Chinese (Taiwan) first, then English, joined
 * by " · ", e.g. `label('名稱', 'Name')` → "名稱 · Name". Sanity publishes no zh-TW Studio
 * locale, so schema titles, descriptions, option titles and validation messages are where
 * editors read Chinese; every one of them goes through this function, so they read alike.
 */
export const LABEL_SEPARATOR = ' · '

/** A bilingual text, Chinese first: titles, descriptions, option titles and messages alike. */
export function label(zh: string, en: string): string {
  return `${zh}${LABEL_SEPARATOR}${en}`
}
