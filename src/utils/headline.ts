import type { MetricView } from '../content/views'

/**
 * The home page's headline figures, by slug, in display order: the six-trillion investment,
 * the foundry market share, the BERI rank and the Invest-in-Taiwan total. Each entry lists
 * the slugs it may have in the dataset; the first that exists is shown.
 */
export const HEADLINE_METRICS: string[][] = [
  ['six-trillion-total'],
  ['foundry-market-share'],
  ['beri-investment-risk-rank'],
  ['invest-in-taiwan-total'],
]

/** The figures for a list of slug choices; a choice with no match is skipped with a build warning. */
export function pickMetrics(metrics: MetricView[], choices: string[][]): MetricView[] {
  const bySlug = new Map(metrics.map((m) => [m.slug, m]))
  return choices.flatMap((slugs) => {
    const found = slugs.map((s) => bySlug.get(s)).find(Boolean)
    if (!found) console.warn(`[home] no headline figure with slug ${slugs.map((s) => `"${s}"`).join(' or ')}; skipped`)
    return found ? [found] : []
  })
}
