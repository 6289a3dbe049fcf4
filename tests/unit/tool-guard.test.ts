/**
 * The guard every build tool runs under (scripts/lib/tool-guard.mjs), as the build starts it:
 * its own process group, the build holding its stdin. With `--hold-output` (Astro, started
 * while the content is still checked) the tool's output is kept until the build says `show`,
 * and none of it is lost however slowly it is read; a build that dies takes the tool with it,
 * unheard.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { projectFile } from '../support/project'

const scratch = mkdtempSync(join(tmpdir(), 'tool-guard-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const LINES = 4_000
/**
 * A tool that prints far more than a pipe holds (400 KB), at a pace a reader that keeps up can
 * follow, as Astro prints a line per page; notes that it is done; ends with process.exit, as
 * Astro does, which drops whatever it could not yet write.
 */
const chatty = join(scratch, 'chatty.mjs')
writeFileSync(
  chatty,
  [
    "import { writeFileSync } from 'node:fs'",
    `for (let i = 0; i < ${LINES}; i++) {`,
    "  console.log('line ' + i + ' ' + 'x'.repeat(90))",
    '  if (i % 20 === 19) await new Promise((r) => setTimeout(r, 1))',
    '}',
    "console.error('to stderr')",
    'writeFileSync(process.argv[2], String(process.pid))',
    'process.exit(Number(process.argv[3] ?? 0))',
  ].join('\n'),
)

/** The guard running the chatty tool, its output collected only from when `read()` is called. */
function guarded(flags: string[], exitCode = 0) {
  const done = join(scratch, `done-${Math.random().toString(36).slice(2)}`)
  const child = spawn(process.execPath, [projectFile('scripts/lib/tool-guard.mjs'), ...flags, chatty, done, String(exitCode)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout.pause()
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))
  const toolDone = async () => {
    while (!existsSync(done)) await new Promise((r) => setTimeout(r, 20))
  }
  const read = () => {
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stdout.resume()
  }
  return { child, closed, toolDone, read, out: () => ({ stdout, stderr }) }
}

const lines = (text: string) => text.split('\n').filter(Boolean)

describe('scripts/lib/tool-guard.mjs --hold-output', () => {
  it('shows nothing until the build says show, then every line in order, though nobody read while the tool printed', async () => {
    const run = guarded(['--hold-output'])
    await run.toolDone()
    // The tool has printed everything and exited; nobody has read a byte yet.
    await new Promise((r) => setTimeout(r, 300))
    expect(run.out().stderr).toBe('')
    run.read()
    await new Promise((r) => setTimeout(r, 100))
    expect(run.out().stdout).toBe('')
    run.child.stdin.write('show\n')
    expect(await run.closed).toEqual({ code: 0, signal: null })
    const shown = lines(run.out().stdout)
    expect(shown).toHaveLength(LINES)
    expect(shown[0]).toMatch(/^line 0 x/)
    expect(shown.at(-1)).toMatch(new RegExp(`^line ${LINES - 1} x`))
    expect(run.out().stderr).toBe('to stderr\n')
  })

  it('a tool that failed before show: its output still shows, then the guard exits with its code', async () => {
    const run = guarded(['--hold-output'], 3)
    run.read()
    await run.toolDone()
    await new Promise((r) => setTimeout(r, 200))
    expect(run.child.exitCode).toBeNull() // waiting for the build
    run.child.stdin.write('show\n')
    expect((await run.closed).code).toBe(3)
    expect(lines(run.out().stdout)).toHaveLength(LINES)
  })

  it('the build gone before show: the tool and the guard end, and nothing is heard', async () => {
    const run = guarded(['--hold-output'])
    run.read()
    await run.toolDone()
    run.child.stdin.end()
    expect((await run.closed).signal).toBe('SIGKILL')
    expect(run.out()).toEqual({ stdout: '', stderr: '' })
  })
})

describe('scripts/lib/tool-guard.mjs', () => {
  it('without --hold-output, the tool prints straight through', async () => {
    const run = guarded([])
    run.read()
    expect(await run.closed).toEqual({ code: 0, signal: null })
    expect(lines(run.out().stdout)).toHaveLength(LINES)
  })
})
