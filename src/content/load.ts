import { existsSync, readFileSync } from 'node:fs'
import type { PortableTextBlock } from '@portabletext/types'
import { getLocale, locales, type Locale, type LocaleId } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { localize, localizeRequired, type Localized } from './localize.ts'
import { siteContentQuery } from './queries.ts'
import type { SiteContentQueryResult } from './sanity.types.ts'
import type { ContentSource } from './source.ts'

/** The raw result of {@link siteContentQuery}: localized fields still whole. */
export type SiteContent = SiteContentQueryResult

type Raw = NonNullable<SiteContent>
type RawSource = Raw['sources'][number]
type RawPoint = { _key: string; title: unknown; description: unknown }
type LocalizedField<T> = Partial<Record<LocaleId, T | null>> | null | undefined

/** The parameters of {@link siteContentQuery}. */
export const siteContentParams = { settingsId: singletons.siteSettings, policyId: singletons.policy }

/**
 * Runs the one site query against a source and checks that the singletons exist.
 * This is the only place the site queries content: pages read the loaded result.
 */
export async function loadSiteContent(source: ContentSource): Promise<SiteContent> {
  const content = await source.query<SiteContent>(siteContentQuery, siteContentParams)
  const missing = [
    !content?.settings && `siteSettings (id "${singletons.siteSettings}")`,
    !content?.policy && `policy (id "${singletons.policy}")`,
  ].filter(Boolean)
  if (missing.length > 0) {
    throw new Error(
      `The content from ${source.description} has no ${missing.join(' and ')} document. ` +
        'Hint: both singletons must exist and be published; create them in the Studio or restore content/dataset.ndjson.',
    )
  }
  return content
}

let cached: Promise<SiteContent> | undefined

/**
 * Reads the build's content snapshot. The build starts Astro before the content has loaded
 * (scripts/build.ts), so the file may not exist yet: it appears whole (written, then renamed)
 * once the site query has answered. Waits for it, unless the build that started this process
 * has gone away or `CONTENT_SNAPSHOT_WAIT_MS` (default 10 minutes) has passed.
 */
async function readSnapshot(file: string): Promise<SiteContent> {
  const parent = process.ppid
  const deadline = Date.now() + (Number(process.env.CONTENT_SNAPSHOT_WAIT_MS) || 600_000)
  while (!existsSync(file)) {
    if (process.ppid !== parent || Date.now() > deadline) {
      throw new Error(
        `The content snapshot ${file} never appeared. Hint: CONTENT_SNAPSHOT is set by npm run build; ` +
          'unset it to load the content from the dataset or Sanity directly.',
      )
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 10))
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SiteContent
}

/**
 * The site's content, loaded once per process. A build passes the result of its own load
 * and validation through `CONTENT_SNAPSHOT` (a JSON file), so pages never query again;
 * without it (e.g. `astro dev`) the content is loaded from the source the environment picks.
 */
export function getSiteContent(): Promise<SiteContent> {
  cached ??= (async () => {
    const snapshot = process.env.CONTENT_SNAPSHOT
    if (snapshot) return readSnapshot(snapshot)
    // Loaded only here: a build's pages read the snapshot and never load groq-js or
    // @sanity/client (and their dependencies) at all.
    const { sourceFromEnv } = await import('./source.ts')
    return loadSiteContent(sourceFromEnv())
  })()
  return cached
}

// ---------------------------------------------------------------------------------------
// The localized view that pages render.

/** A source, cited under every figure. */
export interface SourceView {
  id: string
  publisher: Localized<string>
  abbreviation?: string
  title: Localized<string>
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  url?: string
}

/** A titled point (a trend, an advantage, an enabling measure). */
export interface PointView {
  key: string
  title: Localized<string>
  description: Localized<string>
}

/** A short reference to another page: enough for a link. */
export interface LinkView {
  slug: string
  title: Localized<string>
}

/** One figure, with everything needed to render it as text, chart, table or CSV row. */
export interface MetricView {
  id: string
  slug: string
  label: Localized<string>
  value: number
  comparator: 'exact' | 'about' | 'over' | 'atLeast'
  unit: 'percent' | 'rank' | 'count' | 'days' | 'currency'
  currency?: 'TWD' | 'USD'
  countNoun?: Localized<string>
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string
  note?: Localized<string>
  source: SourceView
  /** The section of the brief that states the figure. */
  statedIn?: LinkView
  /** Industries that list this figure, in editorial order. */
  industries: LinkView[]
  /** Slugs of the figure groups (charts) it belongs to. */
  groups: string[]
}

/** Figures compared in one chart. */
export interface MetricGroupView {
  id: string
  slug: string
  title: Localized<string>
  summary: Localized<string>
  metrics: MetricView[]
}

/** A part of the brief. */
export interface SectionView {
  id: string
  slug: string
  title: Localized<string>
  summary: Localized<string>
  body: Localized<PortableTextBlock[]>
  points: PointView[]
  /** Figures stated in this section, in slug order. */
  metrics: MetricView[]
}

