import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Environment for a child process: this one's, minus every SANITY_* and content variable, plus `env`. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SANITY_') && key !== 'CONTENT_FILE' && key !== 'CONTENT_SNAPSHOT'),
  )
  return { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env }
}

/** Runs a TypeScript script with the Node running the tests (22) and tsx, from the project root. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<RunResult> {
  return run(process.execPath, ['--import', 'tsx', resolve(script), ...args], env, timeoutMs)
}

/** Runs a command (from the project root unless `cwd` is given) with a clean environment plus `env`; kills it after `timeoutMs`. */
export function run(command: string, args: string[], env: Record<string, string | undefined>, timeoutMs = 600_000, cwd = resolve('.')): Promise<RunResult> {
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
      resolvePromise({ code, stdout, stderr })
    })
  })
}
