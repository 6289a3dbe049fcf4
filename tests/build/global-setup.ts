/**
 * Global setup of the build tests (tests/build/): builds the site ONCE per `npm test` run
 * with the real pipeline (`node scripts/build.ts --out .tmp/test-dist`, as `npm run build` runs it), and hands the folder
 * to every test file: `inject('distDir')`. The build's report is `inject('buildReport')`.
 *
 * `TEST_DIST_DIR=<dir>` reuses a site built before (no build; `buildReport` is then the
 * report next to it if there is one, else empty).
 *
 * The build reads the embedded dataset (CONTENT_FILE if set, as the tests do), never the
 * Content Lake, whatever SANITY_* variables the shell has.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site. */
    distDir: string
    /** Absolute path of that build's build-report.json ('' when reusing TEST_DIST_DIR without one). */
    buildReport: string
  }
}

const root = resolve(import.meta.dirname, '../..')

/**
 * The build's environment: the local dataset only, no snapshot from an outer build, and a
 * build cache of its own (a fresh folder: the tests' build is a cold one, and never reads or
 * writes the developer's cache).
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BUILD_CACHE_DIR: mkdtempSync(join(tmpdir(), 'test-dist-cache-')) }
  for (const name of ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_PERSPECTIVE', 'SANITY_API_HOST', 'SANITY_API_READ_TOKEN', 'CONTENT_SNAPSHOT', 'STRICT_I18N', 'BUILD_CACHE']) {
    delete env[name]
  }
  return env
}

export default async function setup(project: TestProject): Promise<void> {
  const reuse = process.env.TEST_DIST_DIR?.trim()
  if (reuse) {
    const dir = resolve(reuse)
    if (!existsSync(join(dir, 'index.html'))) {
      throw new Error(`TEST_DIST_DIR=${reuse} holds no built site (no index.html). Hint: build one with \`npm run build -- --out ${reuse}\`, or unset TEST_DIST_DIR.`)
    }
    const report = `${dir}.build-report.json`
    project.provide('distDir', dir)
    project.provide('buildReport', existsSync(report) ? report : '')
    return
  }

  const out = join(root, '.tmp/test-dist')
  const report = join(root, '.tmp/test-dist.build-report.json')
  const log = join(root, '.tmp/test-dist.build.log')
  mkdirSync(join(root, '.tmp'), { recursive: true })
  const started = performance.now()
  const code = await new Promise<number>((done, fail) => {
    // The same Node as Vitest (22, from the `node` devDependency), not whatever is on PATH.
    const child = spawn(process.execPath, ['scripts/build.ts', '--out', out, '--report', report], { cwd: root, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    const file = createWriteStream(log)
    child.stdout.pipe(file, { end: false })
    child.stderr.pipe(file, { end: false })
    child.on('error', fail)
    child.on('close', (status) => file.end(() => done(status ?? 1)))
  })
  const output = readFileSync(log, 'utf8')
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-40).join('\n')
    throw new Error(`The test build failed (exit ${code}); full log in ${log}:\n${tail}`)
  }
  const phaseLine = output.trim().split('\n').pop()
  console.log(`[build tests] site built into ${out} in ${((performance.now() - started) / 1000).toFixed(1)}s: ${phaseLine}`)
  project.provide('distDir', out)
  project.provide('buildReport', report)
}
