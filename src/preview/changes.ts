/**
 * Changes to the content, for open draft-mode pages: one Sanity listener (server side, with
 * the token) while at least one page listens, fanned out to every page. A page hears only
 * that something changed and fetches itself again (client/visual-editing.ts); no document
 * content or token goes down this channel.
 */
import type { SanityClient } from '@sanity/client'
import { documentTypes } from '../../schemas/index.ts'

type Listener = (change: { documentId: string }) => void

const LISTEN_QUERY = '*[_type in $types]'

export function createChangeHub(client: SanityClient) {
  const listeners = new Set<Listener>()
  let subscription: { unsubscribe(): void } | undefined
  const start = () => {
    subscription = client
      .listen(LISTEN_QUERY, { types: [...documentTypes] }, { events: ['mutation'], includeResult: false, includePreviousRevision: false, visibility: 'query' })
      .subscribe({
        next: (event) => {
          if (event.type !== 'mutation') return
          for (const listener of listeners) listener({ documentId: event.documentId })
        },
        // The client reconnects by itself; a listener that gave up is started again by the next page.
        error: () => (subscription = undefined),
      })
  }
  return {
    /** Calls `listener` on every change until the returned function is called. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener)
      if (!subscription) start()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          subscription?.unsubscribe()
          subscription = undefined
        }
      }
    },
  }
}
