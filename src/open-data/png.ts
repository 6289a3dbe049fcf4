/**
 * SVG to PNG at build time, with resvg (`@resvg/resvg-js`, a prebuilt binary from its npm
 * package) and fonts from npm packages only, never the machine's: Noto Sans (Latin) and
 * Noto Sans TC (Chinese), regular and bold. The same SVG gives the same PNG on every machine.
 *
 * Speed: resvg shapes text with the whole font, and Noto Sans TC is 7 MB a weight, which makes
 * every Chinese label slow. The fonts are first cut down to the characters of the SVGs being
 * rendered (subset-font, HarfBuzz's own subsetter), once per batch; glyphs are unchanged, so
 * the PNG is the same as with the whole font. Rendered PNGs are kept in the build's cache
 * folder by input (the SVG's bytes, the zoom and RENDERER_VERSION), so a warm build renders
 * only what changed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import pMap from 'p-map'
import { HintedError } from '../content/content-error.ts'
import { cacheFolder } from '../utils/cache-folder.ts'
import { sha256 } from '../utils/hash.ts'
import { FONT_FAMILY, FONT_PACKAGE_FILES, FONT_PACKAGES } from './fonts.ts'
import { cacheStore } from './cache-store.ts'
import { collectWhenGrown } from './heap.ts'
import { packageVersion } from './package-version.ts'

const require = createRequire(import.meta.url)

/** The font files, resolved inside their npm packages. */
export const FONT_FILES: readonly string[] = FONT_PACKAGE_FILES.map((file) => require.resolve(file))

/** What a cached PNG depends on besides its SVG: the renderer, the fonts and this module's options. */
export const RENDERER_VERSION = ['png-1', ...['@resvg/resvg-js', 'subset-font', ...FONT_PACKAGES].map(packageVersion)].join(' ')

/** One picture to render: the SVG document and how many pixels per SVG unit. */
export interface PngJob {
  svg: string
  zoom: number
}

const cacheKey = (job: PngJob) => sha256(`${RENDERER_VERSION}\n${job.zoom}\n${job.svg}`)

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')

/** The characters of SVG documents: their text with entities decoded, plus ASCII. */
export function svgCharacters(svgs: string[]): string {
  const text = svgs
    .join('')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
  return [...new Set(text + ASCII)].sort().join('')
}

/**
 * The fonts cut down to `chars`, as files (resvg's Node binding takes font files only: its
 * options cross to Rust as JSON), in the cache folder by their input, or a temporary folder.
 */
async function subsetFontFiles(chars: string, dir: string | undefined): Promise<string[]> {
  const folder = join(dir ?? join(tmpdir(), 'six-core-fonts'), 'fonts', sha256(`${RENDERER_VERSION}\n${chars}`).slice(0, 32))
  const files = FONT_FILES.map((file) => join(folder, basename(file)))
  if (files.every((f) => existsSync(f))) return files
  const subsetFont = require('subset-font') as typeof import('subset-font')
  const subsets = await Promise.all(FONT_FILES.map((file) => subsetFont(readFileSync(file), chars, { targetFormat: 'truetype' })))
  // Only the newest subset is kept: an older one is for characters no longer rendered.
  rmSync(dirname(folder), { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  subsets.forEach((bytes, i) => {
    writeFileSync(files[i]!, bytes)
  })
  return files
}

type ResvgModule = typeof import('@resvg/resvg-js')

/** resvg's options for every picture but its zoom: fonts from npm only, on white. */
const resvgOptions = (fontFiles: readonly string[]) => ({
  font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: FONT_FAMILY.latin, sansSerifFamily: FONT_FAMILY.latin },
  background: '#ffffff',
})

const renderError = (error: unknown) =>
  new HintedError(`resvg could not render an SVG: ${(error as Error).message}`, 'The SVG is made by src/open-data/: check the template that made it.', 'files.png')

/** Renders SVGs here, one after another: a PNG on white, `zoom` pixels per SVG unit. */
function renderHere(jobs: PngJob[], fontFiles: readonly string[]): Buffer[] {
  const { Resvg } = require('@resvg/resvg-js') as ResvgModule
  try {
    return jobs.map((job) => new Resvg(job.svg, { ...resvgOptions(fontFiles), fitTo: { mode: 'zoom', value: job.zoom } }).render().asPng())
  } catch (error) {
    throw renderError(error)
  }
}

/** png-worker.mjs beside this file; absent where this module was bundled (the preview server). */
function workerFile(): string | undefined {
  try {
    const file = fileURLToPath(new URL('./png-worker.mjs', import.meta.url))
    return existsSync(file) ? file : undefined
  } catch {
    return undefined
  }
}

/**
 * How many pictures one worker thread draws before it exits: their PNGs come back together,
 * and whatever resvg held outside the JavaScript heap that the thread's collections
 * (png-worker.mjs) did not give back is given back when it ends.
 */
const PICTURES_PER_WORKER = 64

/** One worker thread drawing `jobs`: their PNGs, in order. */
function renderOnWorker(file: string, jobs: PngJob[], fontFiles: readonly string[]): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { jobs, options: resvgOptions(fontFiles) } })
    worker.once('message', resolve)
    worker.once('error', (error) => reject(renderError(error)))
    worker.once('exit', (code) => code !== 0 && reject(renderError(new Error(`a PNG worker stopped with code ${code}`))))
  })
}

