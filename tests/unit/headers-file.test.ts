/**
 * `_headers` stays within the hosts' documented limits (Cloudflare Pages: at most 100 rules,
 * every line under 2,000 characters) at today's content and at 100×: pages get one policy rule
 * per section, never one per page. Every page is matched by exactly one policy rule, read as a
 * host reads the file, and that rule allows what the page's own <meta> policy allows. The
 * pages' policies here are the worst case: every page has an inline style of its own.
 */
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { multiplyDataset, readNdjson } from '../../bench/lib/synthetic'
import { HintedError } from '../../src/content/content-error'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews } from '../../src/content/views'
import { HOST_LIMITS, headersFile, hostLimitProblems, policyRules } from '../../src/integrations/headers-file'
import { allPages } from '../../src/page-model'
import { cspDirectives } from '../../src/utils/csp-policy'
import { headersFor, parseHeadersFile, ruleMatches } from '../support/headers-rules'
import { projectFile } from '../support/project'

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const SCRIPTS = Array.from({ length: 9 }, (_, i) => hash(`astro script ${i}`))
const STYLES = Array.from({ length: 6 }, (_, i) => hash(`astro style ${i}`))
const isSearch = (path: string) => /^\/[^/]+\/search\/$/.test(path)

/** A page's <meta> policy as Astro writes it: the site's directives, its scripts and styles. */
function metaPolicy(path: string): string {
  const scripts = ["'self'", ...(isSearch(path) ? ["'wasm-unsafe-eval'"] : []), ...SCRIPTS, ...(path === '/' ? [hash('redirect')] : [])]
  const styles = ["'self'", ...STYLES, hash(`anchors of ${path}`)]
  return `${cspDirectives.join(';')}; script-src ${scripts.join(' ')}; style-src ${styles.join(' ')}`
}

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? []

async function sitePaths(factor: number): Promise<string[]> {
  const docs = multiplyDataset(readNdjson(projectFile('content/dataset.ndjson')), factor)
  const views = buildSiteViews(await loadSiteContent(createLocalSource({ documents: docs })))
  return [...allPages(views).map((p) => p.path), '/404.html']
}

const sizes: Record<string, string[]> = {}
beforeAll(async () => {
  sizes['1×'] = await sitePaths(1)
  sizes['100×'] = await sitePaths(100)
}, 120_000)

describe.each(['1×', '100×'])('_headers at %s content', (size) => {
  let made: { paths: string[]; text: string } | undefined
  const file = () => {
    const paths = sizes[size]!
    made ??= { paths, text: headersFile(new Map(paths.map((p) => [p, metaPolicy(p)]))) }
    return made
  }

  it(`has at most ${HOST_LIMITS.rules} rules and every line under ${HOST_LIMITS.lineLength} characters`, () => {
    const { paths, text } = file()
    expect(paths.length).toBeGreaterThan(size === '1×' ? 100 : 10_000)
    expect(parseHeadersFile(text).length).toBeLessThanOrEqual(HOST_LIMITS.rules)
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(HOST_LIMITS.lineLength)
    expect(hostLimitProblems(text)).toEqual([])
  })

  it('matches every page with exactly one policy rule, which allows what its <meta> policy allows', () => {
    const { paths, text } = file()
    const rules = parseHeadersFile(text)
    const policyRulesOf = rules.filter((r) => r.headers.some(([n]) => n === 'Content-Security-Policy'))
    for (const path of paths) {
      expect(
        policyRulesOf.filter((r) => ruleMatches(r.path, path)).map((r) => r.path),
        path,
      ).toHaveLength(1)
      const sent = headersFor(rules, path)
      const policy = sent.get('content-security-policy')!
      const meta = metaPolicy(path)
      for (const d of cspDirectives) expect(policy, path).toContain(d)
      expect(directive(policy, 'script-src'), path).toEqual(expect.arrayContaining(directive(meta, 'script-src')))
      expect(directive(policy, 'script-src').includes("'wasm-unsafe-eval'"), path).toBe(isSearch(path))
      expect(directive(policy, 'style-src'), path).toEqual(["'self'", "'unsafe-inline'"])
      expect(directive(policy, 'frame-ancestors'), path).toEqual(path.includes('/embed/') ? ['*'] : ["'self'"])
      expect(sent.get('x-content-type-options'), path).toBe('nosniff')
    }
  })
})

describe('_headers limits', () => {
  it('the rule count does not grow with content', () => {
    const count = (size: string) => parseHeadersFile(headersFile(new Map(sizes[size]!.map((p) => [p, metaPolicy(p)])))).length
    expect(count('100×')).toBe(count('1×'))
  })

  it('names a file beyond the limits', () => {
    const rules = Array.from({ length: 101 }, (_, i) => `/p${i}/\n  X-A: b`).join('\n\n')
    expect(hostLimitProblems(rules)).toEqual(['101 rules (at most 100)'])
    expect(hostLimitProblems(`/x/\n  Content-Security-Policy: ${'a'.repeat(2000)}`)).toEqual(['line 2 has 2027 characters (under 2000)'])
  })

  it('refuses pages whose policies differ beyond their scripts and styles, naming both', () => {
    const base = metaPolicy('/en/')
    const other = base.replace("img-src 'self' data:", "img-src 'self'")
    expect(() =>
      policyRules(
        new Map([
          ['/en/', base],
          ['/en/about/', other],
        ]),
      ),
    ).toThrow(HintedError)
    expect(() =>
      policyRules(
        new Map([
          ['/en/', base],
          ['/en/about/', other],
        ]),
      ),
    ).toThrow(/\/en\/about\/.*img-src/)
  })
})
