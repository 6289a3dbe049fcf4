/**
 * Writing the build's own files (the open data files, build.json): into a folder of their own
 * while Astro renders the pages, then moved in beside the pages. One way for every such file,
 * so each is kept inside the site and none silently replaces another or a file Astro wrote.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts).
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { HintedError } from '../../src/content/content-error.ts'

/** Writes `bytes` at the site path `path` (`/data/x.csv`) under `dir`. */
export function writeSiteFile(dir: string, path: string, bytes: string | Uint8Array): void {
  // Plain writes, not atomic ones: this is the build's own fresh folder, which replaces the
  // site only as a whole and only after every phase succeeded, so nobody reads a half file.
  // `wx`: a second file at the same path is a mistake to report, never to overwrite.
  put(dir, path, (target) => writeFileSync(target, bytes, { flag: 'wx' }))
}

/**
 * Puts the file `from` (in the build's cache, never rewritten in place) at the site path `path`
 * under `dir`: a hard link, which costs a name and no bytes, or a copy where the two cannot
 * share one (another disk).
 */
export function linkSiteFile(dir: string, path: string, from: string): void {
  put(dir, path, (target) => {
    try {
      linkSync(from, target)
    } catch (error) {
      if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
      copyFileSync(from, target, constants.COPYFILE_EXCL)
    }
  })
}

/** Checks `path` stays in `dir`, makes its folder, and puts the file there with `make`. */
function put(dir: string, path: string, make: (target: string) => void): void {
  const target = resolve(dir, `.${path}`)
  if (!target.startsWith(dir + sep)) {
    throw new HintedError(`The file ${path} would be written outside the site.`, 'Check the slugs of figures and groups: a slug is letters, digits and hyphens.', 'files.outside')
  }
  try {
    makeInFolder(target, make)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new HintedError(`The build made two files at ${relative(dir, target)}.`, 'Give each figure, group and page a slug of its own.', 'files.twice')
  }
}

/** Makes the file; its folder is made only when it is missing, the first time (a build writes thousands of files into a few folders). */
function makeInFolder(target: string, make: (target: string) => void): void {
  try {
    make(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(dirname(target), { recursive: true })
    make(target)
  }
}

const clash = (path: string) =>
  new HintedError(`Astro already wrote ${path}, a file the build writes itself.`, 'Remove the page, route or file under src/pages/ or public/ that writes it.', 'files.clash')

/**
 * Moves every file under `from` to the same place under `siteDir` (the files the build wrote
 * while Astro rendered, which empties its own folder first): a folder Astro has not made moves
 * whole, in one rename. A file Astro wrote at the same path is a clash, never replaced.
 */
export function moveInto(from: string, siteDir: string, path = ''): void {
  for (const entry of readdirSync(join(from, path), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = join(path, entry.name)
    const target = join(siteDir, name)
    if (!existsSync(target)) renameSync(join(from, name), target)
    else if (entry.isDirectory()) moveInto(from, siteDir, name)
    else throw clash(name)
  }
}
