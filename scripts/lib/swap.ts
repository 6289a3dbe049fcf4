import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { basename, dirname, join, relative, resolve } from 'node:path'

/**
 * Refuses an output folder that a swap would destroy by mistake: the project itself, one
 * of its ancestors, or a folder that holds a project (`package.json`, `.git`).
 */
export function assertSafeOutDir(out: string, projectRoot: string): void {
  const target = resolve(out)
  const root = resolve(projectRoot)
  const rel = relative(target, root)
  if (target === root || rel === '' || !rel.startsWith('..')) {
    throw new Error(`Refusing to build into ${target}: it is the project folder or contains it. Hint: use --out dist (the default) or another empty folder.`)
  }
  if (existsSync(target)) {
    if (!lstatSync(target).isDirectory()) throw new Error(`--out ${out} exists and is not a folder. Hint: remove it or choose another path.`)
    for (const marker of ['package.json', '.git']) {
      if (existsSync(join(target, marker))) {
        throw new Error(`Refusing to replace ${target}: it holds ${marker}, so it is not a build output. Hint: choose another --out.`)
      }
    }
  }
}

/**
 * Moves the finished site into `out`: the old folder is renamed aside, the new one renamed
 * in, the old one discarded. Renames within one file system are atomic; when `finished` is on
 * another one, it is first copied next to `out`. If the second rename fails, the old folder
 * is put back, so `out` is either the old site or the new one, never a mix.
 *
 * The old site is moved into `trash` if that folder is given and on the same file system
 * (deleted by the next build, see {@link emptyTrash}), else deleted here. Deleting 7,216 pages
 * and their folders took 5-6 s of a 30-35 s publish (x100, by hand with an existing output);
 * the next build does it while Astro runs in its own process, so nobody waits for it.
 */
export function swapInto(finished: string, out: string, trash?: string): void {
  const target = resolve(out)
  mkdirSync(dirname(target), { recursive: true })
  let source = resolve(finished)
  const tag = `${process.pid}-${Date.now()}`
  const staging = `${target}.new-${tag}`
  try {
    renameSync(source, staging)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    cpSync(source, staging, { recursive: true })
    rmSync(source, { recursive: true, force: true })
  }
  source = staging
  try {
    if (!existsSync(target)) {
      renameSync(source, target)
      return
    }
    const old = `${target}.old-${tag}`
    renameSync(target, old)
    try {
      renameSync(source, target)
    } catch (error) {
      renameSync(old, target)
      throw error
    }
    discard(old, trash)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/** Moves `old` into `trash` (a rename: same file system only), or deletes it now. */
function discard(old: string, trash: string | undefined): void {
  if (trash) {
    try {
      mkdirSync(trash, { recursive: true })
      renameSync(old, join(trash, basename(old)))
      return
    } catch {
      // Another file system, or no room for the folder: delete it now instead.
    }
  }
  rmSync(old, { recursive: true, force: true })
}

/**
 * Deletes what `trash` holds (old sites left by {@link swapInto}) in a worker thread, so the
 * build's own work (content, validation) goes on beside it. Only the entries there now: a
 * build running beside this one may be moving its old site in. Settles when all are gone;
 * rejects (naming the folder and the reason) if one could not be deleted.
 */
export async function emptyTrash(trash: string): Promise<void> {
  let entries: string[]
  try {
    entries = readdirSync(trash).map((name) => join(trash, name))
  } catch {
    return // no trash yet
  }
  if (entries.length === 0) return
  // A worker thread, not fs.promises.rm: that walks the tree with a callback per file on this
  // thread, which slowed validation from 1 s to 7 s at x100.
  const worker = new Worker(
    "const { rmSync } = require('node:fs'); for (const dir of require('node:worker_threads').workerData) rmSync(dir, { recursive: true, force: true, maxRetries: 2 })",
    { eval: true, workerData: entries },
  )
  await new Promise<void>((resolvePromise, reject) => {
    worker.once('error', (error) => reject(new Error(`Could not delete an old site in ${trash}: ${error.message}. Hint: delete the folder by hand; it is not part of any build.`)))
    worker.once('exit', () => resolvePromise())
  })
}
