import type { InitialValueResolverContext, Template } from 'sanity'
import { LexoRank } from 'lexorank'
import { schemaTypes } from '../schemas'
import { label } from '../schemas/lib/label'
import { filterTemplates } from './singletons'

/**
 * Initial-value templates: none for singletons (they live on fixed ids), a place at the end of
 * the list for new documents of ordered types, and "Metric citing this source" for the
 * metrics-by-source lists.
 */

/** Document types with an `orderRank` field: their lists are dragged into editorial order. */
export const rankedTypes: ReadonlySet<string> = new Set(
  schemaTypes.filter((type) => type.type === 'document' && 'fields' in type && type.fields.some((field) => field.name === 'orderRank')).map((type) => type.name),
)

/** The id of the template that pre-fills a metric's source. */
export const METRIC_WITH_SOURCE = 'metric-with-source'

/** The API version templates query with. */
const API_VERSION = '2025-02-19'

/**
 * The rank after `last`, as @sanity/orderable-document-list computes it, so a new document
 * appears at the end of its list and passes the "Required: an order" rule without a drag.
 */
export function rankAfter(last: string | null | undefined): string {
  let rank = LexoRank.min()
  if (typeof last === 'string' && last !== '') {
    try {
      rank = LexoRank.parse(last)
    } catch {
      rank = LexoRank.min()
    }
  }
  return rank.genNext().genNext().toString()
}

/** The rank for a new document of `type`: after the last one, drafts included. */
export async function nextOrderRank(type: string, context: Pick<InitialValueResolverContext, 'getClient'>): Promise<string> {
  const last = await context.getClient({ apiVersion: API_VERSION }).fetch<string | null>('*[_type == $type && defined(orderRank)] | order(orderRank desc)[0].orderRank', { type })
  return rankAfter(last)
}

async function resolveValue(value: Template['value'], params: unknown, context: InitialValueResolverContext): Promise<Record<string, unknown>> {
  const resolved = typeof value === 'function' ? await value(params, context) : value
  return resolved && typeof resolved === 'object' ? (resolved as Record<string, unknown>) : {}
}

/** A metric whose source is already chosen (used by "Metrics → By source → <source>"). */
export const metricWithSourceTemplate: Template<{ sourceId?: string }> = {
  id: METRIC_WITH_SOURCE,
  title: label('引用此出處的數據', 'Metric citing this source'),
  schemaType: 'metric',
  parameters: [{ name: 'sourceId', type: 'string' }],
  value: (params: { sourceId?: string } | undefined) => (params?.sourceId ? { source: { _type: 'reference', _ref: params.sourceId.replace(/^drafts\./, '') } } : {}),
}

/** `schema.templates`: the rules above applied to Sanity's default templates. */
export function resolveTemplates(prev: Template[]): Template[] {
  const templates = filterTemplates(prev).map((template): Template => {
    if (!rankedTypes.has(template.schemaType)) return template
    const original = template.value
    return {
      ...template,
      value: async (params: unknown, context: InitialValueResolverContext) => ({
        ...(await resolveValue(original, params, context)),
        orderRank: await nextOrderRank(template.schemaType, context),
      }),
    }
  })
  return templates.some((t) => t.id === METRIC_WITH_SOURCE) ? templates : [...templates, metricWithSourceTemplate]
}
