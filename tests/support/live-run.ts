import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { projectFile, projectRoot } from './project'

export { projectRoot }

/** One build cache folder per test process: builds in tests never touch the developer's cache. */
let testCache: string | undefined
export function testCacheDir(): string {
  return (testCache ??= mkdtempSync(`${tmpdir()}/test-build-cache-`))
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  /** The process id it ran as (a build names its temporary folder after it). */
  pid: number
}

/**
 * Environment for a child process: this one's, minus every SANITY_*, content, cache and
 * strictness variable, plus a build cache of the tests' own, plus `env`.
 */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const dropped = new Set(['CONTENT_FILE', 'CONTENT_SNAPSHOT', 'CONTENT_SNAPSHOT_PENDING', 'STRICT_I18N', 'BUILD_CACHE', 'BUILD_CACHE_DIR'])
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_') && !dropped.has(key)))
  return { ...base, ASTRO_TELEMETRY_DISABLED: '1', BUILD_CACHE_DIR: testCacheDir(), ...env }
}

/** Runs one of the project's scripts (`scripts/x.ts`) on the Node running the tests (22), as its npm script does. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<RunResult> {
  return run(process.execPath, [projectFile(script), ...args], env, timeoutMs)
}

/** Runs a command (from the project root unless `cwd` is given) with a clean environment plus `env`; kills it after `timeoutMs`. */
export function run(command: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 600_000, cwd = projectRoot): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so a timeout ends the whole tree (a build's Astro and Pagefind
    // children too, which would otherwise run on and keep the pipes open).
    const child = spawn(command, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL') // the group is gone already
      }
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr, pid: child.pid! })
    })
  })
}
