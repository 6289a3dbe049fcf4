/**
 * One chart per figure group: horizontal bars, category labels and value labels in the
 * page's language, the comparator kept ("> 80%"). Pure data in, SVG string out; the
 * rendering is memoized in render.ts, so the same group in the same language is drawn once
 * per build however many pages show it.
 */
import type { MetricGroupView, MetricView } from '../content/views'
import { formatMetricValue, formatPlainNumber } from '../../schemas/i18n/format.ts'
import type { Locale } from '../../schemas/locales'
import { plainText } from '../utils/page.ts'
import { renderBarChart, type BarChartSpec } from './render.ts'

/** One row of a group's table and chart: the same numbers, so they cannot disagree. */
export interface GroupRow {
  slug: string
  label: string
  /** `lang` of the label when it is a fallback from another language. */
  labelLang?: string
  value: number
  /** Plain number for `<data value>`. */
  plain: string
  /** Formatted for running text and tables: "more than NT$1 trillion". */
  text: string
  /** Formatted for the chart: "> NT$1T". */
  short: string
  asOf: string
}

function unitKey(m: MetricView): string {
  return m.unit === 'currency' ? `currency:${m.currency ?? '?'}` : m.unit
}

/** Checks that a group can share one axis: every figure has the same unit (and currency). */
export function assertOneUnit(group: MetricGroupView): void {
  const kinds = [...new Set(group.metrics.map(unitKey))]
  if (kinds.length > 1) {
    throw new Error(
      `The figure group "${group.slug}" mixes units (${kinds.join(', ')}), so its figures cannot share a chart. ` + 'Hint: put figures of one unit (and currency) in a group.',
    )
  }
}

/** The rows of a group, in the group's editorial order. */
export function groupRows(group: MetricGroupView, l: Locale): GroupRow[] {
  assertOneUnit(group)
  return group.metrics.map((m) => ({
    slug: m.slug,
    label: m.label.value,
    labelLang: m.label.fallback ? m.label.lang : undefined,
    value: m.value,
    plain: formatPlainNumber(m.value),
    text: formatMetricValue(m, l),
    short: formatMetricValue(m, l, { style: 'short' }),
    asOf: m.asOf,
  }))
}

/** The chart spec of a group: exported so tests can check what the chart says. */
export function groupChartSpec(group: MetricGroupView, l: Locale): BarChartSpec {
  const rows = groupRows(group, l)
  const unit = group.metrics[0]?.unit
  if (unit === 'rank') {
    // The track runs from first place to at least tenth, so "No. 3" reads as near the top.
    const max = Math.max(10, ...rows.map((r) => r.value))
    const end = (n: number) => formatMetricValue({ value: n, unit: 'rank', comparator: 'exact' }, l)
    return {
      ariaLabel: `${group.title.value}: ${rows.map((r) => `${r.label} ${r.text}`).join('; ')}`,
      lang: l.tag,
      kind: 'rank',
      rows: rows.map((r) => ({ label: r.label, value: r.value, text: r.short })),
      max,
      trackLabels: [end(1), end(max)],
    }
  }
  return {
    ariaLabel: `${group.title.value}: ${rows.map((r) => `${r.label} ${r.text}`).join('; ')}`,
    lang: l.tag,
    rows: rows.map((r) => ({ label: r.label, value: r.value, text: r.short })),
    // A share is drawn against the whole; other units against the largest figure.
    max: unit === 'percent' ? 100 : undefined,
  }
}

/** The group's chart as an inline SVG string (role="img", colours from CSS). */
export function renderGroupChart(group: MetricGroupView, locale: Locale): string {
  // A chart is drawn from plain text: the preview's edit marks would change its layout and cache key.
  return renderBarChart(plainText(groupChartSpec(group, locale)))
}
