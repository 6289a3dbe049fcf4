/**
 * The preview server's middleware: each page request loads the content live (published, or
 * drafts with stega in draft mode), renders the page with those views (src/content/render-views.ts)
 * and that request's context (request-context.ts), and answers with headers for editors: never cached, never indexed,
 * framed only by the Studio. The API being down answers 503 with the reason and the fix.
 */
import { defineMiddleware } from 'astro:middleware'
import type { MiddlewareHandler } from 'astro'
import { locales } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { withViews } from '../content/render-views.ts'
import { pageAt } from '../page-model/index.ts'
import { DRAFT_COOKIE, isDraftCookie } from './draft-mode.ts'
import { draftIssues } from './draft-issues.ts'
import { throughGate } from './busy.ts'
import { contentErrorPage } from './error-page.ts'
import { withSecurityHeaders } from './headers.ts'
import { runInPreview } from './request-context.ts'
import { isOpenDataPath, openDataResponse } from './open-data-files.ts'
import { previewServer } from './server.ts'

const segments = new Set<string>(locales.map((l) => l.segment))

// Every response gets the security headers (headers.ts); pages render a few at a time (busy.ts).
export const onRequest = defineMiddleware(async (context, next) => {
  const { env, gate } = previewServer()
  const api = context.url.pathname.startsWith('/api/')
  return withSecurityHeaders(api ? await next() : await throughGate(gate, () => page(context, next)), env.studioUrl)
})

const page = async (...[context, next]: Parameters<MiddlewareHandler>): Promise<Response> => {
  const { content, dataAttribute } = previewServer()
  // Files (the open data: /data/metrics.csv, …) are the published data, never stega-marked drafts.
  const isFile = /\.[a-z0-9]+$/i.test(context.url.pathname)
  const draftMode = !isFile && isDraftCookie(context.cookies.get(DRAFT_COOKIE)?.value)
  let loaded
  try {
    loaded = await content.views(draftMode)
  } catch (error) {
    return contentErrorPage(error)
  }
  if (isOpenDataPath(context.url.pathname)) return openDataResponse(loaded.views, context.site, context.url.pathname)
  // A route such as /[lang]/… with a language the site does not have: the 404 page.
  const lang = context.params.lang
  const unknownLanguage = lang !== undefined && !segments.has(lang)
  // The drafts checked are those the page shows: its documents, as the page layer declares them,
  // and the site settings, whose title and footer every page shows.
  const shownPage = draftMode && !unknownLanguage ? pageAt(loaded.views, context.url.pathname) : undefined
  const shown = shownPage ? [singletons.siteSettings, ...shownPage.documents] : []
  const issues = shown.length > 0 ? await draftIssues(loaded.drafts, loaded.ids, shown, loaded.problems) : []
  const request = { draftMode, issues, dataAttribute: draftMode ? dataAttribute : undefined }
  return withViews(loaded.views, () =>
    runInPreview(request, async () => {
      const rendered = unknownLanguage ? await next('/404/') : await next()
      // Read here, inside the request's context: the page renders as its body is read.
      const body = await rendered.text()
      const headers = new Headers(rendered.headers)
      headers.set('cache-control', 'no-store')
      headers.set('x-robots-tag', 'noindex, nofollow')
      return new Response(body, { status: unknownLanguage ? 404 : rendered.status, headers })
    }),
  )
}
