/**
 * Pure helpers of the benchmark: medians, ratios, byte and time formatting, the phase line.
 * No I/O here, so the unit tests can check them exactly.
 */

/** The median of a list of numbers (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of an empty list: at least one measurement is needed.')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** `value / base`, rounded to two decimals; `null` when the base is zero or missing. */
export function ratio(value: number, base: number | null | undefined): number | null {
  if (!base || !Number.isFinite(base) || !Number.isFinite(value)) return null
  return Math.round((value / base) * 100) / 100
}

/** Rounds to a number of decimals (for results.json, which should not carry float noise). */
export function round(value: number, decimals = 2): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** Human-readable bytes: 512 B, 7.9 KB, 1.24 MB (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`
}

/** Seconds with a precision that suits the size: 0.42 s, 12.3 s. */
export function formatSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`
}

/**
 * Ratios of runs made one after the other (`values[i] / bases[i]`, two decimals): with the
 * site and the floor alternating, each pair saw about the same load on the machine.
 */
export function pairRatios(values: readonly number[], bases: readonly number[]): number[] {
  return values.flatMap((value, i) => {
    const r = ratio(value, bases[i])
    return r === null ? [] : [r]
  })
}

/** The lowest and highest of paired ratios, as ` (pairs 1.20-1.90x)`; empty for fewer than two. */
export function formatPairRange(pairs: readonly number[] | undefined): string {
  if (!pairs || pairs.length < 2) return ''
  return ` (pairs ${Math.min(...pairs).toFixed(2)}-${Math.max(...pairs).toFixed(2)}x)`
}

/** A ratio as `1.23x`, or `n/a`. */
export function formatRatio(r: number | null): string {
  return r === null ? 'n/a' : `${r.toFixed(2)}x`
}

/**
 * Reads the phase timing line the build prints last, e.g.
 * `content 0.4s · validate 0.2s · pages 3.1s · search 0.5s`, into `{content: 0.4, ...}`.
 * Takes the last line of the output that looks like one; `undefined` when there is none.
 */
export function parsePhaseLine(output: string): Record<string, number> | undefined {
  // Strip ANSI colours the build may print.
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '')
  const lines = plain.split(/\r?\n/).reverse()
  const phase = /([A-Za-z][\w-]*)\s+(\d+(?:\.\d+)?)\s*(ms|s)\b/g
  for (const line of lines) {
    // A phase line is a list of "name N.Ns" joined by "·" (or "|"/","), with at least two phases.
    if (!/[·|,]/.test(line)) continue
    const found = [...line.matchAll(phase)]
    if (found.length < 2) continue
    const rest = line.replace(phase, '').replace(/[·|,\s]/g, '')
    // Allow a short label in front, e.g. "build: " or "✓".
    if (rest.length > 24) continue
    const result: Record<string, number> = {}
    for (const [, name, value, unit] of found) result[name!] = Number(value) / (unit === 'ms' ? 1000 : 1)
    return result
  }
  return undefined
}

/** The median of each phase over several runs (phases missing in a run are skipped for it). */
export function medianPhases(runs: readonly (Record<string, number> | undefined)[]): Record<string, number> | undefined {
  const names = [...new Set(runs.flatMap((r) => (r ? Object.keys(r) : [])))]
  if (names.length === 0) return undefined
  return Object.fromEntries(
    names.map((name) => [name, round(median(runs.flatMap((r) => (r && name in r ? [r[name]!] : []))), 3)]),
  )
}

/** A plain-text table with right-aligned numeric-looking cells, for the terminal and Markdown. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], markdown = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const numeric = (s: string) => /^[\d.,\s%x\-+~≤<>/]*(?:s|B|KB|MB|GB|ms|x|%)?$/.test(s.trim()) && /\d/.test(s)
  const cell = (s: string, i: number) => (numeric(s) ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.map((c, i) => cell(c, i)).join(' | ')} |`
    const sep = `| ${widths.map((w, i) => (rows.some((r) => numeric(r[i] ?? '')) ? `${'-'.repeat(Math.max(1, w - 1))}:` : '-'.repeat(w))).join(' | ')} |`
    return [line(header), sep, ...rows.map(line)].join('\n')
  }
  const line = (cells: readonly string[]) => cells.map((c, i) => cell(c, i)).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
