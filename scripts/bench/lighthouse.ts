/**
 * Lighthouse (the pinned lighthouse@12.2.3, through its Node API) on Debian's Chromium,
 * against `astro preview --host 127.0.0.1` serving a built site: performance,
 * accessibility, best practices and SEO for a list of URLs. Default Lighthouse settings:
 * mobile form factor with simulated throttling (the stricter of its two presets).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { median } from './stats'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

export interface LighthouseResult {
  url: string
  label: string
  /** The median score per category over the runs (Lighthouse's own advice for noisy machines). */
  scores: Record<Category, number | null>
  /** Every run's scores, in order. */
  runs: Record<Category, number | null>[]
  /** Audits that did not pass (score < 1), per category, for the report. */
  failing: { id: string; title: string; score: number | null; category: Category }[]
}

/** Starts `astro preview` on 127.0.0.1 for an output folder; resolves once it answers. */
export async function startPreview(repo: string, outDir: string, port: number): Promise<{ origin: string; stop: () => void; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(repo, 'node_modules/astro/bin/astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', outDir, '--ignore-lock'],
    // ASTRO_PREVIEW_BACKGROUND keeps it in the foreground even when Astro thinks an agent runs it.
    { cwd: repo, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_PREVIEW_BACKGROUND: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d))
  child.stderr!.on('data', (d: Buffer) => (output += d))
  const origin = `http://127.0.0.1:${port}`
  const stop = () => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM')
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}:\n${output}`)
    try {
      const res = await fetch(`${origin}/`)
      if (res.status < 500) return { origin, stop, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  stop()
  throw new Error(`astro preview did not answer on ${origin} within 60 s:\n${output}`)
}

/** Median of each category's scores over runs (null when a run has none). */
export function medianScores(runs: Record<Category, number | null>[]): Record<Category, number | null> {
  return Object.fromEntries(
    CATEGORIES.map((c) => {
      const values = runs.map((r) => r[c]).filter((v): v is number => v !== null)
      return [c, values.length === runs.length && values.length > 0 ? median(values) : null]
    }),
  ) as Record<Category, number | null>
}

/** Runs Lighthouse `runs` times on each URL in turn with one Chromium; scores are medians. */
export async function runLighthouse(targets: { url: string; label: string }[], runs = 1): Promise<LighthouseResult[]> {
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  const results: LighthouseResult[] = []
  try {
    for (const target of targets) {
      const all: Record<Category, number | null>[] = []
      const failing: LighthouseResult['failing'] = []
      for (let run = 0; run < runs; run++) {
        const runner = await lighthouse(target.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
        if (!runner) throw new Error(`Lighthouse returned nothing for ${target.url}`)
        const lhr = runner.lhr
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${target.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
        all.push(
          Object.fromEntries(
            CATEGORIES.map((c) => [c, lhr.categories[c]?.score === null || lhr.categories[c] === undefined ? null : Math.round(lhr.categories[c]!.score! * 100)]),
          ) as Record<Category, number | null>,
        )
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id]
            if (!audit || ref.weight === 0) continue
            if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual' || audit.scoreDisplayMode === 'informative') continue
            if (audit.score !== null && audit.score < 1 && !failing.some((f) => f.id === audit.id)) failing.push({ id: audit.id, title: audit.title, score: audit.score, category: c })
          }
        }
      }
      results.push({ url: target.url, label: target.label, scores: medianScores(all), runs: all, failing })
    }
  } finally {
    chrome.kill()
  }
  return results
}
