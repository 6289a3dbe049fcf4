/**
 * Runs one command as a separate process tree and measures it as a whole:
 * wall time, CPU time (user + sys of the process and every descendant it waited for)
 * and peak memory.
 *
 * - Wall, user, sys and the largest single process's max RSS come from GNU time
 *   (`/usr/bin/time -f`), which reads the kernel's rusage of the reaped children
 *   (`wait4`): every descendant's CPU time is counted, and `%M` is the peak RSS of the
 *   largest process of the tree.
 * - Processes that run at the same time (e.g. Pagefind's binary next to Node) add up; a
 *   sampler sums the RSS of the whole tree from /proc every {@link SAMPLE_MS} ms and keeps
 *   the peak. It can miss a spike shorter than the interval, so both numbers are kept and
 *   the larger one is the "peak memory" the budget is checked against.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parsePhaseLine } from './stats'

export const GNU_TIME = '/usr/bin/time'
const SAMPLE_MS = 100

export interface Measurement {
  /** Seconds, whole process, from spawn to exit. */
  wall: number
  /** Seconds of user + sys CPU time of the whole tree. */
  cpu: number
  user: number
  sys: number
  /** Peak RSS of the largest process of the tree, bytes (GNU time `%M`). */
  maxRssBytes: number
  /** Peak of the summed RSS of all processes of the tree, bytes (sampled). */
  treeRssBytes: number
  /** The larger of the two: what the memory budget is checked against. */
  peakBytes: number
  /** The phase timing line the build printed last, if any. */
  phases?: Record<string, number>
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Echo the command's output while it runs. */
  echo?: boolean
  /** Milliseconds before the process tree is killed and the run fails. */
  timeoutMs?: number
}

/** Throws with the fix when GNU time is missing. */
export function assertGnuTime(): void {
  if (!existsSync(GNU_TIME)) {
    throw new Error(
      `${GNU_TIME} (GNU time) is missing: the benchmark measures every build with it. ` +
        'Hint: apt-get install -y time (CI: .ci/run installs it).',
    )
  }
}

/** Parent pid of every process, from /proc/<pid>/stat (field 4). */
function processTable(): Map<number, { ppid: number; rssPages: number }> {
  const table = new Map<number, { ppid: number; rssPages: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // After the name: state(3) ppid(4) ... rss(24) -> indexes 0, 1, ..., 21.
      table.set(Number(name), { ppid: Number(fields[1]), rssPages: Number(fields[21]) })
    } catch {
      // The process ended while we looked.
    }
  }
  return table
}

/** Summed RSS (bytes) of a process and all its descendants, now. */
export function treeRss(root: number, pageSize = 4096): number {
  const table = processTable()
  const children = new Map<number, number[]>()
  for (const [pid, p] of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid])
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    total += (table.get(pid)?.rssPages ?? 0) * pageSize
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Parses the `-f '%e %U %S %M'` line GNU time writes to its `-o` file. */
export function parseGnuTime(text: string): { wall: number; user: number; sys: number; maxRssKb: number } {
  const line = text.trim().split('\n').pop() ?? ''
  const m = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)$/.exec(line.trim())
  if (!m) throw new Error(`Unexpected GNU time output: ${JSON.stringify(text)}`)
  return { wall: Number(m[1]), user: Number(m[2]), sys: Number(m[3]), maxRssKb: Number(m[4]) }
}

/** Runs `command args` under GNU time and the RSS sampler; rejects with its output when it fails. */
export async function measure(command: string, args: readonly string[], options: RunOptions): Promise<Measurement> {
  assertGnuTime()
  // Untimed: write out what earlier builds (and the untimed deletes) left in the page cache,
  // so this build does not pay for the last one's disk writes. A floor run right after a site
  // build would otherwise start under the site's writeback, and the ratio would flatter the site.
  execFileSync('sync', { stdio: 'ignore' })
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'))
  const timeFile = join(dir, 'time.txt')
  const started = process.hrtime.bigint()
  const child = spawn(GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, '--', command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a timeout can end the whole tree
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d
    if (options.echo) process.stdout.write(d)
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d
    if (options.echo) process.stderr.write(d)
  })
  let treePeak = 0
  const sample = () => {
    if (child.pid) treePeak = Math.max(treePeak, treeRss(child.pid))
  }
  const sampler = setInterval(sample, SAMPLE_MS)
  let timedOut = false
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      }, options.timeoutMs)
    : undefined
  const code: number | null = await new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (c) => resolve(c))
  })
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  clearInterval(sampler)
  if (timer) clearTimeout(timer)
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : ''
  rmSync(dir, { recursive: true, force: true })
  if (code !== 0 || timedOut) {
    const tail = (s: string) => s.split('\n').slice(-40).join('\n')
    throw new Error(
      `${[command, ...args].join(' ')} ${timedOut ? `timed out after ${options.timeoutMs} ms` : `exited with ${code}`} (in ${options.cwd}).\n` +
        `--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`,
    )
  }
  // GNU time prints "Command exited with non-zero status" lines first on failure; the last line is ours.
  const t = parseGnuTime(timeText)
  const maxRssBytes = t.maxRssKb * 1024
  return {
    // %e has 10 ms resolution; our own clock includes GNU time's tiny overhead. Use GNU time's.
    wall: t.wall || elapsed,
    cpu: t.user + t.sys,
    user: t.user,
    sys: t.sys,
    maxRssBytes,
    treeRssBytes: treePeak,
    peakBytes: Math.max(maxRssBytes, treePeak),
    phases: parsePhaseLine(stdout) ?? parsePhaseLine(stderr),
    stdout,
    stderr,
  }
}
