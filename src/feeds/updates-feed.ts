/**
 * The change notes of one language as an Atom feed (RFC 4287), written by the `feed` package:
 * feed id, title, updated, author, self and alternate links; one entry per update with its
 * id, title, updated and published dates, summary and link; `<rights>` names the licence. Titles and notes are content from
 * the CMS, so they are escaped as HTML text: a feed reader shows them as written, never as markup.
 */
import { Feed } from 'feed'
import type { SiteView } from '../content/views'
import { t } from '../../schemas/i18n/t'
import { paths } from '../../schemas/site-paths'
import { licenceLine } from '../open-data/figure'

const HTML_SPECIAL = /[&<>"']/g
const escapeHtml = (text: string) => text.replace(HTML_SPECIAL, (c) => `&#${c.charCodeAt(0)};`)

/** The newest of some ISO instants. */
function newest(dates: string[]): Date | undefined {
  const times = dates.map((d) => Date.parse(d)).filter((n) => Number.isFinite(n))
  return times.length > 0 ? new Date(Math.max(...times)) : undefined
}

/** The Atom document for `view`'s language; `site` is the site's address (Astro's `site`). */
export function updatesFeed(view: SiteView, site: URL | string): string {
  const locale = view.locale
  const abs = (path: string) => new URL(path, site).toString()
  const page = abs(paths.updates(locale))
  const self = abs(paths.updatesFeed(locale))
  // An empty feed is as new as the newest document the site shows (atom:updated is required).
  const updated = newest(view.updates.map((u) => u.date)) ?? newest(Object.values(view.changedAt)) ?? new Date(0)
  const feed = new Feed({
    id: self,
    title: t(locale, 'updates.feedTitle', { site: view.settings.title.value }),
    description: t(locale, 'updates.lead'),
    link: page,
    feedLinks: { atom: self },
    updated,
    language: locale.tag,
    author: { name: view.settings.publisher.value, email: view.settings.contactEmail, link: abs(paths.home(locale)) },
    // Atom's <rights>: the licence by name and address, as the site's footer says it.
    copyright: licenceLine(view),
    generator: false,
  })
  for (const u of view.updates) {
    const date = new Date(u.date)
    feed.addItem({
      id: `${page}#${u.id}`,
      link: `${page}#${u.id}`,
      title: escapeHtml(u.title.value),
      description: escapeHtml(u.note.value),
      date,
      published: date,
    })
  }
  // The feed's language for readers that look for it (the package writes none for Atom).
  return feed.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale.tag}">`)
}
