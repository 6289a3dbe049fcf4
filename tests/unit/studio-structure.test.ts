/**
 * The Studio's structure and the rules that keep singletons single, tested without a browser:
 * the structure resolver runs on Sanity's own StructureBuilder (`createStructureBuilder`) over
 * the compiled schema, and the config hooks (templates, new-document options, document actions)
 * are called as the Studio calls them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { DocumentActionComponent, Template, TemplateItem } from 'sanity'
import { evaluate, parse } from 'groq-js'
import { singletons, singletonTypes, documentTypes } from '../../schemas'
import {
  filterNewDocumentOptions,
  filterTemplates,
  isAllowedOnSingleton,
  resolveDocumentActions,
  singletonActionKeys,
  singletonItems,
  OPEN_ON_SITE,
  PUBLISH_WITH_CHANGE_NOTE,
} from '../../studio/singletons'
import { METRIC_WITH_SOURCE, metricWithSourceTemplate, rankAfter, rankedTypes, resolveTemplates } from '../../studio/templates'
import { filterField, isLocalizedType, languageFilterDocumentTypes, supportedLanguages } from '../../studio/lib/languages'
import { locales } from '../../schemas/locales'

/** Stand-ins for built-in actions: what matters to the filter is the `action` key. */
function action(key: string | undefined): DocumentActionComponent {
  const fn = (() => null) as unknown as DocumentActionComponent
  if (key) fn.action = key as DocumentActionComponent['action']
  fn.displayName = key ?? 'anonymous'
  return fn
}
const builtIns = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete', 'restore', 'schedule'].map(action)
const openOnSite = action(OPEN_ON_SITE)
const keys = (actions: DocumentActionComponent[]) => actions.map((a) => a.action ?? a.displayName)

describe('singletons: document actions', () => {
  it.each(Object.keys(singletons))('%s cannot be deleted, duplicated or unpublished', (schemaType) => {
    const result = resolveDocumentActions(builtIns, { schemaType }, [openOnSite])
    expect(keys(resolveDocumentActions([...builtIns, action(PUBLISH_WITH_CHANGE_NOTE)], { schemaType }, [openOnSite]))).toEqual([
      'publish',
      'discardChanges',
      'restore',
      PUBLISH_WITH_CHANGE_NOTE,
      OPEN_ON_SITE,
    ])
    expect(keys(result)).toEqual(['publish', 'discardChanges', 'restore', OPEN_ON_SITE])
    for (const forbidden of ['delete', 'duplicate', 'unpublish']) expect(keys(result)).not.toContain(forbidden)
  })

  it('drops unknown and unnamed actions on singletons (allow list, not deny list)', () => {
    expect(keys(resolveDocumentActions([action('somePluginAction'), action(undefined), ...builtIns], { schemaType: 'policy' }))).toEqual(['publish', 'discardChanges', 'restore'])
    expect(isAllowedOnSingleton(action(undefined))).toBe(false)
    expect([...singletonActionKeys].sort()).toEqual(['discardChanges', OPEN_ON_SITE, 'publish', PUBLISH_WITH_CHANGE_NOTE, 'restore'].sort())
  })

  it('leaves every other type its actions and adds "Open on the site" once', () => {
    for (const schemaType of documentTypes.filter((t) => !singletonTypes.has(t))) {
      const result = resolveDocumentActions(builtIns, { schemaType }, [openOnSite])
      expect(keys(result)).toEqual([...keys(builtIns), OPEN_ON_SITE])
    }
    expect(keys(resolveDocumentActions([...builtIns, openOnSite], { schemaType: 'industry' }, [openOnSite]))).toEqual([...keys(builtIns), OPEN_ON_SITE])
  })
})

