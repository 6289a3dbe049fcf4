/**
 * Run by tests/unit/validation/rule-cache.test.ts in a Node process of its own (Node's type
 * stripping, as `npm run build` runs): validates content/dataset.ndjson with the rule cache
 * in the folder argv[2] and prints, as JSON, the cache counts and which of Sanity's
 * validation packages the process loaded (seen by a module resolve hook, so nothing is assumed).
 */
import { registerHooks } from 'node:module'
import { readFileSync } from 'node:fs'

const loaded = new Set<string>()
const watched = ['@sanity/validation', '@sanity/schema']
registerHooks({
  resolve(specifier, context, nextResolve) {
    for (const name of watched) if (specifier === name || specifier.startsWith(`${name}/`)) loaded.add(name)
    return nextResolve(specifier, context)
  },
})

const cacheDir = process.argv[2]
if (!cacheDir) throw new Error("Usage: node tests/support/validate-modules.ts <cache folder> (never the developer's own cache).")
const { validateDocuments } = await import('../../src/content/validation/index.ts')
const documents = readFileSync(new URL('../../content/dataset.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
const report = await validateDocuments(documents, { strictI18n: false, cache: { dir: cacheDir } })
console.log(JSON.stringify({ ok: report.ok, cache: report.cache, loaded: [...loaded].sort() }))
