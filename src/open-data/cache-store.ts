/**
 * A folder of files in the build's cache, one per key, that a build links into the site instead
 * of writing: the PNGs by their input (png.ts), the other files to take away by their content
 * (scripts/lib/file-store.ts). A file here is never rewritten in place, since built sites link
 * it: a new one arrives whole, by rename. Not with write-file-atomic: over tens of thousands of
 * files its own work per file, and the memory it kept, cost more than the writes.
 *
 * Node built-ins only: it runs in the build script and in Astro's render alike.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface CacheStore {
  /** The stored file of `key`, if there is one. */
  find(key: string): string | undefined
  /** Stores `bytes` under `key`; returns the file, or undefined when it could not be stored. */
  put(key: string, bytes: string | Uint8Array): string | undefined
  /** Removes every stored file but those of `keep`, and what a killed build left half-written. */
  prune(keep: ReadonlySet<string>): void
}

/** The store in `folder` (none when the cache is off: it finds and stores nothing), its files named `{key}{extension}`. */
export function cacheStore(folder: string | undefined, extension = ''): CacheStore {
  const path = (key: string) => join(folder!, `${key}${extension}`)
  return {
    find: (key) => (folder && existsSync(path(key)) ? path(key) : undefined),
    put(key, bytes) {
      if (!folder) return undefined
      try {
        mkdirSync(folder, { recursive: true })
        // Named by this process, so two builds sharing the cache never write one file together.
        const part = `${path(key)}.${process.pid}.part`
        writeFileSync(part, bytes)
        renameSync(part, path(key))
        return path(key)
      } catch {
        // A read-only checkout or a full disk: the caller writes the bytes itself.
        return undefined
      }
    },
    prune(keep) {
      if (!folder || !existsSync(folder)) return
      for (const name of readdirSync(folder)) {
        if (!(name.endsWith(extension) && keep.has(name.slice(0, name.length - extension.length)))) rmSync(join(folder, name), { force: true })
      }
    },
  }
}
