/**
 * `GET /api/draft-mode/enable?sanity-preview-secret=…&sanity-preview-pathname=…`: the
 * Presentation tool's way in. The secret it made is checked with Sanity's own
 * `validatePreviewUrl` (one query, with the server's token); only then is the draft-mode
 * cookie set and the editor sent to the page. A wrong or expired secret gets 401, never drafts.
 */
import type { APIRoute } from 'astro'
import { validatePreviewUrl } from '@sanity/preview-url-secret'
import { describeApiError } from '../../content/source/errors.ts'
import { DRAFT_COOKIE, draftCookieOptions, draftCookieValue } from '../draft-mode.ts'
import { contentErrorPage, errorPage } from '../error-page.ts'
import { previewServer } from '../server.ts'

export const prerender = false

/** A path on this server: anything else (another origin, `//host`) goes to the root. */
export function samePath(to: string | undefined): string {
  return to && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : '/'
}

export const GET: APIRoute = async ({ request, cookies, redirect }) => {
  const { env, content } = previewServer()
  let result
  try {
    result = await validatePreviewUrl(content.client, request.url)
  } catch (error) {
    return contentErrorPage(describeApiError(error, { projectId: env.projectId, dataset: env.dataset, apiHost: env.apiHost }, 'preview secret check', [env.token]))
  }
  if (!result.isValid) {
    return errorPage(
      401,
      'This preview link is not valid · 預覽連結無效',
      'The preview secret in this link is wrong or has expired (a secret lasts one hour), so draft mode stays off and no draft is shown.',
      'Open the page again from the Presentation tool in the Studio: it makes a new secret each time.',
    )
  }
  cookies.set(DRAFT_COOKIE, draftCookieValue(), draftCookieOptions)
  return redirect(samePath(result.redirectTo), 307)
}
