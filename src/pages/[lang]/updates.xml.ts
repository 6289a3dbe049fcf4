/** /{lang}/updates.xml: the change notes of one language as an Atom feed (src/feeds/updates-feed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getSiteView } from '../../content/load'
import { updatesFeed } from '../../feeds/updates-feed'
import { localeFromParam, localeStaticPaths } from '../../utils/page'
import { FALLBACK_SITE_URL } from '../../../schemas/site-paths'

export const getStaticPaths = (() => localeStaticPaths()) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params, site }) => {
  const view = await getSiteView(localeFromParam(params.lang).id)
  return new Response(updatesFeed(view, site ?? FALLBACK_SITE_URL), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
}