describe('singletons: no "Create new"', () => {
  const templates = documentTypes.map((type) => ({ id: type, title: type, schemaType: type, value: {} }) as Template)

  it('removes the initial-value templates of singleton types and keeps the others', () => {
    const kept = filterTemplates(templates).map((t) => t.schemaType)
    expect(kept).not.toContain('siteSettings')
    expect(kept).not.toContain('policy')
    expect(kept.sort()).toEqual(documentTypes.filter((t) => !singletonTypes.has(t)).sort())
  })

  it('never offers a singleton in any create menu', () => {
    const items: TemplateItem[] = [...documentTypes, METRIC_WITH_SOURCE].map((templateId) => ({ templateId }))
    for (const type of ['global', 'structure', 'document'] as const) {
      const creationContext = (type === 'global' ? { type } : { type, schemaType: 'industry', documentId: 'x' }) as never
      const offered = filterNewDocumentOptions(items, { creationContext }, new Set([METRIC_WITH_SOURCE])).map((i) => i.templateId)
      expect(offered).not.toContain('siteSettings')
      expect(offered).not.toContain('policy')
      expect(offered).toContain('industry')
      // A template that needs a source id is offered only where one is given (a source's list).
      expect(offered.includes(METRIC_WITH_SOURCE)).toBe(type !== 'global')
    }
  })

  it('resolveTemplates: no singletons, a rank for ordered types, "metric citing this source" added once', async () => {
    const resolved = resolveTemplates(templates)
    expect(resolved.map((t) => t.schemaType)).not.toContain('siteSettings')
    expect(resolved.map((t) => t.schemaType)).not.toContain('policy')
    expect(resolved.filter((t) => t.id === METRIC_WITH_SOURCE)).toHaveLength(1)
    expect(resolveTemplates(resolved).filter((t) => t.id === METRIC_WITH_SOURCE)).toHaveLength(1)
    expect([...rankedTypes].sort()).toEqual(['industry', 'metricGroup', 'section'])

    const dataset = [
      { _id: 'industry.a', _type: 'industry', orderRank: '0|hzzzzz:' },
      { _id: 'industry.b', _type: 'industry', orderRank: '0|i0000f:' },
      { _id: 'section.a', _type: 'section' },
    ]
    const client = {
      fetch: async (query: string, params: Record<string, unknown>) => (await evaluate(parse(query, { params }), { dataset, params })).get(),
    }
    const context = { getClient: () => client } as never
    const industry = resolved.find((t) => t.id === 'industry')!
    const value = await (industry.value as (p: unknown, c: unknown) => Promise<Record<string, string>>)(undefined, context)
    expect(String(value.orderRank) > '0|i0000f:').toBe(true)
    const section = resolved.find((t) => t.id === 'section')!
    expect(await (section.value as (p: unknown, c: unknown) => Promise<unknown>)(undefined, context)).toEqual({ orderRank: rankAfter(undefined) })
    expect(resolved.find((t) => t.id === 'metric')!.value).toEqual({})
  })

  it('rankAfter sorts after the given rank and survives a malformed one', () => {
    expect(rankAfter('0|hzzzzz:') > '0|hzzzzz:').toBe(true)
    expect(rankAfter('not a rank')).toBe(rankAfter(undefined))
  })

  it('"Metric citing this source" pre-fills the published source id', async () => {
    const value = (metricWithSourceTemplate.value as (p: unknown) => unknown)({ sourceId: 'drafts.source.itis' })
    expect(value).toEqual({ source: { _type: 'reference', _ref: 'source.itis' } })
  })
})

describe('language filter', () => {
  it('offers every locale of schemas/locales.ts, keyed by field name', () => {
    expect(supportedLanguages.map((l) => l.id)).toEqual(locales.map((l) => l.id))
    expect(supportedLanguages.map((l) => l.title)).toEqual(['繁體中文 (zh-TW)', 'English (en)'])
    expect(languageFilterDocumentTypes.sort()).toEqual([...documentTypes].sort())
  })

  it('hides only the unselected languages inside localized objects', () => {
    const localeString = { name: 'localeString' }
    const extended = { name: 'title', type: { name: 'localeString' } }
    const plain = { name: 'point' }
    const member = (name: string) => ({ kind: 'field', name }) as never
    expect(filterField(localeString as never, member('en'), ['zhTW'], undefined)).toBe(false)
    expect(filterField(localeString as never, member('zhTW'), ['zhTW'], undefined)).toBe(true)
    expect(filterField(extended as never, member('en'), ['zhTW'], undefined)).toBe(false)
    expect(filterField(plain as never, member('en'), [], undefined)).toBe(true)
    expect(filterField(localeString as never, member('somethingElse'), [], undefined)).toBe(true)
    expect(isLocalizedType({ name: 'x', type: { name: 'localePortableText' } })).toBe(true)
  })
})

