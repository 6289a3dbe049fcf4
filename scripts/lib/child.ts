/**
 * Astro, run by the build, `npm run dev` and the preview server's build as a child process: its
 * memory is returned when it exits, and a script that is stopped can stop it. It runs in a
 * process group of its own, so stopping it also stops what it started. It is started under a
 * guard (tool-guard.mjs) that ends the group when the script dies, even by SIGKILL, when the
 * script cannot stop anything itself. (Pagefind has a lifeline of its own:
 * scripts/lib/search-index.ts.)
 */
import { spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HintedError } from '../../src/content/content-error.ts'

const running = new Set<number>()
const guard = join(dirname(fileURLToPath(import.meta.url)), 'tool-guard.mjs')

/** The script behind an npm bin link (`node_modules/.bin/<name>`), the command a package declares. */
export function packageBin(projectRoot: string, name: string): string {
  try {
    return realpathSync(join(projectRoot, 'node_modules', '.bin', name))
  } catch {
    throw new HintedError(`The ${name} command is not installed (no node_modules/.bin/${name}).`, 'Install the packages: npm ci.', 'build.tool-missing')
  }
}

export interface ToolRun {
  /** What the tool is, for messages: "Astro", "Pagefind". */
  name: string
  /** A JavaScript file run with this process's Node (so tools use the project's Node, not PATH's). */
  script: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** What to do when it exits with an error. */
  hint: string
  /**
   * For a tool started before its input is known good: its output is kept back until this
   * resolves; a tool stopped before then is never heard.
   */
  holdOutput?: Promise<void>
}

/** Runs a tool to the end; rejects with a {@link HintedError} when it cannot start or fails. */
export function runTool(tool: ToolRun): Promise<void> {
  return new Promise((resolveRun, reject) => {
    // stdin is the guard's life line: it closes when this process dies, and carries only `show`.
    // Held output passes through a pipe, which is plain unless asked: keep a terminal's colours.
    const colour = tool.holdOutput && process.stdout.isTTY && !tool.env.NO_COLOR && !tool.env.FORCE_COLOR ? { FORCE_COLOR: '1' } : {}
    const guardArgs = [guard, ...(tool.holdOutput ? ['--hold-output'] : []), tool.script, ...tool.args]
    const child = spawn(process.execPath, guardArgs, { cwd: tool.cwd, env: { ...tool.env, ...colour }, stdio: ['pipe', 'inherit', 'inherit'], detached: true })
    // The guard keeps the output (tool-guard.mjs says why there); `show` lets it through.
    void tool.holdOutput?.then(() => child.stdin?.write('show\n'))
    child.stdin?.on('error', () => {}) // the guard gone first: nothing to tell it
    if (child.pid) running.add(child.pid)
    child.on('error', (error) => reject(new HintedError(`Could not run ${tool.name}: ${error.message}.`, 'Reinstall the packages: npm ci.', 'build.tool-failed')))
    child.on('close', (code, signal) => {
      if (child.pid) running.delete(child.pid)
      if (code === 0) return resolveRun()
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`
      reject(
        new HintedError(`${tool.name} ${how}.`, signal === 'SIGKILL' ? 'It may have run out of memory; check the memory available to the build.' : tool.hint, 'build.tool-failed'),
      )
    })
  })
}

/** Stops every tool still running (the build was stopped), with everything it started. */
export function stopTools(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}
