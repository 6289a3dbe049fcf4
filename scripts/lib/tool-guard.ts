/**
 * Runs one build tool (Astro, Pagefind) and ends it, with everything it started, as soon as
 * the build that started it is gone, even when the build was killed with SIGKILL and could
 * not stop anything itself. Linux's prctl(PR_SET_PDEATHSIG) is not reachable from Node; a
 * pipe is: the build holds the write end of this process's stdin, and the kernel closes it
 * when the build dies, however it dies, so stdin ends here at once.
 *
 * Usage (scripts/lib/child.ts): `node tool-guard.ts <script> [args…]`, started as the leader
 * of a process group of its own; the tool and its children stay in that group, so ending the
 * group ends them all. The guard exits as the tool did (its code, or its signal).
 *
 * Runs on Node's own type stripping: node built-ins only.
 */
import { spawn } from 'node:child_process'

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('tool-guard: no script to run.')
  process.exit(2)
}

const tool = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] })

/** The build is gone: end this process group (the tool, what it started, and this guard). */
function buildGone(): void {
  try {
    process.kill(-process.pid, 'SIGKILL')
  } catch {
    // Not a group leader (started by hand): end the tool at least.
    tool.kill('SIGKILL')
    process.exit(1)
  }
}
process.stdin.on('end', buildGone)
process.stdin.on('error', buildGone)
process.stdin.resume()

tool.on('error', (error) => {
  console.error(`tool-guard: could not start ${script}: ${error.message}`)
  process.exit(127)
})
tool.on('exit', (code, signal) => {
  process.stdin.pause()
  process.stdin.removeListener('end', buildGone)
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
