import type { StructureBuilder, StructureResolver, StructureResolverContext } from 'sanity/structure'
import { orderableDocumentListDeskItem } from '@sanity/orderable-document-list'
import {
  BarChartIcon,
  BlockContentIcon,
  BookIcon,
  CalendarIcon,
  ChartUpwardIcon,
  ClockIcon,
  CogIcon,
  DocumentTextIcon,
  EyeOpenIcon,
  LinkIcon,
  RocketIcon,
  TagIcon,
  TrendUpwardIcon,
} from '@sanity/icons'
import { label } from '../schemas/lib/label'
import { singletonItems, type SingletonItem } from './singletons'
import { METRIC_WITH_SOURCE } from './templates'

/**
 * The desk structure editors see: singletons on fixed ids, the ordered lists, metrics grouped
 * by industry and by source, sources, glossary and timeline. The rules that keep singletons
 * single are in ./singletons.ts, templates in ./templates.ts.
 */

/** The API version structure lists query with (GROQ filters with params). */
export const STRUCTURE_API_VERSION = '2025-02-19'

/** GROQ filter: metrics an industry lists under "Related figures" (its draft counts too). */
export const METRICS_OF_INDUSTRY = '_type == "metric" && _id in *[_type == "industry" && _id in [$industryId, "drafts." + $industryId]].metrics[]._ref'

/** GROQ filter: metrics that cite a source. */
export const METRICS_OF_SOURCE = '_type == "metric" && references($sourceId)'

/** GROQ filter: metrics no industry lists, to spot orphans. */
export const METRICS_WITHOUT_INDUSTRY = '_type == "metric" && !(_id in *[_type == "industry"].metrics[]._ref)'

/** The list item of one singleton: opens its document on the fixed id, never a list. */
export function singletonListItem(S: StructureBuilder, item: SingletonItem, icon?: React.ComponentType) {
  return S.listItem().title(item.title).id(item.id).icon(icon).schemaType(item.type).child(S.document().schemaType(item.type).documentId(item.id).title(item.title))
}

/**
 * A list dragged into editorial order (@sanity/orderable-document-list), titled like its list
 * item ("產業 · Industries", not the type's "產業 · Industry").
 */
export function orderedList(S: StructureBuilder, context: StructureResolverContext, options: { type: string; title: string; id: string; icon: React.ComponentType }) {
  const item = orderableDocumentListDeskItem({ ...options, S, context })
  return { ...item, child: { ...(item.child as object), title: options.title } } as typeof item
}

const METRICS = label('數據', 'Metrics')
const GLOSSARY = label('名詞解釋', 'Glossary')

/** Metrics by industry, by source, without industry, and all of them. */
function metricsItem(S: StructureBuilder) {
  const metricList = (title: string, filter: string, params: Record<string, string> = {}) =>
    S.documentList().title(title).schemaType('metric').apiVersion(STRUCTURE_API_VERSION).filter(filter).params(params)

  return S.listItem()
    .title(METRICS)
    .id('metrics')
    .icon(BarChartIcon)
    .child(
      S.list()
        .title(METRICS)
        .id('metrics')
        .items([
          S.listItem()
            .title(label('依產業', 'By industry'))
            .id('metrics-by-industry')
            .icon(RocketIcon)
            .child(
              S.documentTypeList('industry')
                .title(label('依產業查看數據', 'Metrics by industry'))
                .defaultOrdering([{ field: 'orderRank', direction: 'asc' }])
                .child((industryId: string) => metricList(label('本產業的數據', 'Metrics of this industry'), METRICS_OF_INDUSTRY, { industryId })),
            ),
          S.listItem()
            .title(label('依出處', 'By source'))
            .id('metrics-by-source')
            .icon(LinkIcon)
            .child(
              S.documentTypeList('source')
                .title(label('依出處查看數據', 'Metrics by source'))
                .child((sourceId: string) =>
                  metricList(label('引用此出處的數據', 'Metrics citing this source'), METRICS_OF_SOURCE, { sourceId }).initialValueTemplates([
                    S.initialValueTemplateItem(METRIC_WITH_SOURCE, { sourceId }),
                  ]),
                ),
            ),
          S.listItem()
            .title(label('未列入任何產業', 'Not listed by any industry'))
            .id('metrics-without-industry')
            .icon(TagIcon)
            .child(metricList(label('未列入任何產業的數據', 'Metrics not listed by any industry'), METRICS_WITHOUT_INDUSTRY)),
          S.divider(),
          S.documentTypeListItem('metric').title(label('所有數據', 'All metrics')).id('metrics-all'),
        ]),
    )
}

/**
 * The structure: singletons first, then the ordered lists, metrics, sources, glossary,
 * the timeline (by date), what happened to the policy since the brief (newest first), the
 * change notes (newest first) and, last, the accessibility statement.
 */
export const structure: StructureResolver = (S: StructureBuilder, context: StructureResolverContext) =>
  S.list()
    .title(label('內容', 'Content'))
    .id('content')
    .items([
      singletonListItem(S, singletonItems[0]!, CogIcon),
      singletonListItem(S, singletonItems[1]!, DocumentTextIcon),
      S.divider(),
      orderedList(S, context, { type: 'section', title: label('章節', 'Sections'), id: 'sections', icon: BlockContentIcon }),
      orderedList(S, context, { type: 'industry', title: label('產業', 'Industries'), id: 'industries', icon: RocketIcon }),
      orderedList(S, context, { type: 'metricGroup', title: label('數據組', 'Figure groups'), id: 'figure-groups', icon: ChartUpwardIcon }),
      S.divider(),
      metricsItem(S),
      S.documentTypeListItem('source').title(label('出處', 'Sources')).id('sources').icon(LinkIcon),
      S.listItem()
        .title(GLOSSARY)
        .id('glossary')
        .icon(BookIcon)
        .schemaType('glossaryTerm')
        .child(
          S.documentTypeList('glossaryTerm')
            .title(GLOSSARY)
            .apiVersion(STRUCTURE_API_VERSION)
            .defaultOrdering([{ field: 'term.en', direction: 'asc' }]),
        ),
      S.listItem()
        .title(label('大事記', 'Timeline'))
        .id('timeline')
        .icon(CalendarIcon)
        .schemaType('timelineEvent')
        .child(
          S.documentTypeList('timelineEvent')
            .title(label('大事記（依日期）', 'Timeline (by date)'))
            .apiVersion(STRUCTURE_API_VERSION)
            .defaultOrdering([{ field: 'date', direction: 'asc' }]),
        ),
      S.listItem()
        .title(label('政策後續發展', 'Policy developments'))
        .id('policy-developments')
        .icon(TrendUpwardIcon)
        .schemaType('policyDevelopment')
        .child(
          S.documentTypeList('policyDevelopment')
            .title(label('政策後續發展（新到舊）', 'Policy developments (newest first)'))
            .apiVersion(STRUCTURE_API_VERSION)
            .defaultOrdering([{ field: 'date', direction: 'desc' }]),
        ),
      S.divider(),
      S.listItem()
        .title(label('更新紀錄', 'Updates'))
        .id('updates')
        .icon(ClockIcon)
        .schemaType('update')
        .child(
          S.documentTypeList('update')
            .title(label('更新紀錄（新到舊）', 'Updates (newest first)'))
            .apiVersion(STRUCTURE_API_VERSION)
            .defaultOrdering([{ field: 'date', direction: 'desc' }]),
        ),
      S.divider(),
      singletonListItem(S, singletonItems[2]!, EyeOpenIcon),
    ])
