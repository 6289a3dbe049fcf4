/**
 * The files to take away on the preview server: the same code as the build's (src/open-data/),
 * made from the request's published views (the middleware never loads drafts for a file, so
 * no edit marks), one file per request.
 */
import type { SiteViews } from '../content/views.ts'
import { openDataFile } from '../open-data/files.ts'
import { FALLBACK_SITE_URL } from '../../schemas/site-paths.ts'

/** Whether a path is under /data/ or /og/ (share cards), where only the build's own files live. */
export const isOpenDataPath = (pathname: string): boolean => pathname.startsWith('/data/') || pathname.startsWith('/og/')

/** The file at `pathname` made from `views`, or 404 when the site has no such file. */
export async function openDataResponse(views: SiteViews, site: URL | undefined, pathname: string): Promise<Response> {
  const file = await openDataFile(views, site ?? new URL(FALLBACK_SITE_URL), pathname)
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
  // A copy on its own ArrayBuffer: what Response takes (a Node Buffer may share a pool).
  const body = typeof file.bytes === 'string' ? file.bytes : Buffer.from(file.bytes)
  return new Response(body, { headers: { 'content-type': file.type, 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' } })
}
