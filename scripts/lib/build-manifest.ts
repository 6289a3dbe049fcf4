/**
 * The build's manifest, `build.json` at the site's root (format: schemas/build-manifest.ts):
 * every published document the site query saw, with the revision it saw and the pages that
 * show it, as the page layer declares them (`allPages`). Written into the work folder in the
 * files phase, so it is swapped in with the pages it describes and never says more than they do.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts).
 */
import { BUILD_MANIFEST_PATH, type BuildManifest, type ManifestDocument } from '../../schemas/build-manifest.ts'
import type { SourceOrigin } from '../../src/content/source/index.ts'
import type { SiteContent, SiteViews } from '../../src/content/views.ts'
import { allPages } from '../../src/page-model/index.ts'
import { writeSiteFile } from './site-file.ts'

/** What the manifest is made from: the build's time, its source, the site query's result and the views built from it. */
export interface ManifestInput {
  /** When the build started, before it read the content: whatever was published later may be missing. */
  builtAt: Date
  origin: SourceOrigin
  changes: SiteContent['changes']
  views: SiteViews
}

/** The sorted paths of the pages that show each document, by id. */
function pagesByDocument(views: SiteViews): Map<string, string[]> {
  const byId = new Map<string, Set<string>>()
  for (const page of allPages(views)) {
    for (const id of page.documents) {
      const paths = byId.get(id) ?? new Set<string>()
      paths.add(page.path)
      byId.set(id, paths)
    }
  }
  return new Map([...byId].map(([id, paths]) => [id, [...paths].sort()]))
}

/** The manifest of a build: published documents only (a `drafts.` id is never listed), sorted by id. */
export function buildManifest({ builtAt, origin, changes, views }: ManifestInput): BuildManifest {
  const pages = pagesByDocument(views)
  // The raw result may carry fields TypeGen does not promise (or lack ones it does): read what is there.
  const documents: ManifestDocument[] = (changes as { _id: string; _type: string; _rev?: unknown; _updatedAt?: unknown }[])
    .filter((doc) => !doc._id.startsWith('drafts.'))
    .map((doc) => ({
      _id: doc._id,
      _type: doc._type,
      _rev: typeof doc._rev === 'string' && doc._rev ? doc._rev : null,
      _updatedAt: typeof doc._updatedAt === 'string' && doc._updatedAt ? doc._updatedAt : null,
      pages: pages.get(doc._id) ?? [],
    }))
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  return { builtAt: builtAt.toISOString(), source: origin, documents }
}

/** Writes the manifest at the root of the built site; refuses to overwrite a file Astro wrote there. */
export function writeBuildManifest(siteDir: string, manifest: BuildManifest): void {
  writeSiteFile(siteDir, BUILD_MANIFEST_PATH, `${JSON.stringify(manifest)}\n`)
}
