/**
 * No committed file holds something a secret scanner takes for a Sanity token (the pattern
 * of the repository's before-stop check, markdown excepted as there). The one known source of
 * look-alikes is package-lock.json: a base64 sha512 can contain `sk` + 40 letters or digits
 * by chance; scripts/lockfile-integrity.mjs re-hashes those packages as sha384.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { TOKEN_LOOKALIKE } from '../../scripts/lib/token-pattern.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
/** Build output, installs and caches: never committed (see .gitignore). */
const skipped = new Set(['.git', 'node_modules', 'dist', '.tmp', '.astro', 'test-results', 'bench/work', 'studio/dist', 'studio/node_modules'])

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (skipped.has(relative(root, full))) continue
    if (entry.isDirectory()) files(full, out)
    else if (entry.isFile() && !entry.name.endsWith('.md')) out.push(full)
  }
  return out
}

describe('committed files', () => {
  it('the pattern catches a token and the look-alike that used to be in the lockfile', () => {
    expect(TOKEN_LOOKALIKE.test(`SANITY_API_READ_TOKEN=${'a'.repeat(24)}`)).toBe(true)
    // Split in two here, or this file would be the match.
    expect(TOKEN_LOOKALIKE.test('sha512-0kbA6aFiwGMLVdOZ2bskWpHdxGbGCgiQm' + 'yNL5NxETMPJC2El3XgWjEIsyRb93ZIcxhJVzO1Yf3PQ3YpW82GN8g==')).toBe(true)
    expect(TOKEN_LOOKALIKE.test('sha384-O9Zv3jTjXb3UkFQ9Cl3bw9IGa3Xd4fNlfA2fznSGYxEeNT60hqX2mHEAXXrecrX/')).toBe(false)
  })

  it('hold nothing that looks like a Sanity token', () => {
    const found: string[] = []
    for (const file of files(root)) {
      const text = readFileSync(file)
      if (text.includes(0)) continue // binary
      const match = TOKEN_LOOKALIKE.exec(text.toString('utf8'))
      if (match) found.push(`${relative(root, file)}: ${match[0].slice(0, 12)}…`)
    }
    // In package-lock.json, run `node scripts/lockfile-integrity.mjs`; anywhere else, remove the token and revoke it.
    expect(found).toEqual([])
  })
})
