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
import { sameOriginPath } from '../redirect.ts'
import { previewServer } from '../server.ts'

export const prerender = false

const invalidLink = () =>
  errorPage(
    401,
    'This preview link is not valid · 預覽連結無效',
    'The preview secret in this link is wrong or has expired (a secret lasts one hour), so draft mode stays off and no draft is shown.',
    'Open the page again from the Presentation tool in the Studio: it makes a new secret each time.',
  )

export const GET: APIRoute = async ({ request, cookies, redirect }) => {
  const { env, content } = previewServer()
  let result
  try {
    result = await validatePreviewUrl(content.client, request.url)
  } catch (error) {
    // A pathname that is no URL at all fails the parse before any request: a bad link, not the API.
    if ((error as { code?: unknown }).code === 'ERR_INVALID_URL') return invalidLink()
    return contentErrorPage(describeApiError(error, { projectId: env.projectId, dataset: env.dataset, apiHost: env.apiHost }, 'preview secret check', [env.token]))
  }
  if (!result.isValid) return invalidLink()
  cookies.set(DRAFT_COOKIE, draftCookieValue(), draftCookieOptions)
  return redirect(sameOriginPath(result.redirectTo, request.url), 307)
}
