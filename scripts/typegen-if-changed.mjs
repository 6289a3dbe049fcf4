// Runs `npm run typegen` only when its inputs changed since the committed output was made:
// the schema (schemas/**), every source file with a defineQuery, and the sanity version.
// The hash of those inputs is stored next to the output. CI runs `npm run typegen` itself
// and fails on any diff, so a stale stamp cannot hide stale types.
import { createHash } from 'node:crypto'
import { execSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const stampFile = join(root, 'src/content/sanity.types.inputs')

/** Every file below a folder, sorted (never rely on directory order). */
function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
}

/** The hash of everything TypeGen reads. */
export function typegenInputsHash() {
  const hash = createHash('sha256')
  const files = [
    ...walk(join(root, 'schemas')),
    ...walk(join(root, 'src')).filter((f) => /\.(ts|tsx|astro)$/.test(f) && !f.endsWith('sanity.types.ts') && readFileSync(f, 'utf8').includes('defineQuery(')),
  ]
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  hash.update(JSON.parse(readFileSync(join(root, 'node_modules/sanity/package.json'), 'utf8')).version)
  return hash.digest('hex')
}

const current = typegenInputsHash()
const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : ''
if (process.argv.includes('--write')) {
  writeFileSync(stampFile, `${current}\n`)
} else if (stamp === current) {
  console.log('TypeGen: schema and queries unchanged since src/content/sanity.types.ts was generated; skipped.')
} else {
  execSync('npm run typegen', { stdio: 'inherit', cwd: root })
  writeFileSync(stampFile, `${typegenInputsHash()}\n`)
}
