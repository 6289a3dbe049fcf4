/**
 * Where a build's CPU time goes: reads the V8 CPU profiles `node --cpu-prof` writes and sums
 * self time per part of the code: a package of node_modules (astro, vite/rolldown, groq-js,
 * @sanity/*, echarts, tailwind…), a folder of the site (src/content, src/charts, src/pages…),
 * Node itself and garbage collection. Pagefind runs as its own binary: its time is in the
 * build's "search" phase, not in these profiles.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

/** The part of the code a script URL belongs to. */
export function categoryOf(url: string, functionName = ''): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(gc)'
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') return functionName
    return '(native)'
  }
  if (url.startsWith('node:') || !url.includes('/')) return '(node)'
  const nm = url.lastIndexOf('/node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/')
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
  }
  // The site's pages as Astro built them for rendering: `chunks/<name>_<hash>.mjs`, the prerender entry.
  const chunk = /\/(?:chunks\/([^/]+?)_[\w-]{8}\.mjs|\.prerender\/(prerender-entry))/.exec(url)
  if (chunk) return `site render: ${chunk[1] ?? chunk[2]}`
  const m = /\/(src\/[^/]+|scripts\/[^/]+|schemas|content|\.astro|\.tmp|dist)(?:\/|$)/.exec(url)
  if (m) return m[1]!.replace(/\.(ts|mjs|js)$/, '')
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/')
}

/** Self milliseconds per category in one profile. */
export function selfTimeByCategory(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  const add = (node: ProfileNode | undefined, ms: number) => {
    if (!node) return
    const cat = categoryOf(node.callFrame.url, node.callFrame.functionName)
    totals.set(cat, (totals.get(cat) ?? 0) + ms)
  }
  if (profile.samples && profile.timeDeltas && profile.samples.length === profile.timeDeltas.length) {
    // Each sample's time is the delta to the next sample.
    for (let i = 0; i < profile.samples.length; i++) {
      const next = profile.timeDeltas[i + 1] ?? 0
      add(byId.get(profile.samples[i]!), next / 1000)
    }
  } else {
    const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1
    const per = (profile.endTime - profile.startTime) / 1000 / hits
    for (const n of profile.nodes) add(n, (n.hitCount ?? 0) * per)
  }
  return totals
}

/** Self seconds per category over every profile in a folder (main thread and workers), largest first. */
export function summarizeProfiles(dir: string): { category: string; seconds: number }[] {
  const totals = new Map<string, number>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
    for (const [cat, ms] of selfTimeByCategory(profile)) totals.set(cat, (totals.get(cat) ?? 0) + ms)
  }
  return [...totals.entries()]
    .filter(([cat]) => cat !== '(idle)')
    .map(([category, ms]) => ({ category, seconds: Math.round(ms) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
}
