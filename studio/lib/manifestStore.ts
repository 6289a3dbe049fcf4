import { Observable } from 'rxjs'
import { BUILD_MANIFEST_PATH, parseBuildManifest } from '../../schemas/build-manifest'
import type { ManifestState } from './siteStatus'

/**
 * The site's build.json as the Studio knows it: one store per site URL, shared by every open
 * document's badge and the Presentation tool's locations. It fetches at most once per
 * `maxAgeMs` (a minute), and again every minute while anything listens, so a rebuild shows
 * within a minute and many open documents cost one request. No Sanity, no React: the tests
 * drive it with their own `fetch` and clock.
 */

export const MANIFEST_MAX_AGE_MS = 60_000

export interface ManifestStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): ManifestState
  /** The state, now and on every change (for the Presentation tool's resolvers). */
  state$: Observable<ManifestState>
}

export interface ManifestStoreOptions {
  fetch?: typeof globalThis.fetch
  now?: () => number
  maxAgeMs?: number
  timeoutMs?: number
}

/** Reads build.json once: the manifest, or what went wrong, in words an editor can act on. */
async function readManifest(url: string, fetchFn: typeof globalThis.fetch, timeoutMs: number): Promise<ManifestState> {
  try {
    // no-store: the browser's cache must not hide a newer build (the host sends no-cache too).
    const response = await fetchFn(url, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) return { status: 'error', error: `${url} answered HTTP ${response.status}.` }
    const parsed = parseBuildManifest(await response.json())
    return 'manifest' in parsed ? { status: 'ok', manifest: parsed.manifest } : { status: 'error', error: `${url}: ${parsed.error}` }
  } catch (error) {
    return { status: 'error', error: `${url} could not be read (${(error as Error).message}).` }
  }
}

export function createManifestStore(siteUrl: string, options: ManifestStoreOptions = {}): ManifestStore {
  const url = `${siteUrl.replace(/\/+$/, '')}${BUILD_MANIFEST_PATH}`
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis)
  const now = options.now ?? Date.now
  const maxAge = options.maxAgeMs ?? MANIFEST_MAX_AGE_MS
  const timeoutMs = options.timeoutMs ?? 15_000
  let state: ManifestState = { status: 'loading' }
  let fetchedAt = Number.NEGATIVE_INFINITY
  let pending = false
  let timer: ReturnType<typeof setInterval> | undefined
  const listeners = new Set<() => void>()

  // The timer's own tick is a minute after the last; anything else reads only when the copy is older than that.
  const refresh = (tick = false) => {
    if (pending || (!tick && now() - fetchedAt < maxAge)) return
    pending = true
    fetchedAt = now()
    void readManifest(url, fetchFn, timeoutMs).then((next) => {
      pending = false
      // A new object on every read, so "N minutes ago" is worked out again each minute.
      state = next
      for (const listener of listeners) listener()
    })
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    refresh()
    timer ??= setInterval(() => refresh(true), maxAge)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && timer) {
        clearInterval(timer)
        timer = undefined
      }
    }
  }
  const getSnapshot = () => state
  const state$ = new Observable<ManifestState>((subscriber) => {
    subscriber.next(state)
    return subscribe(() => subscriber.next(state))
  })
  return { subscribe, getSnapshot, state$ }
}

const stores = new Map<string, ManifestStore>()

/** The one store of a site URL (every badge and resolver of the Studio shares it). */
export function manifestStoreFor(siteUrl: string): ManifestStore {
  let store = stores.get(siteUrl)
  if (!store) {
    store = createManifestStore(siteUrl)
    stores.set(siteUrl, store)
  }
  return store
}
