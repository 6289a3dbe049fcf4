import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join, relative } from 'node:path'
import { projectRoot, run, type RunResult } from './live-run'
import { listFiles } from '../../scripts/lib/files'

/** Top-level entries a build does not need (or that another build would race on). */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', '.tmp', '.astro', 'test-results', 'bench'])

/**
 * Copies the project's working tree into `dest` (node_modules linked, not copied), so that
 * several builds compared with each other all see the same sources, even while other people
 * edit the shared checkout between two builds.
 */
export function snapshotProject(dest: string, root = projectRoot): string {
  mkdirSync(dest, { recursive: true })
  for (const name of readdirSync(root)) {
    if (NOT_COPIED.has(name)) continue
    cpSync(join(root, name), join(dest, name), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|dist|\.sanity)([/\\]|$)/.test(relative(root, src)),
    })
  }
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'), 'dir')
  return dest
}

/** Builds the site of the project in `cwd` into `out` with the given environment, as `npm run build -- --out <dir>` does. */
export async function buildSite(out: string, env: Record<string, string | undefined>, cwd = projectRoot): Promise<RunResult & { command: string }> {
  const path = `${join(cwd, 'node_modules/.bin')}:${process.env.PATH ?? ''}`
  const result = await run('npm', ['run', 'build', '--', '--out', out], { ...env, PATH: path }, 900_000, cwd)
  return { ...result, command: `npm run build -- --out ${out}` }
}

/** Files under `dir` whose bytes contain any of `needles`. */
export function filesContaining(dir: string, needles: string[]): string[] {
  const buffers = needles.filter(Boolean).map((n) => Buffer.from(n, 'utf8'))
  return listFiles(dir).filter((file) => {
    const bytes = readFileSync(join(dir, file))
    return buffers.some((b) => bytes.includes(b))
  })
}
export { listFiles }
