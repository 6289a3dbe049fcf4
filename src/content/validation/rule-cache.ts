/**
 * The rule cache: Sanity's rule results per document between builds (`validation.json` in
 * the build cache folder). An entry is reused only while the document, the answer to every
 * query its rules ran and every existence check are unchanged, for the same schema files,
 * the same validation code and the same package versions; otherwise the rules run again.
 * The cache can only make validation faster, never change its findings: a file that cannot
 * be read is ignored, and one that cannot be written is lost.
 */
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import writeFileAtomic from 'write-file-atomic'
import type { SanityDocumentLike } from '../source/index.ts'
import { cacheFolder } from '../../utils/cache-folder.ts'
import { sha256 } from '../../utils/hash.ts'
import { hashJson, queryId, type RuleContext, type RuleDependency, type RuleResult } from './rules.ts'
import type { DocumentValidationMarker } from './sanity-adapter.ts'

/** Where the cache is and what its key includes, beyond the defaults. */
export interface ValidationCacheOptions {
  /** The folder of `validation.json`. Default: the build cache folder (`BUILD_CACHE_DIR`, else `node_modules/.cache/six-core`). */
  dir?: string
  /** Added to the global key (a different key ignores the whole cache); for tests. */
  keyExtra?: string
}

/** One document's rule results, as stored. */
interface CacheEntry {
  /** sha256 of the document as canonical JSON (keys sorted). */
  docHash: string
  dependencies: RuleDependency[]
  /** Sanity's markers as they came, before repeats are dropped. */
  markers: DocumentValidationMarker[]
}

/** Bumped when the stored format or what an entry means changes (part of the key). */
const CACHE_FORMAT = 2

/** The project root (this file is src/content/validation/rule-cache.ts). */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The folders whose files decide the markers: the rules, and the code that runs them. */
const KEY_FOLDERS = ['schemas', 'src/content/validation'] as const

/** Packages whose code decides the markers (the validator, its schema compiler, its GROQ engine). */
const KEY_PACKAGES = ['@sanity/validation', '@sanity/schema', '@sanity/types', '@sanity/util', 'groq-js', 'i18next'] as const

/**
 * The cache file for `options` and the environment, or undefined when the cache is off
 * (`options === false`, or `BUILD_CACHE=0`, even when a folder is given).
 */
export function validationCacheSettings(
  options: boolean | ValidationCacheOptions = true,
  env: Record<string, string | undefined> = process.env,
): { file: string; keyExtra: string } | undefined {
  if (options === false) return undefined
  const custom = typeof options === 'object' ? options : {}
  const dir = cacheFolder(custom.dir ? { ...env, BUILD_CACHE_DIR: custom.dir } : env, projectRoot)
  return dir ? { file: join(dir, 'validation.json'), keyExtra: custom.keyExtra ?? '' } : undefined
}

