/**
 * `GET /api/preview/events`: server-sent events for a page in draft mode, one `change` event
 * per changed document (its id only), from the server's Sanity listener (changes.ts). Pages
 * without the draft-mode cookie get 401.
 */
import type { APIRoute } from 'astro'
import { DRAFT_COOKIE, isDraftCookie } from '../draft-mode.ts'
import { previewServer } from '../server.ts'

export const prerender = false

export const GET: APIRoute = ({ cookies, request }) => {
  if (!isDraftCookie(cookies.get(DRAFT_COOKIE)?.value)) return new Response('Draft mode is off.', { status: 401 })
  const hub = previewServer().content.changes
  const encoder = new TextEncoder()
  // A page that leaves ends the stream twice: the adapter cancels it and the request aborts,
  // in either order. Only the first may touch the controller; a second close would throw
  // outside any handler and end the server.
  let closed = false
  let stop = () => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text))
      }
      send('retry: 1000\n\n')
      const unsubscribe = hub.subscribe(({ documentId }) => send(`event: change\ndata: ${JSON.stringify({ documentId })}\n\n`))
      // A comment now and then keeps proxies from closing a quiet stream.
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), 25_000)
      stop = () => {
        if (closed) return
        closed = true
        clearInterval(keepAlive)
        unsubscribe()
      }
      request.signal.addEventListener('abort', () => {
        if (closed) return
        stop()
        controller.close()
      })
    },
    cancel: () => stop(),
  })
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' } })
}
