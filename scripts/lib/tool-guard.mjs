/**
 * Runs one build tool (Astro, Pagefind) and ends it, with everything it started, as soon as
 * the build that started it is gone, even when the build was killed with SIGKILL and could
 * not stop anything itself. Linux's prctl(PR_SET_PDEATHSIG) is not reachable from Node; a
 * pipe is: the build holds the write end of this process's stdin, and the kernel closes it
 * when the build dies, however it dies, so stdin ends here at once.
 *
 * With `--hold-output`, what the tool prints is kept here until the build writes `show` on
 * that pipe (its input turned out good). The guard holds it, not the build: the build's main
 * thread can be busy for seconds, and a tool whose pipe is full queues its writes and loses
 * them when it exits; this process does nothing else and always reads.
 *
 * Usage (scripts/lib/child.ts): `node tool-guard.mjs [--hold-output] <script> [args…]`, started
 * as the leader of a process group of its own; the tool and its children stay in that group,
 * so ending the group ends them all. The guard exits as the tool did (its code, or its signal).
 *
 * Plain JavaScript, checked by TypeScript through its JSDoc: the guard starts before its tool,
 * so it is on the way of every build, and Node's type stripping would take longer to start
 * than the guard itself. Node built-ins only.
 */
// @ts-check
import { spawn } from 'node:child_process'

const argv = process.argv.slice(2)
const hold = argv[0] === '--hold-output'
const [script, ...args] = hold ? argv.slice(1) : argv
if (!script) {
  console.error('tool-guard: no script to run.')
  process.exit(2)
}

const output = hold ? 'pipe' : 'inherit'
const tool = spawn(process.execPath, [script, ...args], { stdio: ['ignore', output, output] })

/** Chunks kept back until the build says `show`; undefined once shown. @type {[NodeJS.WritableStream, Buffer][] | undefined} */
let held = hold ? [] : undefined
/** @param {NodeJS.ReadableStream | null} from @param {NodeJS.WritableStream} to */
const relay = (from, to) => from?.on('data', (/** @type {Buffer} */ chunk) => (held ? held.push([to, chunk]) : to.write(chunk)))
relay(tool.stdout, process.stdout)
relay(tool.stderr, process.stderr)

/** The build is gone: end this process group (the tool, what it started, and this guard). */
function buildGone() {
  try {
    process.kill(-process.pid, 'SIGKILL')
  } catch {
    // Not a group leader (started by hand): end the tool at least.
    tool.kill('SIGKILL')
    process.exit(1)
  }
}
/** Set when the tool ended while its output was held: the guard ends once it is shown. */
/** @type {(() => void) | undefined} */
let endWhenShown
process.stdin.on('data', (/** @type {Buffer} */ message) => {
  if (!held || !message.toString().includes('show')) return
  for (const [to, chunk] of held) to.write(chunk)
  held = undefined
  endWhenShown?.()
})
process.stdin.on('end', buildGone)
process.stdin.on('error', buildGone)
process.stdin.resume()

tool.on('error', (error) => {
  console.error(`tool-guard: could not start ${script}: ${error.message}`)
  process.exit(127)
})
// `close`, not `exit`: the tool's output has all been read by then. A tool that failed before
// its output may show waits here, so the build can still show why.
tool.on('close', (code, signal) => {
  const end = () => {
    process.stdin.removeListener('end', buildGone)
    process.stdin.destroy()
    if (signal) process.kill(process.pid, signal)
    // Not process.exit(): what is still being written to a pipe would be lost.
    else process.exitCode = code ?? 1
  }
  if (held) endWhenShown = end
  else end()
})
