/**
 * Publishing a finished site: the output folder is replaced by renames, so it holds either the
 * old site or the new one, never a mix, and a failed build never touches it.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { HintedError } from '../../src/content/content-error.ts'

/**
 * Refuses an output folder that a swap would destroy by mistake: the project itself, one
 * of its ancestors, or a folder that holds a project (`package.json`, `.git`).
 */
export function assertSafeOutDir(out: string, projectRoot: string): void {
  const target = resolve(out)
  const rel = relative(target, resolve(projectRoot))
  if (rel === '' || !rel.startsWith('..')) {
    throw new HintedError(`Refusing to build into ${target}: it is the project folder or contains it.`, 'Use --out dist (the default) or another empty folder.', 'build.out-dir')
  }
  if (!existsSync(target)) return
  if (!lstatSync(target).isDirectory()) throw new HintedError(`--out ${out} exists and is not a folder.`, 'Remove it or choose another path.', 'build.out-dir')
  for (const marker of ['package.json', '.git']) {
    if (existsSync(join(target, marker))) {
      throw new HintedError(`Refusing to replace ${target}: it holds ${marker}, so it is not a build output.`, 'Choose another --out.', 'build.out-dir')
    }
  }
}

/**
 * Moves the finished site into `out`: the new folder is moved next to `out` (copied first
 * when it is on another file system), the old one renamed aside, the new one renamed in, the
 * old one deleted. If the second rename fails, the old folder is put back.
 */
export function swapInto(finished: string, out: string): void {
  const target = resolve(out)
  mkdirSync(dirname(target), { recursive: true })
  const tag = `${process.pid}-${Date.now()}`
  const staging = `${target}.new-${tag}`
  const old = `${target}.old-${tag}`
  try {
    try {
      renameSync(resolve(finished), staging)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      cpSync(resolve(finished), staging, { recursive: true })
    }
    if (!existsSync(target)) return renameSync(staging, target)
    renameSync(target, old)
    try {
      renameSync(staging, target)
    } catch (error) {
      renameSync(old, target)
      throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(old, { recursive: true, force: true })
  }
}
