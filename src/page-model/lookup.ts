import type { MetricView } from '../content/views.ts'

/** A figure's id and its source's: what showing the figure shows. */
export const withSources = (metrics: MetricView[]) => metrics.flatMap((m) => [m.id, m.source.id])
