/**
 * The files phase's texts (each figure's JSON, CSV, SVG and ZIP, /data/metrics.*) kept by their
 * content in the build's cache folder (`files/`), so that the build links each one into the
 * site instead of writing it, as it does for the PNGs. A publish changes a few figures, so
 * nearly every file is there from the build before; and on the disks builds run on here,
 * making a file with data costs many times what a link costs (docs/build.md, *Caches*).
 *
 * A stored file is never rewritten in place (built sites link it): a new one arrives whole, by
 * rename. The store keeps exactly the files of the last whole build.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface FileStore {
  /** The stored file holding exactly `bytes`, stored now when new; undefined with no cache folder, or when it cannot be stored. */
  fileOf(bytes: string | Uint8Array): string | undefined
  /** Removes every stored file the build did not ask for (call once the whole site's files are made). */
  prune(): void
}

/** The store under `cacheDir`, or one that stores nothing when the cache is off. */
export function fileStore(cacheDir: string | undefined): FileStore {
  const folder = cacheDir && join(cacheDir, 'files')
  const used = new Set<string>()
  return {
    fileOf(bytes) {
      if (!folder) return undefined
      const name = createHash('sha256').update(bytes).digest('hex')
      const file = join(folder, name)
      used.add(name)
      if (existsSync(file)) return file
      try {
        mkdirSync(folder, { recursive: true })
        // Whole, by rename, as write-file-atomic does; not with it: over tens of thousands of
        // files its own work per file (and the memory it kept) cost more than the writes. A
        // file left half-written by a killed build has a name of its own, which `prune` removes.
        const part = `${file}.${process.pid}.part`
        writeFileSync(part, bytes)
        renameSync(part, file)
        return file
      } catch {
        // A read-only checkout or a full disk: the file is written into the site instead.
        return undefined
      }
    },
    prune() {
      if (!folder || !existsSync(folder)) return
      for (const name of readdirSync(folder)) if (!used.has(name)) rmSync(join(folder, name), { force: true })
    },
  }
}
