/**
 * Cross-language search from the glossary: a reader on the Chinese search who types
 * "offshore wind" (an English name or alias of the term 離岸風電) also gets the pages that
 * say 離岸風電, and the other way round on the English search. The table is the built site's
 * `/{lang}/search/terms.json` (src/open-data/search-terms.ts, made from the glossary and the
 * industries' names): per term the names to search in this language and the strings that
 * name it in any language.
 */
import { foldVariants } from './variants'

/** One term of the table: what to search in the page's language, and what names it. */
export interface SearchTerm {
  search: string[]
  match: string[]
}

/** The file `/{lang}/search/terms.json`. */
export interface TermTable {
  terms: SearchTerm[]
}

/** A string as matched: variants folded (台→臺), NFKC (５＋２ → 5+2), lower case, spaces collapsed. */
export function normalizeTerm(text: string): string {
  return foldVariants(text).toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * A function from a query to the extra searches its term brings: the `search` names of every
 * term the whole query names (not a part of it), minus the query itself.
 */
export function termMatcher(table: TermTable): (query: string) => string[] {
  const byKey = new Map<string, string[]>()
  for (const term of table.terms) {
    for (const name of term.match) {
      const key = normalizeTerm(name)
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), ...term.search])
    }
  }
  return (query) => {
    const key = normalizeTerm(query)
    return [...new Set(byKey.get(key) ?? [])].filter((s) => normalizeTerm(s) !== key)
  }
}

/** Reads a term table that is not one as an empty table: search still works, without the terms. */
export function parseTermTable(json: unknown): TermTable {
  const terms = (json as Partial<TermTable> | null)?.terms
  if (!Array.isArray(terms)) return { terms: [] }
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [])
  return { terms: terms.map((t: Partial<SearchTerm>) => ({ search: strings(t?.search), match: strings(t?.match) })) }
}
