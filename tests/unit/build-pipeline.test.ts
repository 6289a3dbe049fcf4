/**
 * The all-or-nothing build (scripts/build.ts) and `npm run content:validate`
 * (scripts/content-validate.ts), run as processes the way npm runs them:
 * - invalid content: exit 1, the report names document, field and fix, and an existing
 *   output folder is left byte for byte as it was, with no temporary folder left behind;
 * - valid content: the site lands in the output folder (old files gone), with a search
 *   index, a build report with phase timings, and the phase line printed last.
 *
 * The builds use the small fixtures (tests/fixtures/), not content/dataset.ndjson, so they
 * do not depend on the real dataset's size. The swap helpers (and the trash the old site goes
 * to, deleted by the next build) are tested directly.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { assertSafeOutDir, emptyTrash, swapInto } from '../../scripts/lib/swap'
import { redact, secretValues } from '../../scripts/lib/redact'
import { Phases } from '../../scripts/lib/phases'
import { checkContent } from '../../scripts/lib/content-check'
import { createLocalSource } from '../../src/content/source'
import { datasetWith, writeNdjson } from '../fixtures/base'

const root = resolve(__dirname, '../..')
const fixtures = join(root, 'tests/fixtures')
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs')
const scratch = mkdtempSync(join(tmpdir(), 'build-pipeline-'))

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface Run {
  code: number
  stdout: string
  stderr: string
  pid: number
}

/** Runs a script with the Node running the tests (22), like `npm run` does, with a clean content environment. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const name of ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_API_READ_TOKEN', 'CONTENT_SNAPSHOT']) delete childEnv[name]
  if (!('STRICT_I18N' in env)) delete childEnv.STRICT_I18N
  return new Promise((done, fail) => {
    // The build runs on Node's own type stripping, as `npm run build` runs it; the other
    // scripts run under tsx, as their npm scripts do.
    const command = script === 'scripts/build.ts' ? [script, ...args] : [tsx, script, ...args]
    const child = spawn(process.execPath, command, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr, pid: child.pid! }))
  })
}

/** Every file under `dir` with a hash of its bytes, and every folder: a fingerprint of the tree. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name)
      const rel = relative(dir, full)
      if (statSync(full).isDirectory()) {
        out[`${rel}/`] = 'dir'
        walk(full)
      } else {
        out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex')
      }
    }
  }
  walk(dir)
  return out
}

/** An existing, dist-like output folder. */
function oldSite(dir: string): Record<string, string> {
  mkdirSync(join(dir, 'en/policy'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>old site</title>')
  writeFileSync(join(dir, 'en/policy/index.html'), '<!doctype html><title>old policy</title>\n')
  writeFileSync(join(dir, 'old-only.txt'), 'only in the old build')
  return fingerprint(dir)
}

/** Temporary build folders a run with this pid left in .tmp/. */
const leftovers = (pid: number) => (existsSync(join(root, '.tmp')) ? readdirSync(join(root, '.tmp')).filter((n) => n.startsWith('build-') && n.endsWith(`-${pid}`)) : [])

const lastLine = (text: string) => text.trim().split('\n').pop() ?? ''
const PHASE_LINE = /^content \d+\.\ds · validate \d+\.\ds · .*total \d+\.\ds/

describe('npm run content:validate', () => {
  it('a malformed NDJSON line: exit 1, the file, the line number, the parse error and the fix', async () => {
    const file = join(fixtures, 'malformed.ndjson')
    const run = await runScript('scripts/content-validate.ts', [], { CONTENT_FILE: file })
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toContain(`${file}:4`)
    expect(run.stdout).toMatch(/this line is not valid JSON \(.+\)/)
    expect(run.stdout).toMatch(/Fix: each line must hold one whole JSON document/)
  }, 300_000)

  it('a missing translation: listed, exit 0; exit 1 with STRICT_I18N=1', async () => {
    const file = writeNdjson(
      join(scratch, 'missing-translation.ndjson'),
      datasetWith((_docs, byId) => {
        delete (byId('glossaryTerm-five-plus-two').definition as Record<string, unknown>).zhTW
      }),
    )
    const [lenient, strict] = await Promise.all([
      runScript('scripts/content-validate.ts', [], { CONTENT_FILE: file }),
      runScript('scripts/content-validate.ts', [], { CONTENT_FILE: file, STRICT_I18N: '1' }),
    ])
    for (const run of [lenient, strict]) {
      expect(run.stdout).toMatch(/glossaryTerm-five-plus-two \(glossaryTerm\) · definition\.zhTW · missing zh-TW/)
      expect(run.stdout).toMatch(/Fix: Add the Traditional Chinese text of "definition"/)
      expect(lastLine(run.stdout)).toMatch(PHASE_LINE)
    }
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0)
    expect(strict.code, strict.stdout + strict.stderr).toBe(1)
    expect(strict.stdout).toMatch(/fatal with STRICT_I18N=1/)
  }, 300_000)
})

describe('scripts/build.ts', () => {
  it('invalid content: exit 1, nothing rendered, the output folder untouched, no temporary folder left', async () => {
    const out = join(scratch, 'dist-invalid')
    const before = oldSite(out)
    const reportFile = join(scratch, 'invalid-report.json')
    const run = await runScript('scripts/build.ts', ['--out', out, '--report', reportFile], { CONTENT_FILE: join(fixtures, 'dangling-reference.ndjson') })

    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(fingerprint(out)).toEqual(before)
    expect(leftovers(run.pid)).toEqual([])
    expect(run.stdout).toContain('industry-cybersecurity (industry) · metrics[2]')
    expect(run.stdout).toContain('refers to "metric-x", which does not exist')
    expect(run.stdout).toMatch(/Fix: Point the reference at an existing document/)
    expect(run.stderr).toMatch(/Build failed in validate/)
    // Astro starts next to validation (it waits for the content snapshot) and is stopped when
    // validation fails: nothing it rendered reaches the output, and its folder is gone.
    expect(run.stdout).not.toMatch(/\[build\] Complete!/)
    expect(lastLine(run.stdout)).toMatch(PHASE_LINE)
    expect(lastLine(run.stdout)).toMatch(/\(failed in validate\)$/)

    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    expect(report).toMatchObject({ ok: false, failedPhase: 'validate', source: { kind: 'local' } })
    expect(report.errors).toEqual([expect.objectContaining({ documentId: 'industry-cybersecurity', documentType: 'industry', field: 'metrics[2]', code: 'reference.missing' })])
    expect(Object.keys(report.phases)).toEqual(['content', 'validate', 'total'])
  }, 600_000)

  it('valid content: the new site replaces the old output, with a search index, a report and the phase line', async () => {
    const out = join(scratch, 'dist-valid')
    oldSite(out)
    // An old site an earlier build left in the trash: this build deletes it (or a build running
    // beside it does; either way it is gone once the build has finished).
    const planted = join(root, '.tmp', 'trash', `dist.old-test-${process.pid}`)
    oldSite(planted)
    const reportFile = join(scratch, 'valid-report.json')
    const run = await runScript('scripts/build.ts', ['--out', out, '--report', reportFile], { CONTENT_FILE: join(fixtures, 'valid-small.ndjson') })

    expect(run.code, run.stdout.slice(-4000) + run.stderr.slice(-4000)).toBe(0)
    expect(existsSync(planted)).toBe(false)
    expect(existsSync(join(out, 'old-only.txt'))).toBe(false)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('old site')
    expect(existsSync(join(out, 'en/index.html'))).toBe(true)
    expect(existsSync(join(out, 'zh-tw/index.html'))).toBe(true)
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true)
    expect(readdirSync(join(out, 'pagefind')).some((n) => n.startsWith('pagefind-entry'))).toBe(true)
    expect(leftovers(run.pid)).toEqual([])
    expect(readdirSync(scratch).filter((n) => n.startsWith('dist-valid.'))).toEqual([]) // no .old-/.new- folders
    expect(lastLine(run.stdout)).toMatch(/^content \d+\.\ds · validate \d+\.\ds · pages \d+\.\ds · search \d+\.\ds · swap \d+\.\ds · total \d+\.\ds$/)

    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    expect(report).toMatchObject({ ok: true, failedPhase: null, source: { kind: 'local', description: expect.stringContaining('valid-small.ndjson') } })
    expect(Object.keys(report.phases)).toEqual(['content', 'validate', 'pages', 'search', 'swap', 'total'])
    for (const seconds of Object.values(report.phases)) expect(seconds).toBeGreaterThanOrEqual(0)
    expect(report.counts.documents).toBe(11)
    expect(report.counts.pages).toBeGreaterThan(5)
    expect(report.counts.searchPages).toBeGreaterThan(0)
    expect(report.errors).toEqual([])
    expect(report.missingTranslations).toEqual([])
  }, 900_000)
})

