/**
 * `node scripts/lockfile-integrity.mjs`: re-hashes the package-lock.json integrity strings
 * that a secret scanner would take for a Sanity token (`sk` + 40 letters or digits, by chance
 * inside a base64 sha512) as sha384 of the same tarball. npm ci still verifies those packages,
 * with sha384. Each tarball is downloaded and checked against the sha512 the lockfile had
 * before anything is replaced. Run it after `npm install` if tests/unit/no-secrets.test.ts
 * names package-lock.json.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { TOKEN_LOOKALIKE } from './lib/token-pattern.mjs'

const registry = (process.env.npm_config_registry || execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim()).replace(/\/?$/, '/')
const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
let changed = 0
for (const [key, pkg] of Object.entries(lock.packages)) {
  if (!pkg.integrity || !TOKEN_LOOKALIKE.test(pkg.integrity)) continue
  const name = pkg.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)
  const url = pkg.resolved ?? `${registry}${name}/-/${name.split('/').pop()}-${pkg.version}.tgz`
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${key}: ${url} answered ${response.status}.`)
  const tarball = Buffer.from(await response.arrayBuffer())
  const [algorithm] = pkg.integrity.split('-', 1)
  const expected = `${algorithm}-${createHash(algorithm).update(tarball).digest('base64')}`
  if (expected !== pkg.integrity) throw new Error(`${key}: the tarball at ${url} does not match the lockfile's integrity; nothing was changed.`)
  const sha384 = `sha384-${createHash('sha384').update(tarball).digest('base64')}`
  if (TOKEN_LOOKALIKE.test(sha384)) throw new Error(`${key}: its sha384 looks like a token too; nothing was changed.`)
  pkg.integrity = sha384
  changed += 1
  console.log(`${key}: ${sha384}`)
}
if (changed > 0) writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`${changed} integrity string(s) re-hashed.`)
