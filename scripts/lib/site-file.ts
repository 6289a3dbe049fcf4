/**
 * Writing a file of the build's own (the open data files, build.json) into the folder Astro
 * rendered: one way for every such file, so each is kept inside the site and none silently
 * replaces a file Astro wrote.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { HintedError } from '../../src/content/content-error.ts'

/** Writes `bytes` at the site path `path` (`/data/x.csv`) under `siteDir`. */
export function writeSiteFile(siteDir: string, path: string, bytes: string | Uint8Array): void {
  const target = resolve(siteDir, `.${path}`)
  if (!target.startsWith(siteDir + sep)) {
    throw new HintedError(`The file ${path} would be written outside the site.`, 'Check the slugs of figures and groups: a slug is letters, digits and hyphens.', 'files.outside')
  }
  mkdirSync(dirname(target), { recursive: true })
  try {
    // Plain writes, not atomic ones: this is the build's own fresh folder, which replaces the
    // site only as a whole and only after every phase succeeded, so nobody reads a half file.
    // `wx`: a file Astro already wrote at that path is a clash to report, never to overwrite.
    writeFileSync(target, bytes, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new HintedError(
      `Astro already wrote ${relative(siteDir, target)}, a file the build writes itself.`,
      'Remove the page, route or file under src/pages/ or public/ that writes it.',
      'files.clash',
    )
  }
}
