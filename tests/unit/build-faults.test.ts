/**
 * The build under faults, run as processes on the small fixture (tests/fixtures/):
 * - SIGKILL of the build while Astro renders: Astro (a child under its guard) is gone within
 *   seconds, checked by pid, and the output still holds the old site;
 * - SIGKILL between staging the new site and the flip (the window widened by the test hook
 *   BUILD_TEST_PAUSE_BEFORE_SWAP_MS): the output still resolves to the old, whole site;
 * - the next build sweeps what the killed ones left (work folders, a stale lock, a staged link
 *   and build folder), the output resolves to a whole site at every instant of it, and a
 *   second build started meanwhile is refused with the first one's pid and the fix;
 * - an output folder whose parent is read-only is refused before the content phase;
 * - an API that answers HTML or cut-off JSON with status 200 is named as such, not read as
 *   a dataset without siteSettings;
 * and, directly: file-system errors as hinted errors, the lock, and the first flip of a real
 * output folder into a link.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { assertWritable, describeFsError } from '../../scripts/lib/fs-errors'
import { acquireOutputLock } from '../../scripts/lib/output-lock'
import { swapInto, sweepLeftovers } from '../../scripts/lib/swap'
import { HintedError } from '../../src/content/content-error'
import { baseDataset } from '../fixtures/base'
import { startFakeSanityServer } from '../support/fake-sanity-server'
import { childEnv, projectRoot, run, runScript } from '../support/live-run'

const smallDataset = fileURLToPath(new URL('../fixtures/valid-small.ndjson', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'build-faults-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const tmpDir = join(projectRoot, '.tmp')

interface RunningBuild {
  child: ChildProcessWithoutNullStreams
  output: () => string
  /** Resolves when the output matches `pattern` (fails after `ms`). */
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>
  closed: Promise<number | null>
}

/** Starts `node scripts/build.ts --out <out>` on the small fixture, its output captured. */
function startBuild(out: string, env: Record<string, string> = {}): RunningBuild {
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.ts'), '--out', out, '--report', `${out}-report.json`], {
    cwd: projectRoot,
    env: childEnv({ CONTENT_FILE: smallDataset, ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout.on('data', (c: Buffer) => (text += c.toString()))
  child.stderr.on('data', (c: Buffer) => (text += c.toString()))
  const closed = new Promise<number | null>((done) => child.on('close', done))
  const waitFor = async (pattern: RegExp, ms = 120_000) => {
    const deadline = Date.now() + ms
    while (!pattern.test(text) && Date.now() < deadline && child.exitCode === null) await sleep(25)
    expect(text, `never printed ${pattern}`).toMatch(pattern)
  }
  return { child, output: () => text, waitFor, closed }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Live (not zombie) processes whose command line contains every one of `parts`. */
function processesWith(...parts: string[]): number[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        const state = /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1]
        return state !== 'Z' && parts.every((part) => cmdline.includes(part))
      } catch {
        return false
      }
    })
    .map(Number)
}

