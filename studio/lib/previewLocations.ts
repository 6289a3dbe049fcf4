import { locales, type LocaleId } from '../../schemas/locales'
import { paths } from '../../schemas/site-paths'
import { sitePaths, type SiteDocument } from './siteUrls'

/**
 * The pages that show a document, in every language, for the Presentation tool's
 * "Used on" list. Pure (no Sanity, no React), from the same URL map as "Open on the site"
 * (siteUrls.ts over schemas/site-paths.ts). Sources have no page of their own: they are listed
 * on the pages of the figures that cite them, and on the brief's page when the brief cites them.
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

export const LOCATION_QUERY = `*[_id == $id][0]{
  _type, slug,
  "name": coalesce(name, title, label, term),
  "citedBy": *[_type == "metric" && source._ref == ^._id] | order(slug.current asc) { "slug": slug.current, label },
  "citedByPolicy": count(*[_type == "policy" && source._ref == ^._id]) > 0
}`

const nameIn = (name: LocatedDocument['name'], locale: LocaleId) => name?.[locale]?.trim() || undefined

/** The document's pages in every locale (in the order of schemas/locales.ts), or a message why there are none. */
export function previewLocations(doc: LocatedDocument | null | undefined): { locations: PreviewLocation[] } | { message: string } {
  if (!doc) return { message: 'This document is not published or saved yet.' }
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