/** One of the six industries. */
export interface IndustryView {
  id: string
  slug: string
  /** 1-based position in the brief's order. */
  position: number
  name: Localized<string>
  shortName: Localized<string>
  summary: Localized<string>
  goal: Localized<string>
  body: Localized<PortableTextBlock[]>
  directions: Localized<string>[]
  initiatives: Localized<string>[]
  metrics: MetricView[]
  sections: LinkView[]
  previous?: LinkView
  next?: LinkView
}

/** A glossary entry. */
export interface GlossaryView {
  id: string
  slug: string
  term: Localized<string>
  /** The term in every language that has it, for showing both names side by side. */
  terms: Partial<Record<LocaleId, string>>
  definition: Localized<string>
  aliases: string[]
}

/** A dated milestone. */
export interface TimelineView {
  id: string
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  title: Localized<string>
  description: Localized<string>
}

/** Everything one locale's pages render, with relations resolved and fallbacks marked. */
export interface SiteView {
  locale: Locale
  settings: {
    title: Localized<string>
    description: Localized<string>
    publisher: Localized<string>
    siteUrl: string
    contactEmail: string
    socialImage?: { url: string; alt?: Localized<string> }
  }
  policy: {
    title: Localized<string>
    subtitle: Localized<string>
    issuer: Localized<string>
    date: string
    summary: Localized<string>
    vision: Localized<string>
    frameworkSummary: Localized<string>
    enablingMeasures: PointView[]
    foundations: PointView[]
    strategies: PointView[]
    source: SourceView
  }
  sections: SectionView[]
  industries: IndustryView[]
  metrics: MetricView[]
  metricGroups: MetricGroupView[]
  sources: SourceView[]
  glossary: GlossaryView[]
  timeline: TimelineView[]
  /** Looks a document up by id: its type and slug, for internal links in Portable Text. */
  documentsById: Map<string, { type: 'industry' | 'section' | 'metric' | 'glossaryTerm' | 'metricGroup'; slug: string }>
}

/**
 * Builds the view of one locale from the loaded content. Every localized field is resolved
 * here, once, with its fallback marked; every reference is resolved to the object it names,
 * and a reference to nothing is an error that names both documents.
 */
