/**
 * A figure as the site writes it, in every language, Chinese first: "新臺幣 1.7 兆元 · NT$1.7
 * trillion". Editors type money in full units (1700000000000); the Studio echoes it under the
 * value input and in the metric list so a missing or extra zero shows before publishing. The
 * text comes from the site's own formatter (schemas/i18n/format.ts: Intl plus the site's
 * templates, no Astro or Node imports), so the Studio and the pages cannot disagree.
 */
import { formatMetricValue, type FormattableMetric } from '../i18n/format.ts'
import { locales } from '../locales.ts'
import { LABEL_SEPARATOR } from './label.ts'

/** What the echo reads of a metric document (or a preview selection shaped like one). */
export interface MetricEchoInput {
  value?: unknown
  unit?: unknown
  currency?: unknown
  comparator?: unknown
  /** What is counted, per locale id (`{ zhTW: '條產線', en: 'production lines' }`). */
  countNoun?: Record<string, unknown> | null
}

const UNITS: readonly string[] = ['percent', 'rank', 'count', 'days', 'currency'] satisfies FormattableMetric['unit'][]
const COMPARATORS: readonly string[] = ['exact', 'about', 'over', 'atLeast'] satisfies FormattableMetric['comparator'][]
const CURRENCIES: readonly string[] = ['TWD', 'USD'] satisfies NonNullable<FormattableMetric['currency']>[]

/**
 * The echo, e.g. "超過新臺幣 1 兆元 · more than NT$1 trillion"; undefined while the figure
 * cannot be written yet (no number, no unit, money without a currency). An unset comparator
 * reads as "exact", the field's initial value.
 */
export function metricEcho(metric: MetricEchoInput): string | undefined {
  const { value, unit, currency } = metric
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  if (typeof unit !== 'string' || !UNITS.includes(unit)) return undefined
  if (unit === 'currency' && (typeof currency !== 'string' || !CURRENCIES.includes(currency))) return undefined
  const comparator = typeof metric.comparator === 'string' && COMPARATORS.includes(metric.comparator) ? metric.comparator : 'exact'
  return locales
    .map((locale) => {
      const noun = metric.countNoun?.[locale.id]
      const figure = {
        value,
        unit,
        comparator,
        currency: unit === 'currency' ? currency : undefined,
        countNoun: typeof noun === 'string' ? noun : undefined,
      } as FormattableMetric
      return formatMetricValue(figure, locale)
    })
    .join(LABEL_SEPARATOR)
}
