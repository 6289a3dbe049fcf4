/**
 * The listener of the fake Sanity API: `GET /v{apiVersion}/data/listen/{dataset}?query=…`, a
 * server-sent event stream as the Content Lake sends it: `welcome` when the stream opens,
 * then a `mutation` event for every change of a document the query matches (checked before
 * and after the change, with groq-js). Drafts are seen only with a token, as on the real API.
 */
import type { ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import { evaluate, parse } from 'groq-js'

interface StoredDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

interface Listener {
  res: ServerResponse
  query: string
  params: Record<string, unknown>
  withDrafts: boolean
  includeResult: boolean
}

const matches = async (listener: Listener, doc: StoredDocument | undefined) => {
  if (!doc) return false
  const result = await (await evaluate(parse(listener.query, { params: listener.params }), { dataset: [doc], params: listener.params })).get()
  return Array.isArray(result) ? result.length > 0 : Boolean(result)
}

export function createListeners() {
  const listeners = new Set<Listener>()
  return {
    /** How many streams are open. */
    get count() {
      return listeners.size
    },
    /** Opens a stream for one request; it stays open until the client or the server closes it. */
    open(res: ServerResponse, options: Omit<Listener, 'res'>) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      res.write(`event: welcome\ndata: ${JSON.stringify({ listenerName: randomBytes(8).toString('hex') })}\n\n`)
      const listener = { res, ...options }
      listeners.add(listener)
      res.on('close', () => listeners.delete(listener))
    },
    /** Sends a `mutation` event to every stream whose query matches a changed document. */
    async notify(before: Map<string, StoredDocument>, after: Map<string, StoredDocument>) {
      const ids = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id)).sort()
      const transactionId = randomBytes(11).toString('base64url')
      for (const listener of listeners) {
        for (const id of ids) {
          if (id.startsWith('drafts.') && !listener.withDrafts) continue
          const [was, is] = [before.get(id), after.get(id)]
          if (!(await matches(listener, was)) && !(await matches(listener, is))) continue
          const transition = !was ? 'appear' : !is ? 'disappear' : 'update'
          const event = {
            documentId: id,
            eventId: `${transactionId}#${id}`,
            transactionId,
            transition,
            identity: 'p-editor',
            mutations: [],
            previousRev: was?._rev,
            resultRev: is?._rev,
            timestamp: new Date().toISOString(),
            visibility: 'query',
            ...(listener.includeResult && is ? { result: is } : {}),
          }
          listener.res.write(`event: mutation\nid: ${event.eventId}\ndata: ${JSON.stringify(event)}\n\n`)
        }
      }
    },
    closeAll() {
      for (const listener of listeners) listener.res.end()
      listeners.clear()
    },
  }
}
