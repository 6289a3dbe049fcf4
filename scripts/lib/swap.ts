/**
 * Publishing a finished site so that the output folder holds a whole site at every instant,
 * whatever stops the build: `dist` is a symbolic link to one finished build in `dist.builds/`,
 * and publishing replaces that link by renaming a new link over it. rename(2) of a link over
 * a link is atomic, so a reader (a server, a deploy step) sees the old site or the new one,
 * never neither; Linux's renameat2(RENAME_EXCHANGE), which could swap two real folders, is not
 * reachable from Node. A real `dist/` folder (made before this scheme) is turned into the link
 * the first time, with the one short gap that the old two-rename swap always had.
 *
 * Leftovers of builds that died (a `.new-` link, a build folder no link points at, a work
 * folder in .tmp/) are swept by the next build: only those whose owner pid no longer runs.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts): node built-ins only.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, type Stats } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { HintedError } from '../../src/content/content-error.ts'
import { isAlive } from './output-lock.ts'

/** The folder that holds the finished builds behind the `out` link: `<out>.builds`. */
export const buildsDir = (out: string): string => `${resolve(out)}.builds`

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

/** The build folder `out` links to (absolute), when `out` is a link made by the build. */
export function currentBuild(out: string): string | undefined {
  const target = resolve(out)
  if (!lstatOrUndefined(target)?.isSymbolicLink()) return undefined
  const dest = resolve(dirname(target), readlinkSync(target))
  return dirname(dest) === buildsDir(target) ? dest : undefined
}

/**
 * Refuses an output folder that publishing would destroy by mistake: the project itself, one
 * of its ancestors, a folder that holds a project (`package.json`, `.git`), or a link the
 * build did not make.
 */
export function assertSafeOutDir(out: string, projectRoot: string): void {
  const target = resolve(out)
  const rel = relative(target, resolve(projectRoot))
  if (rel === '' || !rel.startsWith('..')) {
    throw new HintedError(`Refusing to build into ${target}: it is the project folder or contains it.`, 'Use --out dist (the default) or another empty folder.', 'build.out-dir')
  }
  const stats = lstatOrUndefined(target)
  if (!stats) return
  if (stats.isSymbolicLink()) {
    if (currentBuild(target)) return
    throw new HintedError(
      `--out ${out} is a symbolic link to ${readlinkSync(target)}, which the build did not make: publishing replaces the link.`,
      `Pass the folder itself as --out, or remove the link; the build makes ${basename(target)} a link into ${basename(buildsDir(target))}/ itself.`,
      'build.out-dir',
    )
  }
  if (!stats.isDirectory()) throw new HintedError(`--out ${out} exists and is not a folder.`, 'Remove it or choose another path.', 'build.out-dir')
  for (const marker of ['package.json', '.git']) {
    if (existsSync(join(target, marker))) {
      throw new HintedError(`Refusing to replace ${target}: it holds ${marker}, so it is not a build output.`, 'Choose another --out.', 'build.out-dir')
    }
  }
}

/** A finished site in `<out>.builds/<id>` with a new link to it beside `out`, ready to flip. */
export interface StagedSite {
  out: string
  dir: string
  link: string
}

/**
 * Step one: moves the finished site into `<out>.builds/<id>` (copied when it is on another
 * file system) and makes the new link `<out>.new-<pid>` to it. `out` is not touched; a build
 * that dies here leaves leftovers that the next build sweeps.
 */
export function stageSite(finished: string, out: string, id: string): StagedSite {
  const target = resolve(out)
  const dir = join(buildsDir(target), id)
  mkdirSync(buildsDir(target), { recursive: true })
  try {
    renameSync(resolve(finished), dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    cpSync(resolve(finished), dir, { recursive: true })
  }
  const link = `${target}.new-${process.pid}`
  rmSync(link, { force: true }) // a leftover of a dead process that had our pid
  // Relative, so the project folder can be moved or mounted elsewhere.
  symlinkSync(relative(dirname(target), dir), link, 'dir')
  return { out: target, dir, link }
}

/**
 * Step two: the new link replaces `out` in one rename, then the build it replaced is removed.
 * A real folder at `out` (the first build under this scheme) is moved into `<out>.builds/`
 * first; if the link cannot take its place, it is put back.
 */
export function flipSite(staged: StagedSite): void {
  const { out, link } = staged
  const previous = currentBuild(out)
  const stats = lstatOrUndefined(out)
  if (stats && !stats.isSymbolicLink()) {
    const migrated = join(buildsDir(out), `migrated-${Date.now()}-${process.pid}`)
    renameSync(out, migrated)
    try {
      renameSync(link, out)
    } catch (error) {
      renameSync(migrated, out)
      throw error
    }
    rmSync(migrated, { recursive: true, force: true })
    return
  }
  renameSync(link, out)
  if (previous && previous !== staged.dir) rmSync(previous, { recursive: true, force: true })
}

/** Both steps at once (tests and callers that need no pause between them). */
export function swapInto(finished: string, out: string, id = `build-${Date.now()}-${process.pid}`): void {
  flipSite(stageSite(finished, out, id))
}

/** The pid that starts a leftover's name after its prefix (`.new-1234`, `.old-1234-<time>`). */
const leadingPid = (rest: string): number => Number(/^(\d+)/.exec(rest)?.[1])
/** The pid that ends a build or work folder's name (`build-<time>-1234`). */
const trailingPid = (name: string): number => Number(/-(\d+)$/.exec(name)?.[1])
const deadOwner = (pid: number): boolean => pid === process.pid || !isAlive(pid)

/**
 * Removes what builds that died left behind: `<out>.new-*` links and `<out>.old-*` folders
 * (the swap before links), build folders in `<out>.builds/` that `out` does not point at, and
 * `build-*` work folders in `tmpDir`; never anything whose owner still runs. When `out` itself
 * is missing (a build killed in the middle of an older swap), a whole site left beside it is
 * put back first. Call it holding the output lock. Returns the paths removed or restored.
 */
export function sweepLeftovers(out: string, tmpDir: string): string[] {
  const target = resolve(out)
  const parent = dirname(target)
  const prefix = basename(target)
  const swept: string[] = []
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true })
    swept.push(path)
  }
  const beside = existsSync(parent) ? readdirSync(parent) : []
  for (const kind of ['.new-', '.old-', '.lock.stale-']) {
    for (const name of beside.filter((n) => n.startsWith(prefix + kind))) {
      const path = join(parent, name)
      if (!deadOwner(leadingPid(name.slice(prefix.length + kind.length)))) continue
      // A `.new-` link points at a whole, finished build; an `.old-` folder is the previous site.
      if (kind !== '.lock.stale-' && !lstatOrUndefined(target) && existsSync(join(path, 'index.html'))) {
        renameSync(path, target)
        swept.push(`${path} (restored as ${target})`)
        continue
      }
      remove(path)
    }
  }
  const current = currentBuild(target)
  const builds = buildsDir(target)
  for (const name of existsSync(builds) ? readdirSync(builds) : []) {
    const path = join(builds, name)
    if (path !== current && deadOwner(trailingPid(name))) remove(path)
  }
  for (const name of existsSync(tmpDir) ? readdirSync(tmpDir).filter((n) => n.startsWith('build-')) : []) {
    if (deadOwner(trailingPid(name))) remove(join(tmpDir, name))
  }
  return swept
}
