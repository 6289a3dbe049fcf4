/**
 * The page layer (src/page-model/): every kind's params give a page whose path its route
 * reads back to the same params; what each kind declares it shows; unknown slugs and
 * languages have no page; a path finds its page; a page's history comes from its documents.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { getLocale, locales } from '../../schemas/locales'
import { singletons } from '../../schemas/singletons'
import { paths } from '../../schemas/site-paths'
import { loadSiteContent } from '../../src/content/load'
import { pageHistory } from '../../src/content/page-history'
import { createLocalSource } from '../../src/content/source/index.ts'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { allPages, matchRoute, pageAt, pageKinds, type Page } from '../../src/page-model'
import { HEADLINE_METRICS, POLICY_LIST_LIMIT } from '../../src/page-model/site'
import { CHARTS_PER_PAGE, FIGURES_PER_PAGE } from '../../src/page-model/figures-index'
import { TERMS_PER_PAGE } from '../../src/page-model/glossary'
import { multiplyDataset, readNdjson } from '../../bench/lib/synthetic'
import { projectFile } from '../support/project'

const EN = getLocale('en')
const ZH = getLocale('zhTW')

let views: SiteViews
let ids: Set<string>
beforeAll(async () => {
  const source = createLocalSource({ file: projectFile('content/dataset.ndjson') })
  views = buildSiteViews(await loadSiteContent(source))
  ids = new Set((await source.query<string[]>('*[]._id')) ?? [])
})

const kinds = Object.entries(pageKinds)
/** Kinds with no page in the real dataset: the later pages of the figures index and of the glossary exist only at scale (tested below). */
const onlyAtScale = new Set(['metricsPage', 'glossaryPage'])
const builtKinds = kinds.filter(([name]) => !onlyAtScale.has(name))
const en = () => views.en

describe('every kind of page', () => {
  it.each(builtKinds)('%s: params → page → path reads back to the params', (_, kind) => {
    const all = kind.params(views)
    expect(all.length).toBeGreaterThan(0)
    for (const params of all) {
      const page = kind.page(views, params) as Page
      expect(page, JSON.stringify(params)).toBeDefined()
      expect(matchRoute(kind.route, page.path)).toEqual(params)
      // Documents: sorted, each once, each a stored document.
      expect(page.documents).toEqual([...new Set(page.documents)].sort())
      for (const id of page.documents) expect(ids.has(id), `${page.path} shows ${id}`).toBe(true)
      // Twins: none (404) or one per locale, this page among them.
      if (page.twins.length > 0) {
        expect(page.twins.map((t) => t.locale.id)).toEqual(locales.map((l) => l.id))
        if (page.path !== '/') expect(page.twins.find((t) => t.locale.id === page.locale.id)?.path).toBe(page.path)
      }
    }
  })

  it.each(builtKinds.filter(([, k]) => k.route.includes('[lang]')))('%s: an unknown language or slug has no page', (_, kind) => {
    const [params] = kind.params(views)
    expect(kind.page(views, { ...params, lang: 'fr' })).toBeUndefined()
    if ('slug' in params!) expect(kind.page(views, { ...params, slug: 'no-such-slug' })).toBeUndefined()
    if ('slug' in params!) expect(kind.page(views, { ...params, slug: undefined })).toBeUndefined()
  })

  it('allPages lists each page once, and each path finds its page', () => {
    const pages = allPages(views)
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length)
    expect(allPages(views)).toBe(pages) // made once per views object
    for (const entry of pages) {
      const found = pageAt(views, entry.path)
      expect(found?.kind, entry.path).toBe(entry.kind)
      expect(found?.documents).toEqual(entry.documents)
    }
    expect(pageAt(views, '/en/metrics/no-such-figure/')).toBeUndefined()
    expect(pageAt(views, '/fr/')).toBeUndefined()
    expect(pageAt(views, '/en/metrics/x/y/z/')).toBeUndefined()
  })
})

