import { locales, type LocaleId } from '../../schemas/locales'
import { paths } from '../../schemas/site-paths'
import { manifestEntry, SITE_WIDE_DOCUMENTS, type ManifestState } from './siteStatus'
import { sitePaths, type SiteDocument } from './siteUrls'

/**
 * The pages that show a document, in every language, for the Presentation tool's "Used on"
 * list. Pure (no Sanity, no React). The pages come from the site's build.json (the page layer
 * of the last build declares them, src/page-model/); only for a document that build.json does
 * not know (new, never built) or when it cannot be read, from the URL map of "Open on the
 * site" (siteUrls.ts over schemas/site-paths.ts), and the list's title says so. In that map,
 * sources have no page of their own: they are listed on the pages of the figures that cite
 * them, and on the brief's page when the brief cites them.
 */

/** What {@link LOCATION_QUERY} returns for a document. */
export interface LocatedDocument extends SiteDocument {
  /** The document's name in each language (its title, name, label or term). */
  name?: Partial<Record<LocaleId, string | null>> | null
  /** For a source: the figures that cite it. */
  citedBy?: { slug?: string | null; label?: Partial<Record<LocaleId, string | null>> | null }[] | null
  /** For a source: whether the policy (the brief) cites it. */
  citedByPolicy?: boolean | null
}

/** One entry of the list, as the Presentation tool takes it. */
export interface PreviewLocation {
  title: string
  href: string
}

/** The list, or a message why there is none; a `message` beside `locations` is the list's title. */
export type PreviewLocations = { locations: PreviewLocation[]; message?: string; tone?: 'caution' } | { message: string }

/** The titles of a list that does not come from build.json. */
export const FALLBACK_TITLES = {
  notBuilt: '尚未建置：依網址推算的頁面 · Not built yet: the pages its address would have',
  unreadable: "無法讀取網站的 build.json：依網址推算的頁面 · The site's build.json could not be read: pages by address",
} as const

export const LOCATION_QUERY = `*[_id == $id][0]{
  _type, slug,
  "name": coalesce(name, title, label, term),
  "citedBy": *[_type == "metric" && source._ref == ^._id] | order(slug.current asc) { "slug": slug.current, label },
  "citedByPolicy": count(*[_type == "policy" && source._ref == ^._id]) > 0
}`

const nameIn = (name: LocatedDocument['name'], locale: LocaleId) => name?.[locale]?.trim() || undefined

/** The locale of a site path (`/zh-tw/…`), by its first segment. */
const localeOfPath = (path: string) => locales.find((l) => path.startsWith(`/${l.segment}/`))

/**
 * The pages build.json lists for a document, in the order of schemas/locales.ts (then by path,
 * the document's own page first), each titled with its language and, for its own page, its name.
 */
function builtLocations(doc: LocatedDocument, pages: string[]): PreviewLocation[] {
  const own = sitePaths(doc)
  const ownPaths = new Set('links' in own ? own.links.map((l) => l.path) : [])
  const localeRank = (path: string) => {
    const locale = localeOfPath(path)
    return locale ? locales.indexOf(locale) : locales.length
  }
  const ownFirst = (path: string) => (ownPaths.has(path) ? 0 : 1)
  return [...pages]
    .sort((a, b) => localeRank(a) - localeRank(b) || ownFirst(a) - ownFirst(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((path) => {
      const locale = localeOfPath(path)
      const name = locale && ownPaths.has(path) ? nameIn(doc.name, locale.id) : undefined
      return { title: `${locale?.label ?? path} · ${name ?? path}`, href: path }
    })
}

/**
 * The document's pages: from build.json when it lists the document (`id`), else from the URL
 * map with a title that says where the list comes from; or a message why there are none.
 * Without `site` (no SANITY_STUDIO_SITE_URL, so no build.json to read) the URL map answers
 * as it always did, untitled.
 */
export function previewLocations(doc: LocatedDocument | null | undefined, id?: string, site?: ManifestState): PreviewLocations {
  if (!doc) return { message: 'This document is not published or saved yet.' }
  const entry = id && site?.status === 'ok' ? manifestEntry(site.manifest, id) : undefined
  // Site settings are in every page's chrome, which pages do not declare: their places are the home pages, by address.
  if (entry && !(entry.pages.length === 0 && SITE_WIDE_DOCUMENTS.has(entry._id))) {
    return entry.pages.length > 0
      ? { locations: builtLocations(doc, entry.pages) }
      : { message: '網站上沒有頁面顯示此文件（依最近一次建置）· No page of the site shows this document (as of the last build).' }
  }
  const fromMap = addressLocations(doc)
  if (!('locations' in fromMap)) return fromMap
  const title = site?.status === 'ok' ? FALLBACK_TITLES.notBuilt : site?.status === 'error' ? FALLBACK_TITLES.unreadable : undefined
  return title ? { ...fromMap, message: title, tone: 'caution' } : fromMap
}

/** The document's pages in every locale (in the order of schemas/locales.ts) by the URL map, or a message why there are none. */
export function addressLocations(doc: LocatedDocument): { locations: PreviewLocation[] } | { message: string } {
  if (doc._type === 'source') {
    const locations = locales.flatMap((locale) => [
      ...(doc.citedByPolicy ? [{ title: `${locale.label} · ${locale.id === 'en' ? 'The brief' : '政策說明'}`, href: paths.policy(locale) }] : []),
      ...(doc.citedBy ?? []).flatMap((m) => (m.slug ? [{ title: `${locale.label} · ${nameIn(m.label, locale.id) ?? m.slug}`, href: paths.metric(locale, m.slug) }] : [])),
    ])
    return locations.length > 0 ? { locations } : { message: 'No figure cites this source yet.' }
  }
  const result = sitePaths(doc)
  if ('reason' in result) return { message: result.reason === 'missing-slug' ? 'Add a slug: the page address is made from it.' : 'This type has no page on the site.' }
  return { locations: result.links.map((link) => ({ title: `${link.locale.label} · ${nameIn(doc.name, link.locale.id) ?? link.path}`, href: link.path })) }
}
