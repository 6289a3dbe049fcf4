/**
 * The files phase's texts (each figure's JSON, CSV, SVG and ZIP, /data/metrics.*) kept by their
 * content in the build's cache folder (`files/`), so that the build links each one into the
 * site instead of writing it, as it does for the PNGs. A publish changes a few figures, so
 * nearly every file is there from the build before; and on the disks builds run on here,
 * making a file with data costs many times what a link costs (docs/build.md, *Caches*). The
 * store keeps exactly the files of the last whole build.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts).
 */
import { join } from 'node:path'
import { cacheStore } from '../../src/open-data/cache-store.ts'
import { sha256 } from '../../src/utils/hash.ts'

/** A file's content, and what names it without reading it when there is such a name (a ZIP's entries). */
export interface StoredContent {
  bytes: string | Uint8Array
  key?: string
}

export interface FileStore {
  /**
   * The stored file holding exactly `file.bytes`, found by `file.key` (else by a hash of the
   * bytes) and stored now when new; undefined with no cache folder, or when it cannot be stored.
   */
  fileOf(file: StoredContent): string | undefined
  /** Removes every stored file the build did not ask for (call once the whole site's files are made). */
  prune(): void
}

/** The store under `cacheDir`, or one that stores nothing when the cache is off. */
export function fileStore(cacheDir: string | undefined): FileStore {
  const store = cacheStore(cacheDir && join(cacheDir, 'files'))
  const used = new Set<string>()
  return {
    fileOf(file) {
      if (!cacheDir) return undefined
      // A key of the content itself is the hash of its bytes; a given key is a hash of other things, never the same.
      const key = file.key ?? sha256(file.bytes)
      used.add(key)
      return store.find(key) ?? store.put(key, file.bytes)
    },
    prune: () => store.prune(used),
  }
}
