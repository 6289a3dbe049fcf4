/**
 * Lighthouse (its Node API) on Debian's Chromium against `astro preview` on 127.0.0.1 serving
 * the real site: performance, accessibility, best practices and SEO of six pages. Default
 * settings: mobile with simulated throttling, the stricter preset. Scores are the median of
 * a few runs, as Lighthouse advises for noisy machines.
 */
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from '../../scripts/lib/files.ts'

export const CHROMIUM = '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Scores = Record<(typeof CATEGORIES)[number], number | null>

export interface LighthouseResult {
  label: string
  path: string
  scores: Scores
  /** Audits below a full score, for finding what to fix. */
  failing: string[]
}

/** Fails at once, with the fix, when Chromium is missing (never let Lighthouse fetch a browser). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (Lighthouse runs in it). Install it: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`)
}

/** Home, the first industry and the heaviest figure page (it has charts), in each locale. */
export function lighthousePages(outDir: string, localeSegments: readonly string[]): { label: string; path: string }[] {
  const files = listFiles(outDir)
  const slugs = (seg: string, section: string) => files.flatMap((f) => new RegExp(`^${seg}/${section}/([^/]+)/index\\.html$`).exec(f)?.slice(1, 2) ?? [])
  const size = (seg: string, slug: string) => statSync(join(outDir, seg, 'metrics', slug, 'index.html')).size
  const [first] = localeSegments
  const industry = slugs(first!, 'industries')[0]
  const metric = slugs(first!, 'metrics').reduce<string | undefined>((a, b) => (a === undefined || size(first!, b) > size(first!, a) ? b : a), undefined)
  return localeSegments.flatMap((seg) => [
    { label: `home (${seg})`, path: `/${seg}/` },
    ...(industry ? [{ label: `industry ${industry} (${seg})`, path: `/${seg}/industries/${industry}/` }] : []),
    ...(metric ? [{ label: `metric ${metric} (${seg})`, path: `/${seg}/metrics/${metric}/` }] : []),
  ])
}

export function medianScores(runs: Scores[]): Scores {
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!
  return Object.fromEntries(
    CATEGORIES.map((c) => {
      const values = runs.map((r) => r[c])
      return [c, values.length > 0 && values.every((v) => v !== null) ? med(values as number[]) : null]
    }),
  ) as Scores
}

/** Serves `outDir` with `astro preview` until the returned stop() is called. */
async function startPreview(repo: string, outDir: string, port: number): Promise<() => void> {
  const astro = join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs')
  const child = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir, '--ignore-lock'], {
    cwd: repo,
    // Keeps preview in the foreground even when Astro guesses it runs under an agent.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_PREVIEW_BACKGROUND: '1' },
    stdio: 'ignore',
  })
  const stop = () => void (child.exitCode === null && child.kill('SIGTERM'))
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}.`)
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return stop
  }
  stop()
  throw new Error(`astro preview did not answer on port ${port} within 60 s.`)
}

/** Lighthouse `runs` times on each page of the site in `outDir`, in one Chromium. */
export async function runLighthouse(repo: string, outDir: string, pages: { label: string; path: string }[], runs: number): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse')
  const { launch } = await import('chrome-launcher')
  const port = 4400 + (process.pid % 500)
  const stopPreview = await startPreview(repo, outDir, port)
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const results: LighthouseResult[] = []
    for (const page of pages) {
      const all: Scores[] = []
      const failing = new Set<string>()
      for (let i = 0; i < runs; i++) {
        const url = `http://127.0.0.1:${port}${page.path}`
        const lhr = (await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }))?.lhr
        if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`)
        all.push(Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)])) as Scores)
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id]
            if (ref.weight > 0 && ['binary', 'numeric'].includes(audit?.scoreDisplayMode ?? '') && audit!.score !== null && audit!.score < 1) failing.add(`${c}: ${ref.id}`)
          }
        }
      }
      results.push({ ...page, scores: medianScores(all), failing: [...failing] })
    }
    return results
  } finally {
    chrome.kill()
    stopPreview()
  }
}
