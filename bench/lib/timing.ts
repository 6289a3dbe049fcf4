/**
 * Timing through existing tools: hyperfine for wall-time statistics (it runs, warms up and
 * summarizes; `--prepare` deletes outputs untimed), GNU time for what hyperfine 1.15 does not
 * record, peak memory.
 *
 * Every timed command runs as `/usr/bin/time -f %M -a -o <name>.rss <command>`: GNU time's %M
 * is the peak RSS of the largest process of the command's tree, one line per run. A build's
 * processes live side by side (the build script holds the content while its Astro child renders), so the cold
 * build, run once outside hyperfine, also samples the summed RSS of the whole tree.
 */
import { execFileSync, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const GNU_TIME = '/usr/bin/time'

export interface BenchCommand {
  name: string
  argv: string[]
  /** Shell command run untimed before each run (warm-up included). */
  prepare: string
}

/** hyperfine's statistics of one command (seconds) and the peak memory GNU time saw over its runs. */
export interface Timed {
  name: string
  median: number
  mean: number
  stddev: number
  min: number
  max: number
  times: number[]
  /** CPU seconds (mean per run) of the command's process tree. */
  user: number
  system: number
  peakRssBytes: number
}

/** Fails at once, with the fix, when hyperfine or GNU time is missing; returns hyperfine's version. */
export function requireTools(): string {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is missing: it measures peak memory. Install it: apt-get install -y time`)
  try {
    return execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('hyperfine is missing: it times every build. Install it: apt-get install -y hyperfine')
  }
}

/** A word for sh: single-quoted unless it is plainly safe. */
export const shellQuote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)
export const shellLine = (argv: readonly string[]): string => argv.map(shellQuote).join(' ')

/** The largest peak RSS in a GNU time `-f %M` file, bytes; lines that are not a number (a failed run's status) are skipped. */
export function parseMaxRss(text: string): number {
  const kb = text
    .split('\n')
    .filter((line) => /^\d+$/.test(line.trim()))
    .map(Number)
  if (kb.length === 0) throw new Error(`No peak RSS in GNU time's output: ${JSON.stringify(text)}`)
  return Math.max(...kb) * 1024
}

const ms = (s: number) => Math.round(s * 1000) / 1000

/** hyperfine's `--export-json` file, with each command's peak memory from `rss(name)`. */
export function parseHyperfine(json: string, rss: (name: string) => number): Timed[] {
  const { results } = JSON.parse(json) as {
    results: { command: string; mean: number; stddev: number | null; median: number; min: number; max: number; user: number; system: number; times: number[] }[]
  }
  return results.map((r) => ({
    name: r.command,
    median: ms(r.median),
    mean: ms(r.mean),
    stddev: ms(r.stddev ?? 0),
    min: ms(r.min),
    max: ms(r.max),
    times: r.times.map(ms),
    user: ms(r.user),
    system: ms(r.system),
    peakRssBytes: rss(r.command),
  }))
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stdio: 'inherit' | number },
  onStart?: (pid: number) => void,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', options.stdio, options.stdio] })
    if (child.pid) onStart?.(child.pid)
    child.on('error', reject)
    child.on('close', resolve)
  })
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '')

/**
 * Times the commands in one hyperfine invocation (all runs of the first, then the next, …),
 * each command's output going to `<dir>/<name>.log`. Throws with the failing command's log.
 */
export async function hyperfine(commands: BenchCommand[], options: { runs: number; warmup: number; dir: string; cwd: string; env: NodeJS.ProcessEnv }): Promise<Timed[]> {
  const file = (name: string, ext: string) => join(options.dir, `${name}.${ext}`)
  const json = join(options.dir, 'hyperfine.json')
  const args = ['--style', 'basic', '--runs', String(options.runs), '--warmup', String(options.warmup), '--export-json', json]
  for (const c of commands) {
    rmSync(file(c.name, 'rss'), { force: true })
    args.push('--prepare', c.prepare)
  }
  for (const c of commands) {
    const timed = [GNU_TIME, '-f', '%M', '-a', '-o', file(c.name, 'rss'), ...c.argv]
    args.push('-n', c.name, `${shellLine(timed)} > ${shellQuote(file(c.name, 'log'))} 2>&1`)
  }
  const code = await run('hyperfine', args, { cwd: options.cwd, env: options.env, stdio: 'inherit' })
  if (code !== 0) {
    // The command that failed wrote its log last.
    const logs = readdirSync(options.dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => join(options.dir, f))
    const last = logs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    throw new Error(`hyperfine exited with ${code}.${last ? ` The output of the failing command (${last}):\n${tail(last)}` : ''}`)
  }
  return parseHyperfine(readFileSync(json, 'utf8'), (name) => parseMaxRss(readFileSync(file(name, 'rss'), 'utf8')))
}

/** Summed RSS (bytes) of a process and its descendants now, from /proc. */
function treeRss(root: number): number {
  const procs = new Map<number, { ppid: number; rss: number }>()
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      procs.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 })
    } catch {
      // It ended while we looked.
    }
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    total += procs.get(pid)?.rss ?? 0
    for (const [child, p] of procs) if (p.ppid === pid) stack.push(child)
  }
  return total
}

/**
 * Runs a command once under GNU time (output to `log`) while sampling its tree's summed RSS
 * every 100 ms: wall seconds and peak memory, the larger of GNU time's largest process (exact)
 * and the sampled sum (which can miss a short spike).
 */
export async function runOnce(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<{ wall: number; peakBytes: number }> {
  const timeFile = `${options.log}.time`
  const out = openSync(options.log, 'w')
  let pid = 0
  let treePeak = 0
  const sampler = setInterval(() => pid && (treePeak = Math.max(treePeak, treeRss(pid))), 100)
  const code = await run(GNU_TIME, ['-f', '%e\n%M', '-o', timeFile, ...argv], { ...options, stdio: out }, (p) => (pid = p)).finally(() => {
    clearInterval(sampler)
    closeSync(out)
  })
  if (code !== 0) throw new Error(`${shellLine(argv)} exited with ${code}. Its output (${options.log}):\n${tail(options.log)}`)
  const [wall = '', rss = ''] = readFileSync(timeFile, 'utf8').trim().split('\n').slice(-2)
  return { wall: Number(wall), peakBytes: Math.max(parseMaxRss(rss), treePeak) }
}