/**
 * Renders pictures on worker threads, as many at a time as there are cores, a few dozen
 * each; each PNG handed to `each` with its index in `jobs`. A job's SVG is made only when its
 * thread starts, so only the pictures in flight are in memory.
 */
async function renderOnWorkers(jobs: readonly (() => PngJob)[], fontFiles: readonly string[], file: string, each: (index: number, png: Buffer) => void): Promise<void> {
  const starts = Array.from({ length: Math.ceil(jobs.length / PICTURES_PER_WORKER) }, (_, k) => k * PICTURES_PER_WORKER)
  await pMap(
    starts,
    async (start) => {
      const chunk = jobs.slice(start, start + PICTURES_PER_WORKER).map((job) => job())
      const pngs = await renderOnWorker(file, chunk, fontFiles)
      for (const [n, png] of pngs.entries()) each(start + n, Buffer.from(png))
    },
    { concurrency: availableParallelism() },
  )
}

/**
 * A PNG made or found: its bytes, and the cache file that holds exactly them when there is
 * one, which a writer may link instead of writing a copy (`bytes` is read from it only when
 * asked for).
 */
export interface Png {
  readonly bytes: Buffer
  readonly cacheFile?: string
}

const drawnPng = (bytes: Buffer, cacheFile: string | undefined): Png => ({ bytes, cacheFile })
const storedPng = (cacheFile: string): Png => ({
  cacheFile,
  get bytes() {
    return readFileSync(cacheFile)
  },
})

/** Statistics of the last `renderPngs` call, for tests and the build's log. */
export const pngStats = { hits: 0, misses: 0, threads: 0 }

/**
 * Renders every picture, from the cache where it can, and hands each PNG to `each` with its
 * index as soon as it is there (in no set order). Each job is a function that makes its SVG:
 * called once to look the picture up and again when it must be drawn, so a whole site's
 * pictures and PNGs never sit in memory together. `whole`: these are all the site's PNGs, so
 * the cache keeps exactly them. `drawAfter`: pictures to draw wait for it (the build: until
 * Astro is done, so drawing, which takes every core and most memory, never adds its memory to
 * Astro's); cached ones do not wait.
 */
export async function eachPng(
  jobs: readonly (() => PngJob)[],
  each: (index: number, png: Png) => void,
  options: { whole?: boolean; cacheDir?: string; drawAfter?: Promise<unknown> } = {},
): Promise<void> {
  const dir = options.cacheDir ?? cacheFolder()
  // PNGs rendered by earlier builds, one file each under `png/` in the cache folder.
  const store = cacheStore(dir && join(dir, 'png'), '.png')
  const keys: string[] = []
  const missing: number[] = []
  const chars = new Set<string>()
  jobs.forEach((job, i) => {
    collectWhenGrown()
    const picture = job()
    keys.push(cacheKey(picture))
    const stored = store.find(keys[i]!)
    if (stored) {
      each(i, storedPng(stored))
    } else {
      missing.push(i)
      for (const c of svgCharacters([picture.svg])) chars.add(c)
    }
  })
  pngStats.hits = jobs.length - missing.length
  pngStats.misses = missing.length
  if (missing.length > 0) {
    await options.drawAfter
    // resvg is loaded only when something is to be rendered (a warm build needs neither), with
    // Node's own require, which loads resvg's native addon whichever loader (the build's, or
    // Vite's in the preview server) loaded this module.
    const fonts = await subsetFontFiles([...chars].sort().join(''), dir)
    const todo = missing.map((i) => jobs[i]!)
    const file = todo.length > 1 ? workerFile() : undefined
    pngStats.threads = file ? Math.min(availableParallelism(), Math.ceil(todo.length / PICTURES_PER_WORKER)) : 0
    const drawn = (n: number, png: Buffer) => each(missing[n]!, drawnPng(png, store.put(keys[missing[n]!]!, png)))
    if (file) await renderOnWorkers(todo, fonts, file, drawn)
    else
      for (const [n, png] of renderHere(
        todo.map((job) => job()),
        fonts,
      ).entries())
        drawn(n, png)
  }
  if (options.whole) store.prune(new Set(keys))
}

/** Renders every job ({@link eachPng}), the PNGs in the order of `jobs`: for a few pictures. */
export async function renderPngs(jobs: PngJob[], options: { whole?: boolean; cacheDir?: string } = {}): Promise<Buffer[]> {
  const out: Buffer[] = new Array(jobs.length)
  await eachPng(
    jobs.map((job) => () => job),
    (i, png) => {
      out[i] = png.bytes
    },
    options,
  )
  return out
}
