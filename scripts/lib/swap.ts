import { cpSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

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
 * in, the old one deleted. Renames within one file system are atomic; when `finished` is on
 * another one, it is first copied next to `out`. If the second rename fails, the old folder
 * is put back, so `out` is either the old site or the new one, never a mix.
 */
export function swapInto(finished: string, out: string): void {
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
    rmSync(old, { recursive: true, force: true })
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
