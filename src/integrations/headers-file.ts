/**
 * `_headers`, the headers file that Netlify and Cloudflare Pages read: each page's own Content
 * Security Policy (the one Astro wrote into its <meta>, with that page's hashes) plus what only
 * a header can carry (`frame-ancestors`), and for every file `X-Content-Type-Options`,
 * `Referrer-Policy` and `Permissions-Policy`. Hosts without such a file (GitHub Pages) have the
 * <meta> policy. The build's manifest (build.json) may be read from any origin: the Studio
 * fetches it to tell editors whether a publish is live (GitHub Pages sends that header itself),
 * and revalidated on every read, so an editor never sees an older build than the host has.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { BUILD_MANIFEST_PATH } from '../../schemas/build-manifest.ts'
import { frameAncestors, securityHeaders } from '../utils/csp-policy.ts'

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i
const ENTITIES: Record<string, string> = { '&amp;': '&', '&#39;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>' }

/** The policy a built page carries in its <meta>, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const content = META.exec(html)?.[1]
  return content
    ?.replace(/&(?:amp|#39|quot|lt|gt);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The headers file for pages (URL path → its policy), sorted by path. */
export function headersFile(policies: Map<string, string>): string {
  const common = Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`)
  const blocks = [['/*', ...common].join('\n'), `${BUILD_MANIFEST_PATH}\n  Access-Control-Allow-Origin: *\n  Cache-Control: no-cache`]
  for (const [path, policy] of [...policies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = `${policy.replace(/;\s*$/, '')}; ${frameAncestors(path)}`
    blocks.push(`${path}\n  Content-Security-Policy: ${full}`)
  }
  return `${blocks.join('\n\n')}\n`
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
          const policy = metaPolicy(readFileSync(file, 'utf8'))
          if (policy) policies.set(path, policy)
        }
        writeFileSync(join(root, '_headers'), headersFile(policies))
      },
    },
  }
}
