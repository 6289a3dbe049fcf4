/**
 * The all-or-nothing build (scripts/build.ts) and `npm run content:validate` (the build's
 * `--check`), run as processes the way npm runs them, on the small fixtures (tests/fixtures/):
 * - bad content stops the build after validate or views: exit 1, the report names document,
 *   field and fix, Astro (started beside the content phases) is stopped unheard, and the output
 *   folder is left byte for byte as it was;
 * - a tool that fails, or a build that is stopped, leaves the output folder and no temporary
 *   folder behind;
 * - valid content lands in the output folder (old files gone), with a search index, a build
 *   report with phase timings, and the phase line printed last.
 * The swap, the phase line and the secret scrubbing are tested directly.
 */
import { createHash } from 'node:crypto'
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { assertSafeOutDir, swapInto } from '../../scripts/lib/swap'
import { Phases } from '../../scripts/lib/phases'
import { redact, secretValues } from '../../src/content/source/index.ts'
import { datasetWith, writeNdjson } from '../fixtures/base'
import { childEnv, projectRoot, runScript } from '../support/live-run'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'build-pipeline-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

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
const leftovers = (pid: number) => {
  const tmp = join(projectRoot, '.tmp')
  return existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('build-') && n.endsWith(`-${pid}`)) : []
}

/** The Astro processes rendering for the build with process id `pid` (their output folder names it). */
const astrosOf = (pid: number) =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8')
        return cmdline.includes('astro') && !cmdline.includes('tool-guard') && cmdline.includes(`-${pid}/site`)
      } catch {
        return false
      }
    })