/** A whole old site behind `out` as the build leaves it: `out` a link into `out.builds/`. */
function linkedOldSite(out: string): void {
  const dir = join(`${out}.builds`, 'build-old-1')
  mkdirSync(join(dir, 'en'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>old site</title>')
  writeFileSync(join(dir, 'en/index.html'), '<!doctype html><title>old en</title>')
  symlinkSync('out.builds/build-old-1', out)
}

const oldSiteShown = (out: string) => readFileSync(join(out, 'index.html'), 'utf8').includes('old site')

describe('scripts/build.ts killed, and the build after it', () => {
  const site = join(scratch, 'kill')
  const out = join(site, 'out')
  mkdirSync(site, { recursive: true })
  linkedOldSite(out)
  const killed: number[] = []

  it('SIGKILL while Astro renders: Astro is gone within seconds, the old site stays', async () => {
    const build = startBuild(out)
    await build.waitFor(/\[build\]/)
    const pid = build.child.pid!
    const astros = processesWith('astro', `-${pid}/site`)
    expect(astros.length, 'no Astro process of this build found').toBeGreaterThan(0)
    build.child.kill('SIGKILL')
    await build.closed
    killed.push(pid)
    const deadline = Date.now() + 5_000
    while (astros.some((p) => processesWith(`-${pid}/site`).includes(p)) && Date.now() < deadline) await sleep(50)
    expect(processesWith(`-${pid}/site`)).toEqual([])
    expect(oldSiteShown(out)).toBe(true)
    expect(readFileSync(`${out}.lock`, 'utf8').trim()).toBe(String(pid)) // left behind: no handler runs on SIGKILL
  })

  it('SIGKILL between staging the new site and the flip: the output still resolves to the old, whole site', async () => {
    const build = startBuild(out, { BUILD_TEST_PAUSE_BEFORE_SWAP_MS: '60000' })
    await build.waitFor(/\(test hook\) pausing/)
    const pid = build.child.pid!
    expect(lstatSync(`${out}.new-${pid}`).isSymbolicLink()).toBe(true)
    build.child.kill('SIGKILL')
    await build.closed
    killed.push(pid)
    expect(oldSiteShown(out)).toBe(true)
    expect(readdirSync(`${out}.builds`)).toEqual(expect.arrayContaining(['build-old-1', expect.stringMatching(new RegExp(`-${pid}$`))]))
  })

  it('the next build sweeps the leftovers, keeps a whole site at every instant, and refuses a second build meanwhile', async () => {
    const build = startBuild(out, { BUILD_TEST_PAUSE_BEFORE_SWAP_MS: '6000' })
    const samples: boolean[] = []
    let polling = true
    const poll = (async () => {
      while (polling) {
        samples.push(existsSync(join(out, 'index.html')))
        await sleep(5)
      }
    })()
    await build.waitFor(/\(test hook\) pausing/)
    const second = await runScript('scripts/build.ts', ['--out', out, '--report', join(site, 'second.json')], { CONTENT_FILE: smallDataset })
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`Another build (pid ${build.child.pid}) is writing`)
    expect(second.stderr).toMatch(/Fix: Wait for it to finish, or stop it \(kill \d+\)/)
    expect(second.stdout).not.toMatch(/^content /m) // refused before the content phase

    expect(await build.closed, build.output().slice(-3000)).toBe(0)
    polling = false
    await poll
    expect(samples.length).toBeGreaterThan(100)
    expect(samples.every(Boolean), 'the output did not resolve to a site at some instant').toBe(true)
    expect(build.output()).toMatch(/Swept what stopped builds left: /)
    for (const pid of killed) {
      expect(readdirSync(tmpDir).filter((n) => n.endsWith(`-${pid}`))).toEqual([])
      expect(existsSync(`${out}.new-${pid}`)).toBe(false)
    }
    expect(oldSiteShown(out)).toBe(false)
    expect(readdirSync(`${out}.builds`)).toEqual([realpathSync(out).split('/').pop()]) // only the current build
    expect(readdirSync(site).sort()).toEqual(['out', 'out-report.json', 'out.builds', 'second.json'])
  })
})

describe('scripts/build.ts refuses what it cannot write, before building', () => {
  it('a read-only output parent: exit 1 before the content phase, naming the folder and the fix', async () => {
    const dir = join(scratch, 'ro')
    mkdirSync(join(dir, 'parent'), { recursive: true })
    chmodSync(scratch, 0o755)
    chmodSync(dir, 0o777)
    chmodSync(join(dir, 'parent'), 0o555)
    // root writes anywhere: run the build as nobody so the permission counts.
    const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath]
    const result = await run(asUser[0]!, [...asUser.slice(1), join(projectRoot, 'scripts/build.ts'), '--out', join(dir, 'parent/dist'), '--report', join(dir, 'report.json')], {
      CONTENT_FILE: smallDataset,
    })
    expect(result.code, result.stdout + result.stderr).toBe(1)
    const parent = join(dir, 'parent')
    expect(result.stderr).toContain(`Cannot write the folder that holds the output, ${parent}: No permission to write ${parent}.`)
    expect(result.stderr).toMatch(/Fix: Make it writable for the user running the build/)
    expect(result.stdout.trim().split('\n').pop()).toMatch(/^total \d+\.\ds$/) // no phase ran
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ ok: false, error: { code: 'build.not-writable' } })
  })
})

describe('an API that answers something other than its JSON (status 200)', () => {
  const cases = [
    {
      name: 'an HTML page',
      raw: '<!doctype html><html><head><title>Proxy Authentication Required</title></head><body>Log in</body></html>',
      contentType: 'text/html',
      expected: 'the API answered HTML, not JSON: a page titled "Proxy Authentication Required"',
    },
    { name: 'JSON cut off', raw: '{"ms":3,"result":{"settings":{"_id":"siteSet', contentType: 'application/json', expected: 'the API answered malformed JSON (' },
  ]
  for (const { name, raw, contentType, expected } of cases) {
    it(`${name}: the diagnosis names it, not a missing siteSettings document`, async () => {
      const server = await startFakeSanityServer({ projectId: 'faultproj', dataset: 'production', documents: baseDataset() })
      try {
        server.failNext(100, { status: 200, raw, contentType }, 'query')
        const result = await runScript('scripts/build.ts', ['--check'], { SANITY_PROJECT_ID: 'faultproj', SANITY_DATASET: 'production', SANITY_API_HOST: server.url })
        const all = result.stdout + result.stderr
        expect(result.code, all).toBe(1)
        expect(all).toContain(expected)
        expect(all).toMatch(/Fix: (Something other than Sanity answered|The answer was cut off on the way)/)
        expect(all).not.toMatch(/no published siteSettings/)
      } finally {
        await server.close()
      }
    })
  }
})

