/**
 * The files to take away on the preview server: the same code as the build's (src/open-data/),
 * made from the request's published views (the middleware never loads drafts for a file, so
 * no edit marks), one file per request.
 */
import type { SiteViews } from '../content/views.ts'
import { openDataFile } from '../open-data/files.ts'
import { FALLBACK_SITE_URL } from '../../schemas/site-paths.ts'

/** Whether a path is under /data/, where only open data files live. */
export const isOpenDataPath = (pathname: string): boolean => pathname.startsWith('/data/')

/** The file at `pathname` made from `views`, or 404 when the site has no such file. */
export function openDataResponse(views: SiteViews, site: URL | undefined, pathname: string): Response {
  const file = openDataFile(views, site ?? new URL(FALLBACK_SITE_URL), pathname)
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
  return new Response(file.bytes, { headers: { 'content-type': file.type, 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' } })
}
