/**
 * Changes to the content, from one Sanity listener (server side, with the token): fanned out
 * to every open draft-mode page, and counted as the content revision the server's views cache
 * is keyed by (views-cache.ts). A page hears only that something changed and fetches itself
 * again (client/visual-editing.ts); no document content or token goes down this channel.
 */
import type { SanityClient } from '@sanity/client'
import { documentTypes } from '../../schemas/index.ts'

type Listener = (change: { documentId: string }) => void

/** What the server knows of the content: a number that changes with it, and whether it can know. */
export interface ContentRevision {
  revision: number
  /** True while the listener is connected: only then does an unchanged revision mean unchanged content. */
  live: boolean
}

const LISTEN_QUERY = '*[_type in $types]'

export type ChangeHub = ReturnType<typeof createChangeHub>

export function createChangeHub(client: SanityClient) {
  const listeners = new Set<Listener>()
  let subscription: { unsubscribe(): void } | undefined
  const state: ContentRevision = { revision: 0, live: false }
  // Every event that may hide a change (a new connection, a reconnect, an error) is a new revision.
  const bump = (live: boolean) => {
    state.revision += 1
    state.live = live
  }
  const start = () => {
    subscription = client
      .listen(
        LISTEN_QUERY,
        { types: [...documentTypes] },
        { events: ['welcome', 'mutation', 'reconnect'], includeResult: false, includePreviousRevision: false, visibility: 'query' },
      )
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome') return bump(true)
          if (event.type === 'reconnect') return bump(false)
          if (event.type !== 'mutation') return
          // The revision first: a page told of the change must not be served the views from before it.
          bump(state.live)
          for (const listener of listeners) listener({ documentId: event.documentId })
        },
        // The client reconnects by itself; a listener that gave up is started again by the next call.
        error: () => {
          subscription = undefined
          bump(false)
        },
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
          bump(false)
        }
      }
    },
    /** The content revision as the listener last saw it (restarting a listener that gave up). */
    revision(): ContentRevision {
      if (!subscription && listeners.size > 0) start()
      return { ...state }
    },
  }
}
