/**
 * `_headers`, the headers file that Netlify and Cloudflare Pages read. Hosts without such a file
 * (GitHub Pages) have each page's <meta> policy only.
 *
 * The file stays within Cloudflare Pages' documented limits (100 rules, 2,000 characters a
 * line; Netlify documents no tighter ones) at any content size, so it never has a rule per page:
 * - `/*`: `X-Content-Type-Options`, `Referrer-Policy` and `Permissions-Policy` for every file;
 * - the build's manifest (build.json) may be read from any origin (the Studio fetches it to tell
 *   editors whether a publish is live; GitHub Pages sends that header itself) and is revalidated
 *   on every read, so an editor never sees an older build than the host has;
 * - one Content-Security-Policy rule per site section (`/en/metrics/*`) plus the few single pages
 *   above the sections (`/`, `/en/`, `/404.html`): the count depends on the page kinds, never on
 *   the content. The rules never overlap, because both hosts send every matching rule's header
 *   (Cloudflare joins the values with a comma), and two policies are both enforced: a site-wide
 *   policy on `/*` would keep embeds from being framed and Pagefind from compiling.
 *
 * Each section's policy is the site-wide one: every page's directives, with the script hashes of
 * all pages unioned, plus what its own pages add (`'wasm-unsafe-eval'` on search) and what only
 * a header can say (`frame-ancestors`, `*` for embeds). Inline styles are allowed by the header
 * and restricted by each page's own <meta> policy (a browser enforces both): the language
 * switch's anchor rule is one style per listing page, so the hashes of every page would outgrow
 * a header line as content grows.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { BUILD_MANIFEST_PATH } from '../../schemas/build-manifest.ts'
import { HintedError } from '../content/content-error.ts'
import { frameAncestors, securityHeaders } from '../utils/csp-policy.ts'

/** Cloudflare Pages' documented limits for `_headers`. */
export const HOST_LIMITS = { rules: 100, lineLength: 2000 } as const

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i
const ENTITIES: Record<string, string> = { '&amp;': '&', '&#39;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>' }
const HASH = /^'sha(?:256|384|512)-/
const HEADER_STYLE_SRC = ["'self'", "'unsafe-inline'"]

/** The policy a built page carries in its <meta>, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const content = META.exec(html)?.[1]
  return content
    ?.replace(/&(?:amp|#39|quot|lt|gt);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim()
}

type Directives = Map<string, string[]>

/** A policy's directives, in its order. */
export function parsePolicy(policy: string): Directives {
  const entries = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]) => [name!.toLowerCase(), sources] as const)
  return new Map(entries)
}

const formatPolicy = (d: Directives) => [...d].map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
const union = (lists: Iterable<readonly string[]>) => [...new Set([...lists].flat())]

/**
 * The rule a page's policy falls under: `/{lang}/{section}/*` for a section's index and every page
 * below it, the page itself above the sections.
 */
export function policyRuleFor(path: string): string {
  const section = /^\/[^/]+\/[^/]+\//.exec(path)
  return section ? `${section[0]}*` : path
}

export interface HeaderRule {
  path: string
  headers: [name: string, value: string][]
}

/** The pages' policies (URL path → its <meta> policy) as non-overlapping rules, sorted by path. */
export function policyRules(policies: Map<string, string>): HeaderRule[] {
  const pages = [...policies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, policy]) => ({ path, directives: parsePolicy(policy) }))
  const first = pages[0]?.directives ?? new Map<string, string[]>()
  for (const page of pages) {
    for (const [name, sources] of first) {
      if (name === 'script-src' || name === 'style-src') continue
      if (page.directives.get(name)?.join(' ') !== sources.join(' ')) {
        throw new HintedError(
          `The page ${page.path} has "${name} ${page.directives.get(name)?.join(' ') ?? '(none)'}" where ${pages[0]!.path} has "${name} ${sources.join(' ')}".`,
          'Every page shares one policy apart from its script and style sources: set the directive in src/utils/csp-policy.ts (cspDirectives) for all pages.',
          'build.headers',
        )
      }
    }
  }
  const scriptHashes = union(pages.map((p) => (p.directives.get('script-src') ?? []).filter((s) => HASH.test(s))))
  const groups = new Map<string, typeof pages>()
  for (const page of pages) groups.set(policyRuleFor(page.path), [...(groups.get(policyRuleFor(page.path)) ?? []), page])
  return [...groups].map(([rule, members]) => {
    const directives: Directives = new Map(first)
    const keywords = union(members.map((p) => (p.directives.get('script-src') ?? []).filter((s) => !HASH.test(s))))
    directives.set('script-src', [...keywords, ...scriptHashes])
    directives.set('style-src', HEADER_STYLE_SRC)
    const framing = new Set(members.map((p) => frameAncestors(p.path)))
    if (framing.size > 1) {
      throw new HintedError(
        `The pages under ${rule} differ in who may frame them (${[...framing].join(' / ')}).`,
        'Framing is decided per section (frameAncestors in src/utils/csp-policy.ts): keep embeddable pages in a section of their own.',
        'build.headers',
      )
    }
    return { path: rule, headers: [['Content-Security-Policy', `${formatPolicy(directives)}; ${[...framing][0]}`]] }
  })
}

/** The headers file for the pages (URL path → its <meta> policy). */
export function headersFile(policies: Map<string, string>): string {
  const rules: HeaderRule[] = [
    { path: '/*', headers: Object.entries(securityHeaders) },
    {
      path: BUILD_MANIFEST_PATH,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['Cache-Control', 'no-cache'],
      ],
    },
    ...policyRules(policies),
  ]
  return `${rules.map((r) => [r.path, ...r.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n')}\n`
}

/** What in a headers file breaks the hosts' documented limits (empty when nothing does). */
export function hostLimitProblems(text: string): string[] {
  const lines = text.split('\n')
  const rules = lines.filter((l) => l.startsWith('/') || l.startsWith('https://')).length
  const problems = rules > HOST_LIMITS.rules ? [`${rules} rules (at most ${HOST_LIMITS.rules})`] : []
  lines.forEach((line, i) => {
    if (line.length >= HOST_LIMITS.lineLength) problems.push(`line ${i + 1} has ${line.length} characters (under ${HOST_LIMITS.lineLength})`)
  })
  return problems
}

export function headersFileIntegration(): AstroIntegration {
  return {
    name: 'six-core:headers-file',
    hooks: {
      'astro:build:done': ({ dir, pages }) => {
        const root = fileURLToPath(dir)
        const policies = new Map<string, string>()
        const files = [...pages.map(({ pathname }) => `/${pathname.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')), '/404.html']
        for (const path of files) {
          const file = path.endsWith('.html') ? join(root, path) : join(root, path, 'index.html')
          if (!existsSync(file)) continue
          // Only the head is decoded: the policy is there, and decoding whole pages was most of the work.
          const bytes = readFileSync(file)
          const headEnd = bytes.indexOf('</head>')
          const policy = metaPolicy(bytes.toString('utf8', 0, headEnd < 0 ? bytes.length : headEnd))
          if (policy) policies.set(path, policy)
        }
        const text = headersFile(policies)
        const problems = hostLimitProblems(text)
        if (problems.length > 0) {
          throw new HintedError(
            `The headers file (_headers) is beyond what Cloudflare Pages accepts: ${problems.join('; ')}.`,
            'Its rules are one per site section (src/integrations/headers-file.ts): a new page kind adds two; a long line means the pages share too many script hashes.',
            'build.headers',
          )
        }
        writeFileSync(join(root, '_headers'), text)
      },
    },
  }
}
