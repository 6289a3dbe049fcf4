/**
 * `npm run content:translations`, run as a process: the status of every translation from the
 * embedded dataset (offline) or from a live project (the fake Sanity API on 127.0.0.1, through
 * @sanity/client), its output and its exit codes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { datasetWith, writeNdjson } from '../fixtures/base'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { liveEnv, recognisableToken } from '../support/live-fixtures'
import { runScript } from '../support/live-run'

const servers: FakeSanityServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** The base fixture with one stale translation (a point's title) and one missing (a definition's Chinese). */
const withProblems = () =>
  datasetWith((_docs, byId) => {
    ;((byId('section-background').points as Record<string, Record<string, unknown>>[])[0]!.title as Record<string, unknown>).zhTW = '趨勢甲'
    delete (byId('glossaryTerm-five-plus-two').definition as Record<string, unknown>).zhTW
  })
const file = (docs: unknown[]) => writeNdjson(join(mkdtempSync(join(tmpdir(), 'translations-')), 'dataset.ndjson'), docs)
const translations = (args: string[], env: Record<string, string>) => runScript('scripts/content-translations.ts', args, env)

describe('content:translations', () => {
  it('prints every translation of the embedded dataset as current, offline, and exits 0 even with --strict', async () => {
    const run = await translations(['--strict'], {})
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Translations in local dataset .*content\/dataset\.ndjson:\n/)
    expect(run.stdout).toMatch(/^ {2}industry-cybersecurity +body +en +current$/m)
    expect(run.stdout).toMatch(/^ {2}policy +enablingMeasures\[3\]\.description +en +current$/m)
    expect(run.stdout).toMatch(/^✓ (\d+) translation\(s\): \1 current, 0 stale, 0 missing\.$/m)
  })

  it('names document, field, language and status of stale and missing ones; exit 1 only in strict mode', async () => {
    const dataset = file(withProblems())
    const lenient = await translations([], { CONTENT_FILE: dataset })
    expect(lenient.code, lenient.stderr).toBe(0)
    expect(lenient.stdout).toMatch(/^ {2}section-background +points\[0\]\.title +en +stale {2}\(zh-TW changed since 2026-01-01\)$/m)
    expect(lenient.stdout).toMatch(/^ {2}glossaryTerm-five-plus-two +definition +zh-TW +missing$/m)
    expect(lenient.stdout).toMatch(/^ {2}section-background +points\[0\]\.description +en +current$/m)
    expect(lenient.stdout).toMatch(/^✓ \d+ translation\(s\): \d+ current, 1 stale, 1 missing\.$/m)

    for (const [args, env] of [
      [['--strict'], {}],
      [[], { STRICT_I18N: '1' }],
    ] as const) {
      const strict = await translations([...args], { CONTENT_FILE: dataset, ...env })
      expect(strict.code).toBe(1)
      expect(strict.stdout).toMatch(/^✗ \d+ translation\(s\): \d+ current, 1 stale, 1 missing — stale and missing translations fail/m)
    }

    const problems = await translations(['--problems'], { CONTENT_FILE: dataset })
    expect(problems.stdout.trim().split('\n').slice(1, -1)).toEqual([
      expect.stringMatching(/^ {2}glossaryTerm-five-plus-two +definition +zh-TW +missing$/),
      expect.stringMatching(/^ {2}section-background +points\[0\]\.title +en +stale/),
    ])
  })

  it('--json gives the rows and the counts', async () => {
    const run = await translations(['--json', '--problems'], { CONTENT_FILE: file(withProblems()) })
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({ counts: { stale: 1, missing: 1 }, strict: false, ok: true })
    expect(out.translations).toEqual([
      { documentId: 'glossaryTerm-five-plus-two', documentType: 'glossaryTerm', path: 'definition', locale: 'zh-TW', status: 'missing', sourceLocale: 'zh-TW' },
      {
        documentId: 'section-background',
        documentType: 'section',
        path: 'points[0].title',
        locale: 'en',
        status: 'stale',
        sourceLocale: 'zh-TW',
        confirmedAt: '2026-01-01T00:00:00.000Z',
      },
    ])
  })

  it('reads a live project through the Sanity API: the same rows, drafts left out, the token never printed', async () => {
    const token = recognisableToken('read')
    const docs = withProblems() as FakeDocument[]
    const draft = { ...docs.find((d) => d._id === 'metric-foundry-share')!, _id: 'drafts.metric-foundry-share', label: { _type: 'localeString', zhTW: '草稿', en: '' } }
    const server = await startFakeSanityServer({ projectId: 'trproj', dataset: 'production', documents: [...docs, draft], readTokens: [token] })
    servers.push(server)
    const live = await translations(['--strict', '--problems'], liveEnv(server, { SANITY_API_READ_TOKEN: token }))
    const local = await translations(['--strict', '--problems'], { CONTENT_FILE: file(docs) })
    expect(live.code).toBe(1)
    expect(live.stdout).toMatch(/^Translations in .*project "trproj", dataset "production"/)
    expect(live.stdout.split('\n').slice(1)).toEqual(local.stdout.split('\n').slice(1))
    expect(server.requestsTo('query').length).toBeGreaterThan(0)
    expect(live.stdout + live.stderr).not.toContain(token)
  })

  it('an unknown option or an unreachable project: exit 1 with the fix', async () => {
    const unknown = await translations(['--stale'], {})
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/Unknown argument --stale\.\n {2}Fix: The options are --problems, --json, --strict\./)
    const down = await translations([], {
      SANITY_PROJECT_ID: 'nope',
      SANITY_DATASET: 'production',
      SANITY_API_HOST: 'http://127.0.0.1:9',
      SANITY_MAX_RETRIES: '0',
      SANITY_TIMEOUT_MS: '2000',
    })
    expect(down.code).toBe(1)
    expect(down.stderr).toMatch(/content:translations failed: .*project "nope"/)
    expect(down.stderr).toMatch(/Fix: /)
  })
})
