/**
 * The search's term table, one file per language: `/{lang}/search/terms.json`. The search page
 * (src/scripts/search/terms.ts) reads it to search a glossary term in the reader's language
 * when the query names it in any language ("offshore wind" on the Chinese search also searches
 * 離岸風電). Made from the views, so it is content: a JSON file, never markup.
 *
 * Terms: each glossary term (names in every language, the names it is also known as, its
 * search keywords) and each industry (its name
 * and short name in every language: 資安 ↔ Cybersecurity). What is searched is the name in
 * the page's language without a bracketed gloss ("第五代行動通訊（5G）" searches 第五代行動通訊:
 * every word of a query must be on a page, and the gloss is often written apart).
 */
import type { Locale } from '../../schemas/locales.ts'
import { locales } from '../../schemas/locales.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { SiteViews } from '../content/views.ts'

/** One term: what the page's language searches, and every string that names it. */
export interface SearchTermEntry {
  search: string[]
  match: string[]
}

/** A trailing gloss in brackets: "（5G）", " (fifth-generation mobile networks)". */
const GLOSS = /\s*[（(]([^（）()]+)[）)]\s*$/u

/** A name and, when it ends in a bracketed gloss, the name without it and the gloss. */
export function nameForms(name: string): { bare: string; all: string[] } {
  const gloss = GLOSS.exec(name)
  const bare = gloss ? name.slice(0, gloss.index).trim() || name : name
  return { bare, all: [...new Set([name, bare, ...(gloss ? [gloss[1]!.trim()] : [])])] }
}

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))]

/** The term table for one language, in the order of the views (glossary, then industries). */
export function searchTerms(views: SiteViews, locale: Locale): SearchTermEntry[] {
  const view = views[locale.id]
  const glossary = view.glossary.flatMap((g) => {
    const own = g.terms[locale.id]
    if (!own) return []
    const names = Object.values(g.terms).flatMap((n) => nameForms(n).all)
    return [{ search: [nameForms(own).bare], match: unique([...names, ...g.alsoKnownAs, ...g.aliases]) }]
  })
  const industries = view.industries.map((industry) => {
    const inEvery = locales.flatMap((l) => views[l.id].industries.filter((i) => i.id === industry.id))
    const names = inEvery.flatMap((i) => [i.name, i.shortName].filter((n) => !n.fallback).map((n) => n.value))
    return { search: unique([industry.shortName.value]), match: unique(names) }
  })
  return [...glossary, ...industries]
}

/** `/{lang}/search/terms.json` for each language: its path and its JSON. */
export function searchTermFiles(views: SiteViews): { path: string; make: () => string }[] {
  return locales.map((l) => ({
    path: `${paths.search(l)}terms.json`,
    make: () => `${JSON.stringify({ language: l.tag, terms: searchTerms(views, l) }, null, 1)}\n`,
  }))
}