/** Starts a build of the small fixture and returns once Astro is under way (it prints its build banner). */
async function buildUntilAstroRenders(out: string, reportFile: string) {
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.ts'), '--out', out, '--report', reportFile], {
    cwd: projectRoot,
    env: childEnv({ CONTENT_FILE: fixture('valid-small.ndjson') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const closed = new Promise<number | null>((done) => child.on('close', done))
  const deadline = Date.now() + 120_000
  while (!/\[build\]/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  return { child, output: () => output, closed }
}
const lastLine = (text: string) => text.trim().split('\n').pop() ?? ''
const readReport = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

/** The build, as `npm run build` runs it, with the child's pid (for its temporary folder). */
async function build(out: string, report: string, env: Record<string, string>) {
  const run = await runScript('scripts/build.ts', ['--out', out, '--report', report], env, 600_000)
  return { ...run, all: run.stdout + run.stderr }
}

/**
 * A build over an old output folder that must fail, as `npm run build` runs it: exit 1, the
 * output byte for byte as it was, no temporary folder and no Astro of it left running. Returns
 * the run and its report.
 */
async function failingBuild(name: string, env: Record<string, string>) {
  const out = join(scratch, `dist-${name}`)
  const before = oldSite(out)
  const reportFile = join(scratch, `${name}-report.json`)
  const run = await build(out, reportFile, env)
  expect(run.code, run.all).toBe(1)
  expect(fingerprint(out)).toEqual(before)
  expect(leftovers(run.pid)).toEqual([])
  expect(astrosOf(run.pid)).toEqual([])
  return { ...run, report: readReport(reportFile) }
}

describe('npm run content:validate', () => {
  it('a malformed NDJSON line: exit 1, the file, the line number, the parse error and the fix', async () => {
    const file = fixture('malformed.ndjson')
    const run = await runScript('scripts/build.ts', ['--check'], { CONTENT_FILE: file })
    expect(run.code, run.stdout + run.stderr).toBe(1)
    expect(run.stdout).toContain(`${file}:4`)
    expect(run.stdout).toMatch(/This line is not valid JSON \(.+\)/)
    expect(run.stdout).toMatch(/Fix: Each line must hold one whole JSON document/)
    expect(lastLine(run.stdout)).toMatch(/^content \d+\.\ds · total \d+\.\ds \(failed in content\)$/)
  })

  it('a missing translation: listed, exit 0; exit 1 with STRICT_I18N=1', async () => {
    const file = writeNdjson(
      join(scratch, 'missing-translation.ndjson'),
      datasetWith((_docs, byId) => {
        delete (byId('glossaryTerm-five-plus-two').definition as Record<string, unknown>).zhTW
      }),
    )
    const [lenient, strict] = await Promise.all([
      runScript('scripts/build.ts', ['--check'], { CONTENT_FILE: file }),
      runScript('scripts/build.ts', ['--check'], { CONTENT_FILE: file, STRICT_I18N: '1' }),
    ])
    for (const run of [lenient, strict]) {
      expect(run.stdout).toMatch(/glossaryTerm-five-plus-two \(glossaryTerm\) · definition\.zhTW · missing zh-TW/)
      expect(run.stdout).toMatch(/Fix: Add the Traditional Chinese text of "definition"/)
    }
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0)
    expect(lastLine(lenient.stdout)).toMatch(/^content \d+\.\ds · validate \d+\.\ds · views \d+\.\ds · total \d+\.\ds$/)
    expect(strict.code, strict.stdout + strict.stderr).toBe(1)
    expect(strict.stdout).toMatch(/fatal with STRICT_I18N=1/)
    expect(strict.stderr).toMatch(/Missing or stale translations with STRICT_I18N=1: nothing was built/)
  })

  it('a stale translation: listed with the field, the language and when it was confirmed, exit 0; exit 1 with STRICT_I18N=1', async () => {
    const file = writeNdjson(
      join(scratch, 'stale-translation.ndjson'),
      datasetWith((_docs, byId) => void ((byId('metric-packaging-share').label as Record<string, unknown>).zhTW = '封裝測試市占率')),
    )
    const [lenient, strict] = await Promise.all([
      runScript('scripts/build.ts', ['--check'], { CONTENT_FILE: file }),
      runScript('scripts/build.ts', ['--check'], { CONTENT_FILE: file, STRICT_I18N: '1' }),
    ])
    for (const run of [lenient, strict]) {
      expect(run.stdout).toMatch(/metric-packaging-share \(metric\) · label\.en · en outdated \(source changed since 2026-01-01\)/)
      expect(run.stdout).toMatch(/0 missing translation\(s\), 1 stale translation\(s\)/)
    }
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0)
    expect(lenient.stdout).toMatch(/Stale translations \(1\) — warnings; STRICT_I18N=1 makes them fatal/)
    expect(strict.code, strict.stdout + strict.stderr).toBe(1)
    expect(strict.stderr).toMatch(/Missing or stale translations with STRICT_I18N=1: nothing was built/)
  })
})

describe('scripts/build.ts stops Astro, unheard, on bad content', () => {
  it('a reference to nothing: exit 1 in validate, the output folder untouched, no temporary folder left', async () => {
    const { report, ...run } = await failingBuild('invalid', { CONTENT_FILE: fixture('dangling-reference.ndjson') })
    expect(run.stdout).toContain('industry-cybersecurity (industry) · metrics[2]')
    expect(run.stdout).toContain('refers to "metric-x", which does not exist')
    expect(run.stdout).toMatch(/Fix: Point the reference at an existing document/)
    expect(run.stderr).toMatch(/Build failed in validate: The content has errors: nothing was built\.\n {2}Fix: /)
    expect(run.all).not.toMatch(/\[build\]/) // Astro's messages never shown
    expect(lastLine(run.stdout)).toMatch(/^content \d+\.\ds · validate \d+\.\ds · total \d+\.\ds \(failed in validate\)$/)
    expect(report).toMatchObject({ ok: false, failedPhase: 'validate', source: { kind: 'local' }, error: { code: 'content.invalid', hint: expect.any(String) } })
    expect(report.errors).toEqual([expect.objectContaining({ documentId: 'industry-cybersecurity', documentType: 'industry', field: 'metrics[2]', code: 'reference.missing' })])
    expect(Object.keys(report.phases)).toEqual(['content', 'validate', 'total'])
  })

  it('a stale translation with STRICT_I18N=1: exit 1 in validate, the report lists it under translations.stale', async () => {
    const file = writeNdjson(
      join(scratch, 'stale-strict.ndjson'),
      datasetWith((_docs, byId) => {
        ;((byId('section-background').points as Record<string, Record<string, unknown>>[])[0]!.title as Record<string, unknown>).zhTW = '趨勢甲'
        delete (byId('glossaryTerm-five-plus-two').definition as Record<string, unknown>).en
      }),
    )
    const { report, ...run } = await failingBuild('stale', { CONTENT_FILE: file, STRICT_I18N: '1' })
    expect(run.stdout).not.toMatch(/\[build\]/)
    expect(report).toMatchObject({ ok: false, failedPhase: 'validate', strictI18n: true, counts: { errors: 0, missingTranslations: 1, staleTranslations: 1 } })
    expect(report.translations.missing).toEqual([
      expect.objectContaining({ documentId: 'glossaryTerm-five-plus-two', documentType: 'glossaryTerm', path: 'definition', locale: 'en' }),
    ])
    expect(report.translations.stale).toEqual([
      {
        documentId: 'section-background',
        documentType: 'section',
        path: 'points[0].title',
        locale: 'en',
        sourceLocale: 'zh-TW',
        confirmedAt: '2026-01-01T00:00:00.000Z',
        message: expect.stringMatching(
          /^譯文待更新：「points\[0\]\.title」的繁體中文原文.* · Outdated translation: the Traditional Chinese \(zh-TW\) text of "points\[0\]\.title" changed/,
        ),
        hint: expect.stringMatching(/Mark as up to date/),
      },
    ])
  })

  it('content Sanity accepts but the pages cannot show (a figure list naming a source): exit 1 in views, with document and field', async () => {
    const file = writeNdjson(
      join(scratch, 'wrong-type.ndjson'),
      datasetWith((_docs, byId) => {
        ;(byId('industry-cybersecurity').metrics as { _ref: string }[])[0]!._ref = 'source-ndc-2020'
      }),
    )
    const { report, ...run } = await failingBuild('views', { CONTENT_FILE: file })
    expect(run.stdout).toContain('industry-cybersecurity (industry) · metrics[0]')
    expect(run.stdout).not.toMatch(/\[build\]/)
    expect(report).toMatchObject({ ok: false, failedPhase: 'views' })
    expect(report.errors).toEqual([expect.objectContaining({ documentId: 'industry-cybersecurity', field: 'metrics[0]', code: 'reference.unresolved', hint: expect.any(String) })])
  })
})

describe('scripts/build.ts when a tool fails or the build is stopped', () => {
  it('an invalid SITE_URL: exit 1 before anything runs, the variable and the fix named', async () => {
    const run = await failingBuild('bad-url', { CONTENT_FILE: fixture('valid-small.ndjson'), SITE_URL: 'not a url' })
    expect(run.all).not.toMatch(/SITE_URL is not set/)
    expect(run.all).not.toMatch(/\[build\]/) // Astro never started
    expect(run.stderr).toMatch(/Build failed: SITE_URL "not a url" is not a web address\.\n {2}Fix: Set SITE_URL to the site's public address/)
    expect(run.report).toMatchObject({ ok: false, error: { code: 'build.site-url' } })
  })

  it('Astro dies while it renders (killed, as when out of memory): exit 1 in pages, the output folder untouched, the likely cause named', async () => {
    const out = join(scratch, 'dist-astro-dies')
    const before = oldSite(out)
    const reportFile = join(scratch, 'astro-dies.json')
    const { child, output, closed } = await buildUntilAstroRenders(out, reportFile)
    const astro = astrosOf(child.pid!)
    expect(astro, 'Astro never started').toHaveLength(1)
    process.kill(Number(astro[0]), 'SIGKILL')

    expect(await closed).toBe(1)
    expect(output()).toMatch(/Build failed in pages: Astro was stopped by SIGKILL\.\n {2}Fix: It may have run out of memory/)
    expect(fingerprint(out)).toEqual(before)
    expect(leftovers(child.pid!)).toEqual([])
    expect(readReport(reportFile)).toMatchObject({ ok: false, failedPhase: 'pages', error: { code: 'build.tool-failed' } })
  })

  it('the files fail while Astro is at work: exit 1 in files, Astro stopped, the output folder untouched', async () => {
    const run = await failingBuild('files-fail', { CONTENT_FILE: fixture('valid-small.ndjson'), BUILD_TEST_FAIL_FILES: '1' })
    expect(run.stderr).toMatch(/Build failed in files: \(test hook\) the files failed\./)
    expect(run.report).toMatchObject({ ok: false, failedPhase: 'files', error: { code: 'build.test-hook' } })
  })

  it('a SIGTERM while Astro renders stops Astro too, and leaves the output folder and no temporary folder', async () => {
    const out = join(scratch, 'dist-stopped')
    const before = oldSite(out)
    const { child, output, closed } = await buildUntilAstroRenders(out, join(scratch, 'stopped.json'))
    expect(output(), 'Astro never started').toMatch(/\[build\]/)
    child.kill('SIGTERM')
    expect(await closed).toBe(143)
    expect(output()).toMatch(/Build stopped by SIGTERM/)
    expect(fingerprint(out)).toEqual(before)
    expect(leftovers(child.pid!)).toEqual([])
    // No Astro of this build is left running: nothing writes into the removed folder.
    expect(astrosOf(child.pid!)).toEqual([])
  })
})

describe('scripts/build.ts with valid content', () => {
  it('the new site replaces the old output, with a search index, a report and the phase line', async () => {
    const out = join(scratch, 'dist-valid')
    oldSite(out)
    const reportFile = join(scratch, 'valid-report.json')
    const run = await build(out, reportFile, { CONTENT_FILE: fixture('valid-small.ndjson'), SITE_URL: '' })

    expect(run.code, run.all.slice(-6000)).toBe(0)
    // Without SITE_URL the build says once that its addresses are placeholders, and how to fix it.
    expect(run.stdout.match(/SITE_URL is not set/g)).toHaveLength(1)
    expect(run.stdout).toMatch(/placeholder https:\/\/six-core-industries\.example\.org\. Fix: set SITE_URL to the public address/)
    expect(existsSync(join(out, 'old-only.txt'))).toBe(false)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('old site')
    expect(existsSync(join(out, 'en/index.html'))).toBe(true)
    expect(existsSync(join(out, 'zh-tw/index.html'))).toBe(true)
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true)
    expect(readdirSync(join(out, 'pagefind')).some((n) => n.startsWith('pagefind-entry'))).toBe(true)
    expect(leftovers(run.pid)).toEqual([])
    // The old real folder became a link to the one finished build; nothing else beside it.
    expect(readdirSync(scratch).filter((n) => n.startsWith('dist-valid.'))).toEqual(['dist-valid.builds'])
    expect(lstatSync(out).isSymbolicLink()).toBe(true)
    expect(readdirSync(`${out}.builds`)).toEqual([basename(readlinkSync(out))])
    expect(run.stdout).toMatch(/✓ Built \d+ pages \(\d+ in search\) into /)
    expect(lastLine(run.stdout)).toMatch(
      /^content \d+\.\ds · validate \d+\.\ds · views \d+\.\ds · pages \d+\.\ds · files \d+\.\ds · search \d+\.\ds · swap \d+\.\ds · total \d+\.\ds$/,
    )

    const report = readReport(reportFile)
    expect(report).toMatchObject({ ok: true, failedPhase: null, error: null, source: { kind: 'local', description: expect.stringContaining('valid-small.ndjson') } })
    expect(Object.keys(report.phases)).toEqual(['content', 'validate', 'views', 'pages', 'files', 'search', 'swap', 'total'])
    for (const seconds of Object.values(report.phases)) expect(seconds).toBeGreaterThanOrEqual(0)
    expect(report.counts.documents).toBe(11)
    expect(report.counts.pages).toBeGreaterThan(5)
    expect(report.counts.searchPages).toBeGreaterThan(0)
    expect(report.errors).toEqual([])
    expect(report.translations).toEqual({ missing: [], stale: [] })
    expect(report.counts).toMatchObject({ missingTranslations: 0, staleTranslations: 0 })
  })
})

describe('build helpers', () => {
  it('swapInto replaces a folder and leaves nothing beside it', () => {
    const out = join(scratch, 'swap/dist')
    oldSite(out)
    const fresh = join(scratch, 'swap/fresh')
    mkdirSync(fresh, { recursive: true })
    writeFileSync(join(fresh, 'new.txt'), 'new')
    swapInto(fresh, out)
    expect(readdirSync(out)).toEqual(['new.txt'])
    expect(readdirSync(join(scratch, 'swap')).sort()).toEqual(['dist', 'dist.builds'])
    // Into a folder that does not exist yet.
    const fresh2 = join(scratch, 'swap/fresh2')
    mkdirSync(fresh2)
    swapInto(fresh2, join(scratch, 'swap/nested/dist'))
    expect(existsSync(join(scratch, 'swap/nested/dist'))).toBe(true)
  })

  it('refuses an output folder that is the project, contains it, or holds a project, with the fix', () => {
    expect(() => assertSafeOutDir(projectRoot, projectRoot)).toThrow(/project folder/)
    expect(() => assertSafeOutDir(join(projectRoot, '..'), projectRoot)).toThrow(/project folder/)
    const project = join(scratch, 'a-project')
    mkdirSync(project, { recursive: true })
    writeFileSync(join(project, 'package.json'), '{}')
    expect(() => assertSafeOutDir(project, projectRoot)).toThrow(expect.objectContaining({ message: expect.stringContaining('package.json'), hint: 'Choose another --out.' }))
    expect(() => assertSafeOutDir(join(projectRoot, 'dist'), projectRoot)).not.toThrow()
  })

  it('never prints a token', () => {
    const env = { SANITY_API_READ_TOKEN: 'skTESTTOKEN1234567890', SANITY_DATASET: 'production', HOME: '/root' }
    expect(secretValues(env)).toEqual(['skTESTTOKEN1234567890'])
    expect(redact('Authorization: Bearer skTESTTOKEN1234567890 failed', secretValues(env))).toBe('Authorization: Bearer [redacted] failed')
  })

  it('the phase line lists phases in the order they ran and names the failed one', async () => {
    const phases = new Phases()
    await phases.run('content', async () => undefined)
    await expect(phases.run('validate', async () => Promise.reject(new Error('bad')))).rejects.toThrow('bad')
    expect(phases.line()).toMatch(/^content 0\.\ds · validate 0\.\ds · total \d+\.\ds \(failed in validate\)$/)
    expect(Object.keys(phases.toJSON())).toEqual(['content', 'validate', 'total'])
  })

  it('a phase whose work began earlier (Astro, started beside the content) is timed from then', async () => {
    const phases = new Phases()
    await phases.run('pages', async () => undefined, performance.now() - 1500)
    expect(phases.toJSON().pages).toBeGreaterThanOrEqual(1.5)
    expect(phases.toJSON().pages).toBeLessThan(3)
  })
})