export function buildSiteView(content: SiteContent, localeKey: LocaleId | string): SiteView {
  const locale = getLocale(localeKey)
  const id = locale.id
  const raw = content as Raw
  const req = <T>(field: LocalizedField<T>, doc: string, name: string) => localizeRequired<T>(field, id, { id: doc, field: name })
  const opt = <T>(field: LocalizedField<T>) => localize<T>(field, id)

  const sourceView = (s: RawSource): SourceView => ({
    id: s._id,
    publisher: req(s.publisher, s._id, 'publisher'),
    abbreviation: s.abbreviation ?? undefined,
    title: req(s.title, s._id, 'title'),
    date: s.date,
    url: s.url ?? undefined,
  })
  const points = (list: RawPoint[] | null | undefined, doc: string, field: string): PointView[] =>
    (list ?? []).map((p, i) => ({
      key: p._key,
      title: req(p.title as LocalizedField<string>, doc, `${field}[${i}].title`),
      description: req(p.description as LocalizedField<string>, doc, `${field}[${i}].description`),
    }))

  const settings = raw.settings!
  const policy = raw.policy!
  const sectionLinks = new Map(raw.sections.map((s) => [s.slug, { slug: s.slug, title: req(s.title, s._id, 'title') }]))
  const industryLinks = raw.industries.map((ind) => ({ slug: ind.slug, title: req(ind.name, ind._id, 'name') }))

  const groupsByMetric = new Map<string, string[]>()
  for (const group of raw.metricGroups) {
    for (const slug of group.metrics) groupsByMetric.set(slug, [...(groupsByMetric.get(slug) ?? []), group.slug])
  }
  const industriesByMetric = new Map<string, LinkView[]>()
  raw.industries.forEach((ind, i) => {
    for (const slug of ind.metrics ?? []) industriesByMetric.set(slug, [...(industriesByMetric.get(slug) ?? []), industryLinks[i]!])
  })

  const metrics: MetricView[] = raw.metrics.map((m) => {
    if (typeof m.value !== 'number') {
      throw new Error(`Document "${m._id}" field "value" is not a number. Hint: enter the figure as a number, e.g. 75.`)
    }
    const statedIn = m.statedIn ? sectionLinks.get(m.statedIn) : undefined
    return {
      id: m._id,
      slug: m.slug,
      label: req(m.label, m._id, 'label'),
      value: m.value,
      comparator: m.comparator,
      unit: m.unit,
      currency: m.currency ?? undefined,
      countNoun: opt(m.countNoun),
      asOf: m.asOf,
      note: opt(m.note),
      source: sourceView(m.source),
      statedIn,
      industries: industriesByMetric.get(m.slug) ?? [],
      groups: groupsByMetric.get(m.slug) ?? [],
    }
  })
  const metricBySlug = new Map(metrics.map((m) => [m.slug, m]))
  const resolveMetrics = (slugs: (string | null)[] | null | undefined, from: string): MetricView[] =>
    (slugs ?? []).map((slug, i) => {
      const metric = slug ? metricBySlug.get(slug) : undefined
      if (!metric) {
        throw new Error(`Document "${from}" field "metrics[${i}]" refers to a figure that does not exist or has no slug. Hint: remove the reference or publish the figure.`)
      }
      return metric
    })

  const industries: IndustryView[] = raw.industries.map((ind, i) => ({
    id: ind._id,
    slug: ind.slug,
    position: i + 1,
    name: req(ind.name, ind._id, 'name'),
    shortName: req(ind.shortName, ind._id, 'shortName'),
    summary: req(ind.summary, ind._id, 'summary'),
    goal: req(ind.goal, ind._id, 'goal'),
    body: req(ind.body as LocalizedField<PortableTextBlock[]>, ind._id, 'body'),
    directions: ind.directions.map((d, j) => req(d, ind._id, `directions[${j}]`)),
    initiatives: ind.initiatives.map((d, j) => req(d, ind._id, `initiatives[${j}]`)),
    metrics: resolveMetrics(ind.metrics, ind._id),
    sections: (ind.sections ?? []).map((slug, j) => {
      const link = slug ? sectionLinks.get(slug) : undefined
      if (!link) throw new Error(`Document "${ind._id}" field "sections[${j}]" refers to a section that does not exist. Hint: remove the reference or publish the section.`)
      return link
    }),
    previous: i > 0 ? industryLinks[i - 1] : undefined,
    next: i < industryLinks.length - 1 ? industryLinks[i + 1] : undefined,
  }))

  const documentsById: SiteView['documentsById'] = new Map()
  for (const s of raw.sections) documentsById.set(s._id, { type: 'section', slug: s.slug })
  for (const s of raw.industries) documentsById.set(s._id, { type: 'industry', slug: s.slug })
  for (const s of raw.metrics) documentsById.set(s._id, { type: 'metric', slug: s.slug })
  for (const s of raw.glossary) documentsById.set(s._id, { type: 'glossaryTerm', slug: s.slug })
  for (const s of raw.metricGroups) documentsById.set(s._id, { type: 'metricGroup', slug: s.slug })

  return {
    locale,
    settings: {
      title: req(settings.title, singletons.siteSettings, 'title'),
      description: req(settings.description, singletons.siteSettings, 'description'),
      publisher: req(settings.publisher, singletons.siteSettings, 'publisher'),
      siteUrl: settings.siteUrl,
      contactEmail: settings.contactEmail,
      socialImage: settings.socialImage?.url ? { url: settings.socialImage.url, alt: opt(settings.socialImage.alt) } : undefined,
    },
    policy: {
      title: req(policy.title, singletons.policy, 'title'),
      subtitle: req(policy.subtitle, singletons.policy, 'subtitle'),
      issuer: req(policy.issuer, singletons.policy, 'issuer'),
      date: policy.date,
      summary: req(policy.summary, singletons.policy, 'summary'),
      vision: req(policy.vision, singletons.policy, 'vision'),
      frameworkSummary: req(policy.frameworkSummary, singletons.policy, 'frameworkSummary'),
      enablingMeasures: points(policy.enablingMeasures, singletons.policy, 'enablingMeasures'),
      foundations: points(policy.foundations, singletons.policy, 'foundations'),
      strategies: points(policy.strategies, singletons.policy, 'strategies'),
      source: sourceView(policy.source),
    },
    sections: raw.sections.map((s) => ({
      id: s._id,
      slug: s.slug,
      title: req(s.title, s._id, 'title'),
      summary: req(s.summary, s._id, 'summary'),
      body: req(s.body as LocalizedField<PortableTextBlock[]>, s._id, 'body'),
      points: points(s.points, s._id, 'points'),
      metrics: metrics.filter((m) => m.statedIn?.slug === s.slug),
    })),
    industries,
    metrics,
    metricGroups: raw.metricGroups.map((g) => ({
      id: g._id,
      slug: g.slug,
      title: req(g.title, g._id, 'title'),
      summary: req(g.summary, g._id, 'summary'),
      metrics: resolveMetrics(g.metrics, g._id),
    })),
    sources: raw.sources.map(sourceView),
    glossary: raw.glossary.map((g) => ({
      id: g._id,
      slug: g.slug,
      term: req(g.term, g._id, 'term'),
      terms: Object.fromEntries(locales.flatMap((l) => (g.term?.[l.id] ? [[l.id, g.term[l.id]]] : []))),
      definition: req(g.definition, g._id, 'definition'),
      aliases: g.aliases ?? [],
    })),
    timeline: raw.timeline.map((t) => ({
      id: t._id,
      date: t.date,
      title: req(t.title, t._id, 'title'),
      description: req(t.description, t._id, 'description'),
    })),
    documentsById,
  }
}

const views = new Map<string, Promise<SiteView>>()

/** The view of one locale, built once per process from {@link getSiteContent}. */
export function getSiteView(locale: LocaleId | string): Promise<SiteView> {
  const key = getLocale(locale).id
  let view = views.get(key)
  if (!view) {
    view = getSiteContent().then((content) => buildSiteView(content, key))
    views.set(key, view)
  }
  return view
}