describe('build helpers under faults', () => {
  const errno = (code: string, path: string) => Object.assign(new Error(`${code}: failed, write '${path}'`), { code, path, syscall: 'write' })

  it('file-system errors become hinted errors that name the path and the fix', () => {
    const full = describeFsError(errno('ENOSPC', '/srv/site/dist.builds/b/index.html'))!
    expect(full).toBeInstanceOf(HintedError)
    expect(full).toMatchObject({ code: 'build.fs-enospc', message: 'The disk is full: no space left to write /srv/site/dist.builds/b/index.html.' })
    expect(full.hint).toMatch(/Free space on the disk that holds .* or build on another disk with --out/)
    expect(describeFsError(errno('EIO', '/srv/x'))).toMatchObject({
      code: 'build.fs-eio',
      message: expect.stringContaining('input/output error (EIO) while writing /srv/x'),
      hint: expect.stringMatching(/df -h/),
    })
    expect(describeFsError(errno('EROFS', '/mnt/ro/dist'))).toMatchObject({ message: '/mnt/ro/dist is on a read-only file system.', hint: expect.stringContaining('--out') })
    expect(describeFsError(errno('EACCES', '/srv/y'))).toMatchObject({ message: 'No permission to write /srv/y.', hint: expect.stringContaining('ls -ld /srv/y') })
    expect(describeFsError(Object.assign(new Error('EIO'), { code: 'EIO' }), '/given/path')?.message).toContain('/given/path')
    expect(describeFsError(new Error('plain'))).toBeUndefined()
    expect(describeFsError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeUndefined()
  })

  it('assertWritable names the folder it cannot write', () => {
    const file = join(scratch, 'a-file')
    writeFileSync(file, '')
    expect(() => assertWritable(join(file, 'sub'), 'the work folder')).toThrow(
      expect.objectContaining({ code: 'build.not-writable', message: expect.stringContaining(`Cannot write the work folder ${join(file, 'sub')}`) }),
    )
    expect(() => assertWritable(join(scratch, 'fine/deep'), 'the work folder')).not.toThrow()
    expect(readdirSync(join(scratch, 'fine/deep'))).toEqual([]) // the probe is removed
  })

  it('the output lock: a live owner refuses, a dead owner is taken over, release removes it', () => {
    const out = join(scratch, 'locked/dist')
    mkdirSync(join(scratch, 'locked'), { recursive: true })
    writeFileSync(`${out}.lock`, `${process.ppid}\n`) // a live process, not this one
    expect(() => acquireOutputLock(out, 'dist')).toThrow(
      expect.objectContaining({ code: 'build.locked', message: expect.stringContaining(`Another build (pid ${process.ppid}) is writing dist`) }),
    )
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!
    writeFileSync(`${out}.lock`, `${dead}\n`)
    const lock = acquireOutputLock(out, 'dist')
    expect(readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid))
    expect(() => lock.assertHeld()).not.toThrow()
    lock.release()
    expect(existsSync(`${out}.lock`)).toBe(false)
    expect(readdirSync(join(scratch, 'locked'))).toEqual([])
  })

  it("the sweep removes only dead builds' leftovers, and puts a whole staged site back when the output is missing", () => {
    const root = join(scratch, 'sweep')
    const out = join(root, 'dist')
    const work = join(root, 'tmp')
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    const live = process.ppid
    for (const pid of [dead, live]) {
      mkdirSync(join(`${out}.builds`, `build-t-${pid}`), { recursive: true })
      mkdirSync(join(work, `build-t-${pid}`), { recursive: true })
    }
    writeFileSync(join(`${out}.builds`, `build-t-${dead}`, 'index.html'), 'staged')
    symlinkSync(`dist.builds/build-t-${dead}`, `${out}.new-${dead}`) // killed right before the flip of a first build
    mkdirSync(`${out}.old-${dead}-1`) // the swap before links
    const swept = sweepLeftovers(out, work)
    expect(lstatSync(out).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('staged')
    expect(swept).toEqual(expect.arrayContaining([`${out}.new-${dead} (restored as ${out})`, `${out}.old-${dead}-1`, join(work, `build-t-${dead}`)]))
    expect(readdirSync(`${out}.builds`).sort()).toEqual([`build-t-${dead}`, `build-t-${live}`].sort())
    expect(readdirSync(work)).toEqual([`build-t-${live}`])
    expect(readdirSync(root).sort()).toEqual(['dist', 'dist.builds', 'tmp'])
  })

  it('the first publish turns a real output folder into a link, and later ones flip the link', () => {
    const out = join(scratch, 'migrate/dist')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'index.html'), 'old')
    const fresh = (text: string) => {
      const dir = mkdtempSync(join(scratch, 'fresh-'))
      writeFileSync(join(dir, 'index.html'), text)
      return dir
    }
    swapInto(fresh('one'), out, 'build-a-1')
    expect(lstatSync(out).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('one')
    swapInto(fresh('two'), out, 'build-b-1')
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('two')
    expect(readdirSync(join(scratch, 'migrate')).sort()).toEqual(['dist', 'dist.builds'])
    expect(readdirSync(join(scratch, 'migrate/dist.builds'))).toEqual(['build-b-1'])
  })
})