describe('structure', () => {
  type Serialized = { id: string; title?: string; type?: string; child?: unknown; items?: Serialized[]; schemaType?: unknown; options?: Record<string, unknown> }
  let root: Serialized
  let S: import('sanity/structure').StructureBuilder
  let context: import('sanity/structure').StructureResolverContext

  beforeAll(async () => {
    const [{ createSchema }, { createStructureBuilder }, { schemaTypes }, { structure }] = await Promise.all([
      import('sanity'),
      import('sanity/structure'),
      import('../../schemas'),
      import('../../studio/structure'),
    ])
    const schema = createSchema({ name: 'default', types: schemaTypes })
    const client = { withConfig: () => client, fetch: async () => null, config: () => ({}) }
    const source = {
      name: 'default',
      title: 'Test',
      projectId: 'test',
      dataset: 'test',
      schema,
      templates: resolveTemplates(documentTypes.map((type) => ({ id: type, title: type, schemaType: type, value: {} }) as Template)),
      getClient: () => client,
      currentUser: null,
      i18n: { t: (key: string) => key },
      document: { resolveNewDocumentOptions: (opts: TemplateItem[]) => opts },
      __internal: { options: {} },
    }
    S = createStructureBuilder({ source: source as never, perspectiveStack: ['drafts'] as never })
    context = { ...(S.context as object), schema, getClient: () => client, perspectiveStack: ['drafts'] } as never
    root = (structure(S, context) as { serialize: () => Serialized }).serialize()
  }, 60_000)

  it('starts with Site settings and Policy, each opening its document on the fixed id', async () => {
    const [settings, policy] = root.items!
    expect(settings).toMatchObject({ id: 'siteSettings', title: '網站設定 · Site settings' })
    expect(policy).toMatchObject({ id: 'policy', title: '政策 · Policy' })
    for (const [item, expected] of [
      [settings, singletonItems[0]],
      [policy, singletonItems[1]],
    ] as const) {
      const child = (item!.child as { serialize?: () => unknown }).serialize?.() ?? item!.child
      expect(child).toMatchObject({ type: 'document', options: { id: expected!.id, type: expected!.type } })
      expect(expected!.id).toBe(singletons[expected!.type])
    }
  })

  it('lists the editorial sections in order, with drag-and-drop lists for the ordered types', () => {
    const titles = root.items!.filter((i) => i.type !== 'divider').map((i) => i.title)
    expect(titles).toEqual([
      '網站設定 · Site settings',
      '政策 · Policy',
      '章節 · Sections',
      '產業 · Industries',
      '數據組 · Figure groups',
      '數據 · Metrics',
      '出處 · Sources',
      '名詞解釋 · Glossary',
      '大事記 · Timeline',
      '政策後續發展 · Policy developments',
      '更新紀錄 · Updates',
      '無障礙聲明 · Accessibility statement',
    ])
    for (const [id, type] of [
      ['sections', 'section'],
      ['industries', 'industry'],
      ['figure-groups', 'metricGroup'],
    ]) {
      const item = root.items!.find((i) => i.id === id)!
      const child = item.child as { type: string; options: { type: string } }
      expect(child.type).toBe('component')
      expect(child.options.type).toBe(type)
    }
  })

  it('groups metrics by industry and by source with GROQ params', async () => {
    const metrics = root.items!.find((i) => i.id === 'metrics')!
    const list = ((metrics.child as { serialize?: () => Serialized }).serialize?.() ?? metrics.child) as Serialized
    expect(list.items!.filter((i) => i.type !== 'divider').map((i) => i.title)).toEqual([
      '依產業 · By industry',
      '依出處 · By source',
      '未列入任何產業 · Not listed by any industry',
      '所有數據 · All metrics',
    ])
    const byIndustry = list.items!.find((i) => i.id === 'metrics-by-industry')!
    const industries = byIndustry.child as { child: (id: string, opts: unknown) => { serialize: () => { options: { filter: string; params: Record<string, string> } } } }
    const perIndustry = industries.child('industry.cybersecurity', { parent: null, index: 0 }).serialize()
    expect(perIndustry.options.params).toEqual({ industryId: 'industry.cybersecurity' })

    const bySource = list.items!.find((i) => i.id === 'metrics-by-source')!
    const sources = bySource.child as typeof industries
    const perSource = sources.child('source.itis', { parent: null, index: 0 }).serialize()
    expect(perSource.options.params).toEqual({ sourceId: 'source.itis' })

    // The filters, run with groq-js over a small dataset.
    const dataset = [
      { _id: 'industry.cybersecurity', _type: 'industry', metrics: [{ _ref: 'metric.a' }] },
      { _id: 'drafts.industry.cybersecurity', _type: 'industry', metrics: [{ _ref: 'metric.a' }, { _ref: 'metric.b' }] },
      { _id: 'metric.a', _type: 'metric', source: { _ref: 'source.itis' } },
      { _id: 'metric.b', _type: 'metric', source: { _ref: 'source.imd' } },
      { _id: 'metric.c', _type: 'metric', source: { _ref: 'source.itis' } },
    ]
    const ids = async (filter: string, params: Record<string, string>) =>
      ((await (await evaluate(parse(`*[${filter}]._id`, { params }), { dataset, params })).get()) as string[]).sort()
    expect(await ids(perIndustry.options.filter, perIndustry.options.params)).toEqual(['metric.a', 'metric.b'])
    expect(await ids(perSource.options.filter, perSource.options.params)).toEqual(['metric.a', 'metric.c'])
    const orphans = list.items!.find((i) => i.id === 'metrics-without-industry')!
    const orphanList = ((orphans.child as { serialize?: () => { options: { filter: string } } }).serialize?.() ?? orphans.child) as { options: { filter: string } }
    expect(await ids(orphanList.options.filter, {})).toEqual(['metric.c'])
  })

  it('orders the change notes by date, newest first', () => {
    const updates = root.items!.find((i) => i.id === 'updates')!
    const list = ((updates.child as { serialize?: () => unknown }).serialize?.() ?? updates.child) as {
      options: { defaultOrdering: unknown; filter: string; params: Record<string, unknown> }
    }
    expect(list.options.defaultOrdering).toEqual([{ field: 'date', direction: 'desc' }])
    expect(list.options.params).toMatchObject({ type: 'update' })
  })

  it('orders the policy developments by date, newest first', () => {
    const developments = root.items!.find((i) => i.id === 'policy-developments')!
    const list = ((developments.child as { serialize?: () => unknown }).serialize?.() ?? developments.child) as {
      options: { defaultOrdering: unknown; params: Record<string, unknown> }
    }
    expect(list.options.defaultOrdering).toEqual([{ field: 'date', direction: 'desc' }])
    expect(list.options.params).toMatchObject({ type: 'policyDevelopment' })
  })

  it('orders the timeline by date and the glossary by English term', () => {
    const timeline = root.items!.find((i) => i.id === 'timeline')!
    const list = ((timeline.child as { serialize?: () => unknown }).serialize?.() ?? timeline.child) as { options: { defaultOrdering: unknown } }
    expect(list.options.defaultOrdering).toEqual([{ field: 'date', direction: 'asc' }])
    const glossary = root.items!.find((i) => i.id === 'glossary')!
    const glossaryList = ((glossary.child as { serialize?: () => unknown }).serialize?.() ?? glossary.child) as { options: { defaultOrdering: unknown } }
    expect(glossaryList.options.defaultOrdering).toEqual([{ field: 'term.en', direction: 'asc' }])
  })
})
