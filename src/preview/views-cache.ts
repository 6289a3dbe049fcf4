/**
 * The views the preview server renders from, kept per perspective for as long as the content
 * has not changed: building them (the whole site query, stega in draft mode, then the views)
 * costs far more than rendering one page, so concurrent and later requests share one load.
 *
 * An entry is for one content revision (changes.ts: the listener counts every change); a
 * change, a reconnect or a lost listener starts a new one. `ttlMs` is the safety net for a
 * change the listener did not report. Loads of the same revision share one promise, and a
 * load made while the listener is not connected is shared only while it runs.
 */
import type { ContentRevision } from './changes.ts'

export interface ViewsCacheOptions {
  /** The longest an entry is used, whatever the listener says. */
  ttlMs: number
  now?: () => number
}

interface Entry<T> {
  revision: number
  at: number
  value: Promise<T>
}

export function cachedLoads<K, T>(load: (key: K) => Promise<T>, current: () => ContentRevision, options: ViewsCacheOptions): (key: K) => Promise<T> {
  const now = options.now ?? Date.now
  const entries = new Map<K, Entry<T>>()
  return (key) => {
    const { revision, live } = current()
    const entry = entries.get(key)
    if (entry && entry.revision === revision && now() - entry.at < options.ttlMs) return entry.value
    const fresh: Entry<T> = { revision, at: now(), value: load(key) }
    entries.set(key, fresh)
    const forget = () => {
      if (entries.get(key) === fresh) entries.delete(key)
    }
    // A failure is never kept: the next request tries again.
    fresh.value.then(() => live || forget(), forget)
    return fresh.value
  }
}
