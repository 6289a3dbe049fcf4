/**
 * The preview server's own error page (the API down, content it cannot show, a wrong preview
 * secret): a statement and the fix, in both languages' UI where it matters, all text escaped.
 */
import { HintedError } from '../content/content-error.ts'
import { ContentError } from '../content/content-error.ts'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function errorPage(status: number, title: string, message: string, hint: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2733}code{background:#eef2f6;padding:0 .25em}p.fix{border-inline-start:4px solid #0b5a87;padding-inline-start:.75rem}</style></head>
<body><main data-preview-error="${status}"><h1>${escape(title)}</h1><p>${escape(message)}</p><p class="fix"><strong>Fix:</strong> ${escape(hint)}</p></main></body></html>`
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
}

/** The page for an error met while loading the content. */
export function contentErrorPage(error: unknown): Response {
  if (error instanceof ContentError) {
    const { issue } = error
    return errorPage(
      500,
      'The content cannot be shown · 內容無法顯示',
      `${issue.documentId ? `${issue.documentId}${issue.field ? `, ${issue.field}` : ''}: ` : ''}${issue.message}`,
      issue.hint,
    )
  }
  if (error instanceof HintedError) {
    return errorPage(
      503,
      'Sanity cannot be reached · 無法連上 Sanity',
      `The preview could not load the content: ${error.message}`,
      `${error.hint} Reload this page when the API answers again.`,
    )
  }
  throw error
}