/** The installed version of a package (from its package.json), or a marker that it was not found. */
async function installedVersion(name: string, root: string): Promise<string> {
  const candidates: string[] = []
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`))
  } catch {
    // Not exported: read it from node_modules.
  }
  candidates.push(join(root, 'node_modules', name, 'package.json'))
  for (const file of candidates) {
    try {
      const json = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown }
      return `${name}@${String(json.version)}`
    } catch {
      // try the next
    }
  }
  return `${name}@missing`
}

/** Every file under the key folders, as sorted paths relative to `root`. */
async function keyFiles(root: string): Promise<string[]> {
  const files: string[] = []
  for (const folder of KEY_FOLDERS) {
    for (const entry of await readdir(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    }
  }
  return files.sort()
}

/**
 * A hash of what the rules are made of: the cache format, every file under `schemas/` and
 * `src/content/validation/` (paths and contents), and the versions of the packages that
 * evaluate the rules, as installed under `root`.
 */
export async function computeBaseKey(root = projectRoot): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`validation cache ${CACHE_FORMAT}\u0000`)
  for (const file of await keyFiles(root)) {
    hash.update(`${file}\u0000`)
    hash.update(await readFile(join(root, file)))
    hash.update('\u0000')
  }
  for (const name of KEY_PACKAGES) hash.update(`${await installedVersion(name, root)}\u0000`)
  return hash.digest('hex')
}

let baseKeyPromise: Promise<string | undefined> | undefined

/**
 * The key every entry of the cache file shares: {@link computeBaseKey} plus `extra`, once
 * per process. When it cannot be computed there is no key: the cache is neither read nor written.
 */
export async function validationCacheKey(extra = ''): Promise<string | undefined> {
  baseKeyPromise ??= computeBaseKey()
  const base = await baseKeyPromise.catch(() => undefined)
  if (base === undefined) {
    baseKeyPromise = undefined
    return undefined
  }
  return sha256(`${base}\u0000${extra}`)
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function isDependency(dep: unknown): dep is RuleDependency {
  if (!isObject(dep)) return false
  if (typeof dep.query === 'string') return isObject(dep.params) && typeof dep.resultHash === 'string'
  return typeof dep.exists === 'string' && typeof dep.result === 'boolean'
}

function isMarker(marker: unknown): boolean {
  return isObject(marker) && typeof marker.message === 'string' && typeof marker.code === 'string' && typeof marker.level === 'string' && Array.isArray(marker.path)
}

function isCacheEntry(value: unknown): value is { id: string } & CacheEntry {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.docHash !== 'string') return false
  if (!Array.isArray(value.dependencies) || !Array.isArray(value.markers)) return false
  return value.dependencies.every(isDependency) && value.markers.every(isMarker)
}

/** The stored entries by document id; empty when the file is missing, unreadable, corrupt, or has another key. */
async function readEntries(file: string, key: string): Promise<Map<string, CacheEntry>> {
  const entries = new Map<string, CacheEntry>()
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return entries
  }
  if (!isObject(data) || data.key !== key || !Array.isArray(data.entries)) return entries
  for (const entry of data.entries) {
    if (isCacheEntry(entry)) entries.set(entry.id, { docHash: entry.docHash, dependencies: entry.dependencies, markers: entry.markers })
  }
  return entries
}

/** Writes the file whole or not at all (a crash mid-write leaves the old one). */
function writeEntries(file: string, key: string, entries: ReadonlyMap<string, CacheEntry>): void {
  const data = { key, entries: [...entries].map(([id, entry]) => ({ id, ...entry })) }
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileAtomic.sync(file, JSON.stringify(data))
  } catch {
    // A read-only checkout or a full disk: the next build validates again.
  }
}

/** The cache during one validation: look up before the rules run, keep after, save once. */
export interface RuleCache {
  /** The stored markers of `document`, if everything they depended on still holds. */
  reuse(document: SanityDocumentLike, context: RuleContext): Promise<DocumentValidationMarker[] | undefined>
  /** Records a fresh result (kept only if it may be reused). */
  keep(document: SanityDocumentLike, result: RuleResult): void
  /** Writes the file when something changed: a document validated anew, or a stored one gone. */
  save(): void
}

/** The cache for `option`, or undefined when it is off or has no key. */
export async function openRuleCache(option: boolean | ValidationCacheOptions = true): Promise<RuleCache | undefined> {
  const settings = validationCacheSettings(option)
  const key = settings && (await validationCacheKey(settings.keyExtra))
  if (!settings || !key) return undefined
  const stored = await readEntries(settings.file, key)
  const kept = new Map<string, CacheEntry>()
  const docHashes = new Map<SanityDocumentLike, string>()
  const answers = new Map<string, Promise<string | undefined>>()
  let validated = false
  return {
    async reuse(document, context) {
      const docHash = hashJson(document)
      docHashes.set(document, docHash)
      const entry = stored.get(document._id)
      if (!entry || entry.docHash !== docHash || !(await dependenciesHold(entry.dependencies, context, answers))) return undefined
      kept.set(document._id, entry)
      return entry.markers
    },
    keep(document, result) {
      validated = true
      if (!result.cacheable) return
      kept.set(document._id, { docHash: docHashes.get(document) ?? hashJson(document), dependencies: result.dependencies, markers: result.markers })
    },
    save() {
      if (validated || kept.size !== stored.size) writeEntries(settings.file, key, kept)
    },
  }
}

/**
 * Whether every query a stored result depended on gives the same answer over the current
 * documents, and every id it checked still does or does not exist. `answers` remembers
 * queries already run again during this validation (many documents ask the same).
 */
async function dependenciesHold(dependencies: readonly RuleDependency[], context: RuleContext, answers: Map<string, Promise<string | undefined>>): Promise<boolean> {
  for (const dep of dependencies) {
    if ('exists' in dep) {
      if (context.exists(dep.exists) !== dep.result) return false
      continue
    }
    const id = queryId(dep.query, dep.params)
    let answer = answers.get(id)
    if (!answer) {
      answer = context.fetch(dep.query, dep.params).then(hashJson, () => undefined)
      answers.set(id, answer)
    }
    if ((await answer) !== dep.resultHash) return false
  }
  return true
}
