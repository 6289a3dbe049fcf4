/**
 * Builds the Studio into `outDir` with `env` (`sanity build`): the Studio reads its settings
 * (project, site and preview addresses) at build time, so each browser test builds its own.
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './project'

export function buildStudio(outDir: string, env: NodeJS.ProcessEnv): void {
  rmSync(outDir, { recursive: true, force: true })
  const build = spawnSync(process.execPath, [join(projectRoot, 'node_modules/sanity/bin/sanity'), 'build', outDir, '--yes'], {
    cwd: join(projectRoot, 'studio'),
    env,
    encoding: 'utf8',
    timeout: 240_000,
  })
  if (build.status !== 0) throw new Error(`sanity build failed (${build.status}):\n${build.stdout}\n${build.stderr}`)
}