describe('what pages declare they show', () => {
  it('a figure page: its figure and source, its charts with their figures and sources, the industries citing it, the section stating it', () => {
    const metric = en().metrics.find((m) => m.groups.length > 0 && m.industries.length > 0 && m.statedIn)!
    const page = pageKinds.metric.page(views, { lang: 'en', slug: metric.slug })!
    const groups = en().metricGroups.filter((g) => metric.groups.includes(g.slug))
    const expected = [
      metric.id,
      metric.source.id,
      ...groups.flatMap((g) => [g.id, ...g.metrics.flatMap((m) => [m.id, m.source.id])]),
      ...metric.industries.map((i) => en().industries.find((x) => x.slug === i.slug)!.id),
      en().sections.find((s) => s.slug === metric.statedIn!.slug)!.id,
    ]
    expect(page.documents).toEqual([...new Set(expected)].sort())
    expect(page.props.groups.map((g) => g.slug)).toEqual(metric.groups)
    expect(page.path).toBe(paths.metric(EN, metric.slug))
    expect(page.twins.map((t) => t.path)).toEqual(locales.map((l) => paths.metric(l, metric.slug)))
  })

  it('an industry page: the industry, its figures and sources, its sections, its neighbours', () => {
    const industry = en().industries[1]!
    const page = pageKinds.industry.page(views, { lang: 'en', slug: industry.slug })!
    for (const id of [industry.id, ...industry.metrics.flatMap((m) => [m.id, m.source.id])]) expect(page.documents).toContain(id)
    for (const link of [industry.previous, industry.next, ...industry.sections]) {
      const id = [...en().industries, ...en().sections].find((d) => d.slug === link!.slug)!.id
      expect(page.documents).toContain(id)
    }
    const other = en().industries.find((i) => i !== industry && i.slug !== industry.previous?.slug && i.slug !== industry.next?.slug)!
    expect(page.documents).not.toContain(other.id)
  })

  it('the home page picks its headline figures once and shows exactly those of all figures', () => {
    const page = pageKinds.home.page(views, { lang: 'en' })!
    expect(page.props.headline.map((m) => m.slug)).toEqual(HEADLINE_METRICS.map((choices) => choices.find((s) => en().metrics.some((m) => m.slug === s))).filter(Boolean))
    const shownFigures = en().metrics.filter((m) => page.documents.includes(m.id))
    expect(shownFigures.map((m) => m.id).sort()).toEqual(page.props.headline.map((m) => m.id).sort())
    expect(page.documents).toContain(singletons.policy)
  })

  it('side-by-side views and embeds show what their page shows, and name it as canonical', () => {
    const slug = en().industries[0]!.slug
    const industry = pageKinds.industry.page(views, { lang: 'en', slug })!
    const bilingual = pageKinds.industryBilingual.page(views, { lang: 'en', slug })!
    expect(bilingual.documents).toEqual(industry.documents)
    expect(bilingual.viewOf).toBe(industry.path)
    expect(bilingual.props.versions.zhTW?.slug).toBe(slug)
    const policy = pageKinds.policyBilingual.page(views, { lang: 'zh-tw' })!
    expect(policy.documents).toEqual(pageKinds.policy.page(views, { lang: 'zh-tw' })!.documents)
    expect(policy.viewOf).toBe(paths.policy(ZH))
    const group = en().metricGroups[0]!
    const embed = pageKinds.embed.page(views, { lang: 'en', slug: group.slug })!
    expect(embed.viewOf).toBe(paths.metrics(EN))
    expect(embed.documents).toEqual([...new Set([group.id, ...group.metrics.flatMap((m) => [m.id, m.source.id])])].sort())
  })
})