describe('build helpers', () => {
  it('swapInto replaces a folder and leaves nothing beside it', () => {
    const out = join(scratch, 'swap/dist')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'old.txt'), 'old')
    const fresh = join(scratch, 'swap/fresh')
    mkdirSync(fresh, { recursive: true })
    writeFileSync(join(fresh, 'new.txt'), 'new')
    swapInto(fresh, out)
    expect(readdirSync(out)).toEqual(['new.txt'])
    expect(readdirSync(join(scratch, 'swap'))).toEqual(['dist'])
    // Into a folder that does not exist yet.
    const fresh2 = join(scratch, 'swap/fresh2')
    mkdirSync(fresh2)
    swapInto(fresh2, join(scratch, 'swap/nested/dist'))
    expect(existsSync(join(scratch, 'swap/nested/dist'))).toBe(true)
  })

  it('swapInto with a trash folder: the old site is moved there whole, nothing is left beside the output', () => {
    const out = join(scratch, 'trash-swap/dist')
    const before = oldSite(out)
    const trash = join(scratch, 'trash-swap/.tmp/trash')
    const fresh = join(scratch, 'trash-swap/fresh')
    mkdirSync(fresh, { recursive: true })
    writeFileSync(join(fresh, 'new.txt'), 'new')
    swapInto(fresh, out, trash)
    expect(readdirSync(out)).toEqual(['new.txt'])
    expect(readdirSync(join(scratch, 'trash-swap')).sort()).toEqual(['.tmp', 'dist'])
    const moved = readdirSync(trash)
    expect(moved).toHaveLength(1)
    expect(moved[0]).toMatch(/^dist\.old-\d+-\d+$/)
    expect(fingerprint(join(trash, moved[0]!))).toEqual(before)
  })

  it('swapInto deletes the old site at once when the trash folder cannot take it', () => {
    const out = join(scratch, 'trash-fallback/dist')
    oldSite(out)
    // A file where the trash folder should be: it cannot be created, so the rename fails.
    const blocker = join(scratch, 'trash-fallback/not-a-folder')
    writeFileSync(blocker, '')
    const fresh = join(scratch, 'trash-fallback/fresh')
    mkdirSync(fresh, { recursive: true })
    writeFileSync(join(fresh, 'new.txt'), 'new')
    swapInto(fresh, out, join(blocker, 'trash'))
    expect(readdirSync(out)).toEqual(['new.txt'])
    expect(readdirSync(join(scratch, 'trash-fallback')).sort()).toEqual(['dist', 'not-a-folder'])
  })

  it('emptyTrash deletes every old site in the trash folder, and accepts a trash folder that is not there', async () => {
    const trash = join(scratch, 'empty-trash')
    await expect(emptyTrash(trash)).resolves.toBeUndefined()
    for (const name of ['dist.old-1-1', 'dist.old-2-2']) oldSite(join(trash, name))
    mkdirSync(join(trash, 'dist.old-3-3/deep/er/still'), { recursive: true })
    writeFileSync(join(trash, 'dist.old-3-3/deep/er/still/page.html'), '<p>old</p>')
    await emptyTrash(trash)
    expect(readdirSync(trash)).toEqual([])
  })

  it('refuses an output folder that is the project, contains it, or holds a project', () => {
    expect(() => assertSafeOutDir(root, root)).toThrow(/project folder/)
    expect(() => assertSafeOutDir(resolve(root, '..'), root)).toThrow(/project folder/)
    const project = join(scratch, 'a-project')
    mkdirSync(project, { recursive: true })
    writeFileSync(join(project, 'package.json'), '{}')
    expect(() => assertSafeOutDir(project, root)).toThrow(/package\.json/)
    expect(() => assertSafeOutDir(join(root, 'dist'), root)).not.toThrow()
  })

  it('never prints a token', () => {
    const env = { SANITY_API_READ_TOKEN: 'skTESTTOKEN1234567890', SANITY_DATASET: 'production', HOME: '/root' }
    expect(secretValues(env)).toEqual(['skTESTTOKEN1234567890'])
    expect(redact('Authorization: Bearer skTESTTOKEN1234567890 failed', secretValues(env))).toBe('Authorization: Bearer [redacted] failed')
  })

  it('the phase line names the failed phase', async () => {
    const phases = new Phases()
    await phases.run('content', async () => undefined)
    await expect(phases.run('validate', async () => Promise.reject(new Error('bad')))).rejects.toThrow('bad')
    expect(phases.line()).toMatch(/^content 0\.\ds · validate 0\.\ds · total \d+\.\ds \(failed in validate\)$/)
    expect(Object.keys(phases.toJSON())).toEqual(['content', 'validate', 'total'])
  })

  it('phases that overlap are listed in the pipeline order, whatever order they finish in', async () => {
    const phases = new Phases(['content', 'validate', 'pages'])
    // pages starts first and finishes first; content and validate run meanwhile.
    await phases.run('pages', async () => undefined)
    await phases.run('content', () => new Promise((resolve) => setTimeout(resolve, 20)))
    await phases.run('validate', async () => undefined)
    expect(Object.keys(phases.seconds)).toEqual(['pages', 'content', 'validate'])
    await phases.run('extra', async () => undefined)
    expect(Object.keys(phases.toJSON())).toEqual(['content', 'validate', 'pages', 'extra', 'total'])
    expect(phases.line()).toMatch(/^content 0\.\ds · validate 0\.\ds · pages 0\.\ds · extra 0\.\ds · total \d+\.\ds$/)
  })

  it('a failure to hand the content on (the snapshot) is reported with its own message and fix, not the content source’s', async () => {
    const phases = new Phases()
    const check = await checkContent(() => createLocalSource(), phases, {
      onContent: () => {
        throw new Error('Could not write the content snapshot /x/content.json: ENOSPC. Hint: check that this folder is writable and the disk has room.')
      },
    })
    expect(check.report.ok).toBe(false)
    expect(check.report.errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      ['content.load-failed', 'Could not write the content snapshot /x/content.json: ENOSPC.', 'check that this folder is writable and the disk has room.'],
    ])
  }, 60_000)
})
