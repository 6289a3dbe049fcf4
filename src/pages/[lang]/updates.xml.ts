/** /{lang}/updates.xml: the change notes of one language as an Atom feed (src/feeds/updates-feed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { getSiteViews } from '../../content/render-views'
import { updatesFeed } from '../../feeds/updates-feed'
import { localeView, perLocale } from '../../page-model/types'
import { FALLBACK_SITE_URL } from '../../../schemas/site-paths'

export const getStaticPaths = (() => perLocale().map((params) => ({ params }))) satisfies GetStaticPaths

export const GET: APIRoute = async ({ params, site }) => {
  const view = localeView(await getSiteViews(), params)
  if (!view) return new Response(null, { status: 404 })
  return new Response(updatesFeed(view, site ?? FALLBACK_SITE_URL), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
}
