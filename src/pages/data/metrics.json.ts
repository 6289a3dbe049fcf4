/**
 * /data/metrics.json: every figure with both languages, its unit, date and source, and the
 * figure groups (charts). Sorted by slug; no timestamps, so identical content gives an
 * identical file.
 */
import type { APIRoute } from 'astro'
import { locales } from '../../../schemas/locales'
import { openData } from './_metrics'

export const GET: APIRoute = async ({ site }) => {
  const { metrics, groups } = await openData(site)
  const body = {
    description:
      "Figures from the National Development Council's policy brief on Taiwan's Six Core Strategic Industries, with their sources. " +
      'Values are in full units (75 = 75%, 1700000000000 = NT$1.7 trillion); comparator says how the number relates to the figure (exact, about, over, atLeast).',
    languages: locales.map((l) => l.tag),
    metrics,
    groups,
  }
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
