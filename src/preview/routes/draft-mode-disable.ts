/** `GET /api/draft-mode/disable[?to=/path/]`: ends draft mode and goes back to the published page. */
import type { APIRoute } from 'astro'
import { DRAFT_COOKIE, draftCookieOptions } from '../draft-mode.ts'
import { samePath } from './draft-mode-enable.ts'

export const prerender = false

export const GET: APIRoute = ({ cookies, redirect, url }) => {
  cookies.delete(DRAFT_COOKIE, { path: draftCookieOptions.path, secure: true, sameSite: 'none', partitioned: true, httpOnly: true })
  return redirect(samePath(url.searchParams.get('to') ?? undefined), 307)
}
