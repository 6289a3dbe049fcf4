/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`, issue #5).
 *
 * A page that returns a `cacheKey` from `getStaticPaths()` is copied from the previous build
 * when its key and its code (Astro hashes the page's module graph, the config and the
 * lockfile) are unchanged. So a key must cover every piece of content the page renders: a key
 * that misses one serves a stale page after an edit.
 *
 * How that is kept true: a keyed page renders from its props alone, never from
 * `getSiteView()` in its body, and its key is the digest of those props ({@link pageCacheKey}).
 * The layout gets a {@link LayoutView}, the slice of the view it reads, typed so that the
 * layout cannot read more; Portable Text gets only the link targets it names
 * ({@link linkTargets}). tests/build/incremental-build.test.ts edits each kind of document and
 * checks that the incremental build equals a full one.
 */
import type { PortableTextBlock } from '@portabletext/types'
import type { Localized } from './localize'
import type { SiteView } from './load'
import { previewInfo } from './preview'
import { sha256 } from '../utils/build-cache'

/** What the layout (Base, Header, Footer) reads of the view: nothing else. */
export interface LayoutView {
  locale: SiteView['locale']
  settings: SiteView['settings']
  policy: Pick<SiteView['policy'], 'source'>
}

/** The layout's slice of a view, as a new object: a key over it covers exactly that. */
export function layoutView(view: SiteView): LayoutView {
  return { locale: view.locale, settings: view.settings, policy: { source: view.policy.source } }
}

/** The `_ref`s anywhere in a Portable Text value (internal links in mark definitions). */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '_ref' && typeof item === 'string') into.add(item)
      else collectRefs(item, into)
    }
  }
}

/**
 * The entries of `documentsById` that a Portable Text body links to (a draft id also finds
 * its published document, as the renderer does), sorted by id. Passing these instead of the
 * whole map keeps a page's key from changing when an unrelated document is added.
 */
export function linkTargets(body: Localized<PortableTextBlock[]> | undefined, documentsById: SiteView['documentsById']): SiteView['documentsById'] {
  const refs = new Set<string>()
  if (body) collectRefs(body.value, refs)
  const found: SiteView['documentsById'] = new Map()
  for (const ref of [...refs].sort()) {
    for (const id of [ref, ref.replace(/^drafts\./, '')]) {
      const doc = documentsById.get(id)
      if (doc) found.set(id, doc)
    }
  }
  return found
}

/** JSON with Maps written as their entries (JSON.stringify writes a Map as `{}`). */
function keyJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? { '@map': [...item.entries()] } : item))
}

/**
 * What a page's output depends on besides its props and its code: whether this is a drafts
 * preview (banner and robots meta on every page) and the Node version with its ICU data
 * (Intl formats every number and date). The site address and everything else in the config
 * are Astro's own part of the check.
 */
function buildInputs(): string {
  return keyJson({ keys: 1, preview: previewInfo(), node: process.versions.node, icu: process.versions.icu, unicode: process.versions.unicode })
}

let inputs: string | undefined

/** Digests of the objects props are made of, by identity: a view's objects never change once built. */
const digests = new WeakMap<object, string>()

/** SHA-256 of a value's JSON; objects are digested once, however many pages share them. */
function digestOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return keyJson(value) ?? 'undefined'
  // A page's own list (e.g. its charts' groups) is new on every page; its items are shared.
  if (Array.isArray(value)) return `[${value.map(digestOf).join(',')}]`
  let digest = digests.get(value)
  if (digest === undefined) {
    digest = sha256(keyJson(value))
    digests.set(value, digest)
  }
  return digest
}

/**
 * The cache key of a page that renders from `props` alone: a SHA-256 over the build inputs
 * outside the content and each prop's name and digest (Maps included). Equal content gives an
 * equal key; any change to what the props hold gives another one.
 *
 * Props are digested one by one because many pages share them (every figure page of a locale
 * has the same layout; a chart's group is on each of its figures' pages): at 7,216 pages,
 * one JSON per page took 0.4 s, one per object takes a tenth of that.
 */
export function pageCacheKey(props: Record<string, unknown>): string {
  inputs ??= buildInputs()
  return sha256(inputs + Object.keys(props).sort().map((name) => `\n${name}=${digestOf(props[name])}`).join(''))
}