describe("page history from the page's documents", () => {
  it('dates a page by the newest of its documents, and lists the major updates naming them or the whole site', () => {
    const view = en()
    const page = pageKinds.metric.page(views, { lang: 'en', slug: view.metrics[0]!.slug })!
    const history = pageHistory(view, page.documents)
    const dates = page.documents
      .map((id) => view.changedAt[id])
      .filter(Boolean)
      .sort((a, b) => Date.parse(b!) - Date.parse(a!))
    expect(history.updatedAt).toBe(dates[0])
    for (const u of history.updates) expect(u.major && u.documents.some((id) => id === singletons.siteSettings || page.documents.includes(id))).toBe(true)
    expect(pageHistory(view, []).updatedAt).toBeUndefined()
    expect(pageHistory(view, [], ['2020-01-01']).updatedAt).toBe('2020-01-01')
  })

  it('the updates page is as new as its newest note and lists no "What changed" (it is that list)', () => {
    const view = en()
    const page = pageKinds.updates.page(views, { lang: 'en' })!
    expect(page.documents).toEqual(view.updates.map((u) => u.id).sort())
    const history = pageHistory(view, page.documents, page.dates)
    expect(history.updates).toEqual([])
    expect(history.updatedAt).toBe([...view.updates.map((u) => u.date)].sort((a, b) => Date.parse(b) - Date.parse(a))[0])
  })
})

describe('the figures index as content grows', () => {
  it('is one page while everything fits, as it always was', () => {
    const page = pageKinds.metrics.page(views, { lang: 'en' })!
    expect(page.props.pages).toBe(1)
    expect(page.props.charts).toHaveLength(en().metricGroups.length)
    expect(page.props.sections.flatMap((s) => s.metrics)).toHaveLength(en().metrics.length)
    expect(pageKinds.metricsPage.params(views)).toEqual([])
    expect(pageKinds.metricsPage.page(views, { lang: 'en', n: '2' })).toBeUndefined()
  })

  it('at 100× content, splits into numbered pages that each hold a bounded share and together list everything once', async () => {
    const big = buildSiteViews(await loadSiteContent(createLocalSource({ documents: multiplyDataset(readNdjson(projectFile('content/dataset.ndjson')), 100) })))
    const pages = [
      pageKinds.metrics.page(big, { lang: 'en' })!,
      ...pageKinds.metricsPage
        .params(big)
        .filter((p) => p.lang === 'en')
        .map((p) => pageKinds.metricsPage.page(big, p)!),
    ]
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.map((p) => p.path)).toEqual(pages[0]!.props.pagePaths)
    for (const page of pages.slice(1)) expect(matchRoute(pageKinds.metricsPage.route, page.path)).toEqual({ lang: 'en', n: String(page.props.number) })
    expect(pageKinds.metricsPage.page(big, { lang: 'fr', n: '2' })).toBeUndefined()
    for (const page of pages) {
      expect(page.props.charts.length).toBeLessThanOrEqual(CHARTS_PER_PAGE)
      expect(page.props.sections.flatMap((s) => s.metrics).length).toBeLessThanOrEqual(FIGURES_PER_PAGE)
      expect(
        page.props.pagePaths.every((path) => !/^\/en\/metrics\/[^/]+\/$/.test(path)),
        "no page takes a figure's address",
      ).toBe(true)
    }
    const listed = pages.flatMap((p) => p.props.sections.flatMap((s) => s.metrics.map((m) => m.slug)))
    expect(listed.sort()).toEqual(big.en.metrics.map((m) => m.slug).sort())
    expect(pages.flatMap((p) => p.props.charts.map((g) => g.slug)).sort()).toEqual(big.en.metricGroups.map((g) => g.slug).sort())
    expect(pageKinds.metricsPage.page(big, { lang: 'en', n: String(pages.length + 1) })).toBeUndefined()
    expect(pageKinds.metricsPage.page(big, { lang: 'en', n: '1' }), 'page 1 is the index itself').toBeUndefined()
    expect(pageKinds.metricsPage.page(big, { lang: 'en', n: '02' })).toBeUndefined()
  })
})

