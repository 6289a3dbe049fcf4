/**
 * `GET /api/draft-mode/disable[?to=/path/][&everywhere]`: ends draft mode and goes back to the
 * published page. The session's cookie is revoked on the server too, so a copy of it kept
 * elsewhere no longer works; with `everywhere`, every draft session of this server ends
 * (draft-mode.ts). The way back is a path on this server only (redirect.ts).
 */
import type { APIRoute } from 'astro'
import { DRAFT_COOKIE, draftCookieOptions, endAllDraftSessions, revokeDraftCookie } from '../draft-mode.ts'
import { sameOriginPath } from '../redirect.ts'

export const prerender = false

export const GET: APIRoute = ({ cookies, redirect, url, request }) => {
  const value = cookies.get(DRAFT_COOKIE)?.value
  // Only a draft session may end the others: a stranger's request changes nothing.
  if (revokeDraftCookie(value) && url.searchParams.has('everywhere')) endAllDraftSessions()
  cookies.delete(DRAFT_COOKIE, { path: draftCookieOptions.path, secure: true, sameSite: 'none', partitioned: true, httpOnly: true })
  return redirect(sameOriginPath(url.searchParams.get('to'), request.url), 307)
}
