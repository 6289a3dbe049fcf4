/**
 * Variant characters in a search query. Taiwanese text writes some words two ways (臺灣 and
 * 台灣, 為 and 爲, 裡 and 裏), and Pagefind matches characters exactly: a reader who types one
 * form misses the pages written with the other. The query is expanded into its forms and each
 * form is searched (src/scripts/search.ts merges the results), so the index and the text as
 * written stay as they are.
 *
 * The pairs come from OpenCC's Taiwan tables (opencc-js): `to/tw` turns OpenCC's standard
 * characters into Taiwan's (着→著, 爲→為), `from/tw` the other way. OpenCC treats 台 and 臺 as
 * two characters, both in use in Taiwan, so it converts neither: {@link EXTRA_PAIRS} adds them.
 */
import { ConverterFactory } from 'opencc-js/core'
import fromTaiwan from 'opencc-js/from/tw'
import toTaiwan from 'opencc-js/to/tw'

/**
 * Pairs OpenCC's Taiwan tables lack, as [common form, Taiwan standard form]: 台/臺 (臺 is the
 * Ministry of Education's form, 台 the everyday one; the site's content has both).
 */
export const EXTRA_PAIRS: readonly (readonly [string, string])[] = [['台', '臺']]

const openccToTaiwan = ConverterFactory(toTaiwan)
const openccFromTaiwan = ConverterFactory(fromTaiwan)

const replacePairs = (text: string, from: 0 | 1): string => EXTRA_PAIRS.reduce((s, pair) => s.replaceAll(pair[from], pair[1 - from]!), text)

/** The text in Taiwan's standard forms (爲→為, 台→臺): the one form two spellings share. */
export function foldVariants(text: string): string {
  return replacePairs(openccToTaiwan(text.normalize('NFKC')), 0)
}

/** The text in the other forms (為→爲, 臺→台). */
function unfoldVariants(text: string): string {
  return replacePairs(openccFromTaiwan(text.normalize('NFKC')), 1)
}

/**
 * The forms of a query to search, the query as typed first: its Taiwan standard form and
 * its other form. A query with no variant characters is its only form.
 */
export function variantForms(query: string): string[] {
  return [...new Set([query, foldVariants(query), unfoldVariants(query)])]
}
