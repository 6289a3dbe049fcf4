/**
 * Charts rendered by earlier builds, kept on disk: a publish usually changes one figure, and
 * ECharts' SVG rendering is the largest single cost of rendering pages. Within a build,
 * identical charts are already rendered once (src/charts/render.ts); this carries them across
 * builds.
 *
 * Correctness: an entry is the SVG for the exact chart spec (hashed), and the whole file is
 * ignored unless its `version` matches: a hash of render.ts's own source (layout and post-
 * processing) and the ECharts version. Only the charts the last build used are kept.
 *
 * Where: the build's cache folder (src/utils/cache-folder.ts: `BUILD_CACHE_DIR`, else
 * node_modules/.cache/six-core/ under the working directory, where the build starts Astro;
 * `BUILD_CACHE=0` turns it off). A missing or unreadable file only means charts are rendered
 * again.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { cacheFolder } from '../utils/cache-folder.ts'
import { sha256 } from '../utils/hash.ts'

/** A chart cache file: the version it was written for and SVGs by spec hash. */
interface StoredCharts {
  version: string
  charts: Record<string, string>
}

/** Hits and misses of the disk cache in this process. */
export interface ChartDiskCacheStats {
  file: string
  loaded: number
  hits: number
  misses: number
}

/** The disk cache of one build: look up, record, and write back at the end (`flush`). */
export interface ChartDiskCache {
  get(specJson: string): string | undefined
  set(specJson: string, svg: string): void
  /**
   * Writes the charts used so far, when something changed: a chart rendered anew, or a
   * stored chart no longer used. src/charts/render.ts calls it when the process exits.
   */
  flush(): void
  stats(): ChartDiskCacheStats
}

/** Opens the cache file `name` for charts of `version` (see the module comment); undefined when turned off. */
export function openChartDiskCache(version: string, dir = cacheFolder(), name = 'charts.json'): ChartDiskCache | undefined {
  if (!dir) return undefined
  const file = join(dir, name)
  let stored: Record<string, string> = {}
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredCharts>
    if (parsed && parsed.version === version && parsed.charts && typeof parsed.charts === 'object') stored = parsed.charts
  } catch {
    // No cache yet, or an unreadable one: render everything.
  }
  const loaded = Object.keys(stored).length
  const used = new Map<string, string>()
  let hits = 0
  let misses = 0

  const flush = () => {
    if (misses === 0 && used.size === loaded) return // nothing new, nothing dropped
    try {
      mkdirSync(dirname(file), { recursive: true })
      writeFileAtomic.sync(file, JSON.stringify({ version, charts: Object.fromEntries(used) } satisfies StoredCharts))
    } catch {
      // A read-only checkout or a full disk: the next build renders again.
    }
  }

  return {
    get(specJson) {
      const key = sha256(specJson)
      const svg = used.get(key) ?? stored[key]
      if (svg !== undefined) {
        hits += 1
        used.set(key, svg)
      }
      return svg
    },
    set(specJson, svg) {
      misses += 1
      used.set(sha256(specJson), svg)
    },
    flush,
    stats: () => ({ file, loaded, hits, misses }),
  }
}