describe('the glossary as content grows', () => {
  it('is one page while every term fits, as it always was', () => {
    const page = pageKinds.glossary.page(views, { lang: 'en' })!
    expect(page.props.pages).toBe(1)
    expect(page.props.terms).toHaveLength(en().glossary.length)
    expect(page.documents).toEqual(
      en()
        .glossary.map((g) => g.id)
        .sort(),
    )
    expect(pageKinds.glossaryPage.params(views)).toEqual([])
    expect(pageKinds.glossaryPage.page(views, { lang: 'en', n: '2' })).toBeUndefined()
  })

  it('at 100× content, splits into numbered pages that each hold a bounded share and together list every term once', async () => {
    const big = buildSiteViews(await loadSiteContent(createLocalSource({ documents: multiplyDataset(readNdjson(projectFile('content/dataset.ndjson')), 100) })))
    for (const l of locales) {
      const pages = [
        pageKinds.glossary.page(big, { lang: l.segment })!,
        ...pageKinds.glossaryPage
          .params(big)
          .filter((p) => p.lang === l.segment)
          .map((p) => pageKinds.glossaryPage.page(big, p)!),
      ]
      expect(pages.length).toBeGreaterThan(1)
      expect(pages.map((p) => p.path)).toEqual(pages[0]!.props.pagePaths)
      for (const page of pages.slice(1)) expect(matchRoute(pageKinds.glossaryPage.route, page.path)).toEqual({ lang: l.segment, n: String(page.props.number) })
      for (const page of pages) {
        expect(page.props.terms.length).toBeLessThanOrEqual(TERMS_PER_PAGE)
        expect(page.documents, 'each page declares the terms it shows').toEqual(page.props.terms.map((g) => g.id).sort())
        expect(pageAt(big, page.path)?.path).toBe(page.path)
      }
      const listed = pages.flatMap((p) => p.props.terms.map((g) => g.slug))
      expect(new Set(listed).size, 'no term twice').toBe(listed.length)
      expect(listed.sort()).toEqual(big[l.id].glossary.map((g) => g.slug).sort())
      expect(pageKinds.glossaryPage.page(big, { lang: l.segment, n: String(pages.length + 1) })).toBeUndefined()
      expect(pageKinds.glossaryPage.page(big, { lang: l.segment, n: '1' }), 'page 1 is the glossary itself').toBeUndefined()
      expect(pageKinds.glossaryPage.page(big, { lang: l.segment, n: '02' })).toBeUndefined()
    }
    expect(pageKinds.glossaryPage.page(big, { lang: 'fr', n: '2' })).toBeUndefined()
  })
})

describe('the policy page as content grows', () => {
  it('shows every industry and every figure of each section while they fit, as it always did', () => {
    const page = pageKinds.policy.page(views, { lang: 'en' })!
    expect(page.props.lists.industries).toEqual({ items: en().industries, total: en().industries.length })
    for (const section of en().sections) expect(page.props.lists.figures[section.slug]?.items).toEqual(section.metrics)
  })

  it('at 100× content, shows at most a bounded number of each, counts the rest, and declares only what it shows', async () => {
    const big = buildSiteViews(await loadSiteContent(createLocalSource({ documents: multiplyDataset(readNdjson(projectFile('content/dataset.ndjson')), 100) })))
    const page = pageKinds.policy.page(big, { lang: 'en' })!
    const { industries, figures } = page.props.lists
    expect(industries.items).toHaveLength(POLICY_LIST_LIMIT)
    expect(industries.total).toBe(big.en.industries.length)
    const crowded = big.en.sections.filter((s) => s.metrics.length > POLICY_LIST_LIMIT)
    expect(crowded.length).toBeGreaterThan(0)
    for (const section of big.en.sections) {
      expect(figures[section.slug]?.items).toEqual(section.metrics.slice(0, POLICY_LIST_LIMIT))
      expect(figures[section.slug]?.total).toBe(section.metrics.length)
    }
    const hidden = [...big.en.industries.slice(POLICY_LIST_LIMIT), ...crowded.flatMap((s) => s.metrics.slice(POLICY_LIST_LIMIT))]
    for (const doc of hidden) expect(page.documents, `${doc.id} is not on the page`).not.toContain(doc.id)
  })
})
