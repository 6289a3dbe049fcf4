/**
 * The views pages render: per locale, every localized field resolved once with its fallback
 * marked (`localize.ts`), every reference resolved to the object it names. A view is plain
 * JSON, so the build can hand it to Astro as a file. A problem found while building a view
 * is a {@link ContentError} naming the document and the field.
 */
import type { PortableTextBlock } from '@portabletext/types'
import { locales, type Locale, type LocaleId } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { licenceOf, type LicenceId } from '../../schemas/licences.ts'
import { byLocale } from './by-locale.ts'
import { ContentError, type ContentIssue } from './content-error.ts'
import { localize, localizeRequired, type Localized } from './localize.ts'
import type { SiteContentQueryResult } from './sanity.types.ts'
import { buildUpdateViews, changeTimes, type UpdateView } from './update-views.ts'
import { buildAccessibilityView, buildDevelopmentViews, type AccessibilityView, type DevelopmentView } from './status-views.ts'

/** The raw result of the site query (`siteContentQuery`): localized fields still whole. */
export type SiteContent = SiteContentQueryResult

type Raw = NonNullable<SiteContent>
type RawSource = Raw['sources'][number]
type RawPoint = { _key: string; title: unknown; description: unknown }
type LocalizedField<T> = Partial<Record<LocaleId, T | null>> | null | undefined

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
  /** Other proper names, shown under "Also known as". */
  alsoKnownAs: string[]
  /** Spelling variants and related words, for search only (never shown). */
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
    /** How zh-TW pages write dates (schemas/i18n/calendar.ts); English pages always use the Gregorian calendar. */
    dateCalendar: 'both' | 'roc' | 'gregorian'
    /** The licence the content is published under (schemas/licences.ts): its SPDX id, its title in this language, its text's address. */
    licence: { id: LicenceId; name: string; url: string }
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
  /** Change notes, newest first. */
  updates: UpdateView[]
  /** What happened to the policy since the brief, newest first. */
  developments: DevelopmentView[]
  /** The accessibility statement, when the dataset has one. */
  accessibility?: AccessibilityView
  /** When each document the site shows last changed (`_updatedAt`), by id. */
  changedAt: Record<string, string>
  /** Looks a document up by id: its type and slug, for internal links in Portable Text. */
  documentsById: Record<string, DocumentLink>
  /** True for a drafts preview: every page says so and is kept out of search engines. */
  preview: boolean
}

/** What the layout (Base, Header, Footer) reads of a view: a whole view will do. */
export type LayoutView = Pick<SiteView, 'locale' | 'settings' | 'preview' | 'accessibility'> & { policy: Pick<SiteView['policy'], 'source'> }

/** A document that internal links can point at: enough to build its URL. */
export interface DocumentLink {
  type: 'industry' | 'section' | 'metric' | 'glossaryTerm' | 'metricGroup'
  slug: string
}

/** A reference that names nothing the site shows: the document, the field and what to do. */
function danglingReference(documentId: string, documentType: string, field: string, what: string): ContentError {
  return new ContentError({
    documentId,
    documentType,
    field,
    code: 'reference.unresolved',
    message: `This refers to ${what} that does not exist or has no slug.`,
    hint: 'Remove the reference, or publish the document it points at (with a slug).',
  })
}

/** Options for {@link buildSiteView}. */
export interface ViewOptions {
  /** A drafts preview: every page says so. */
  preview?: boolean
  /**
   * Where problems go instead of being thrown: the preview server shows a draft that would
   * fail validation (an empty required field, a figure list naming nothing), with its problems.
   */
  onProblem?: (issue: ContentIssue) => void
}

/** Resolves one locale's fields: required ones report a problem when missing, optional ones may be absent. */
function resolverFor(locale: Locale, options: ViewOptions) {
  const id = locale.id
  /** Throws, or hands the problem to `onProblem` and goes on with `instead`. */
  const problem = <T>(error: ContentError, instead: T): T => {
    if (!options.onProblem) throw error
    options.onProblem(error.issue)
    return instead
  }
  const req = <T>(field: LocalizedField<T>, documentId: string, documentType: string, name: string): Localized<T> => {
    try {
      return localizeRequired<T>(field, id, { documentId, documentType, field: name })
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      // Nothing to show: an empty text (an empty block list for Portable Text bodies).
      return problem(error, { value: (name === 'body' ? [] : '') as T, locale: id, lang: locale.tag, fallback: false })
    }
  }
  const opt = <T>(field: LocalizedField<T>, documentId: string, name: string) => localize<T>(field, id, { documentId, field: name })
  const source = (s: RawSource): SourceView => ({
    id: s._id,
    publisher: req(s.publisher, s._id, 'source', 'publisher'),
    abbreviation: s.abbreviation ?? undefined,
    title: req(s.title, s._id, 'source', 'title'),
    date: s.date,
    url: s.url ?? undefined,
  })
  const points = (list: RawPoint[] | null | undefined, doc: string, type: string, field: string): PointView[] =>
    (list ?? []).map((p, i) => ({
      key: p._key,
      title: req(p.title as LocalizedField<string>, doc, type, `${field}[${i}].title`),
      description: req(p.description as LocalizedField<string>, doc, type, `${field}[${i}].description`),
    }))
  return { id, problem, req, opt, source, points }
}
type Resolver = ReturnType<typeof resolverFor>

/** Every figure, with the groups and industries that list it. */
function metricViews(raw: Raw, r: Resolver, sectionLinks: Map<string, LinkView>, industryLinks: LinkView[]): MetricView[] {
  const groupsByMetric = new Map<string, string[]>()
  for (const group of raw.metricGroups) {
    for (const slug of group.metrics) groupsByMetric.set(slug, [...(groupsByMetric.get(slug) ?? []), group.slug])
  }
  const industriesByMetric = new Map<string, LinkView[]>()
  raw.industries.forEach((ind, i) => {
    for (const slug of ind.metrics ?? []) industriesByMetric.set(slug, [...(industriesByMetric.get(slug) ?? []), industryLinks[i]!])
  })
  return raw.metrics.map((m) => {
    if (typeof m.value !== 'number') {
      const hint = 'Enter the figure as a number, e.g. 75.'
      r.problem(
        new ContentError({ documentId: m._id, documentType: 'metric', field: 'value', code: 'value.type-mismatch', message: 'The figure is not a number.', hint }),
        undefined,
      )
    }
    return {
      id: m._id,
      slug: m.slug,
      label: r.req(m.label, m._id, 'metric', 'label'),
      value: typeof m.value === 'number' ? m.value : Number.NaN,
      comparator: m.comparator,
      unit: m.unit,
      currency: m.currency ?? undefined,
      countNoun: r.opt(m.countNoun, m._id, 'countNoun'),
      asOf: m.asOf,
      note: r.opt(m.note, m._id, 'note'),
      source: r.source(m.source),
      statedIn: m.statedIn ? sectionLinks.get(m.statedIn) : undefined,
      industries: industriesByMetric.get(m.slug) ?? [],
      groups: groupsByMetric.get(m.slug) ?? [],
    }
  })
}

/** The figures a document lists by slug, in its order; a slug that names nothing is a problem. */
function metricResolver(metrics: MetricView[], r: Resolver) {
  const metricBySlug = new Map(metrics.map((m) => [m.slug, m]))
  return (slugs: (string | null)[] | null | undefined, from: string, type: string): MetricView[] =>
    (slugs ?? []).flatMap((slug, i) => {
      const metric = slug ? metricBySlug.get(slug) : undefined
      return metric ? [metric] : r.problem(danglingReference(from, type, `metrics[${i}]`, 'a figure'), [])
    })
}

/** The six industries in order, each with its neighbours. */
function industryViews(raw: Raw, r: Resolver, resolveMetrics: ReturnType<typeof metricResolver>, sectionLinks: Map<string, LinkView>, industryLinks: LinkView[]): IndustryView[] {
  return raw.industries.map((ind, i) => ({
    id: ind._id,
    slug: ind.slug,
    position: i + 1,
    name: r.req(ind.name, ind._id, 'industry', 'name'),
    shortName: r.req(ind.shortName, ind._id, 'industry', 'shortName'),
    summary: r.req(ind.summary, ind._id, 'industry', 'summary'),
    goal: r.req(ind.goal, ind._id, 'industry', 'goal'),
    body: r.req(ind.body as LocalizedField<PortableTextBlock[]>, ind._id, 'industry', 'body'),
    directions: ind.directions.map((d, j) => r.req(d, ind._id, 'industry', `directions[${j}]`)),
    initiatives: ind.initiatives.map((d, j) => r.req(d, ind._id, 'industry', `initiatives[${j}]`)),
    metrics: resolveMetrics(ind.metrics, ind._id, 'industry'),
    sections: (ind.sections ?? []).flatMap((slug, j) => {
      const link = slug ? sectionLinks.get(slug) : undefined
      return link ? [link] : r.problem(danglingReference(ind._id, 'industry', `sections[${j}]`, 'a section'), [])
    }),
    previous: i > 0 ? industryLinks[i - 1] : undefined,
    next: i < industryLinks.length - 1 ? industryLinks[i + 1] : undefined,
  }))
}

/** The licence Site settings picks (the default one when none), its title in the reader's language. */
function licenceIn(id: string | null | undefined, locale: LocaleId): SiteView['settings']['licence'] {
  const licence = licenceOf(id)
  return { id: licence.id, name: licence.name[locale], url: licence.url }
}

/** Site settings and the policy (the two singletons). */
function singletonViews(raw: Raw, r: Resolver): Pick<SiteView, 'settings' | 'policy'> {
  const settings = raw.settings!
  const policy = raw.policy!
  const settingsId = singletons.siteSettings
  const policyId = singletons.policy
  return {
    settings: {
      title: r.req(settings.title, settingsId, 'siteSettings', 'title'),
      description: r.req(settings.description, settingsId, 'siteSettings', 'description'),
      publisher: r.req(settings.publisher, settingsId, 'siteSettings', 'publisher'),
      siteUrl: settings.siteUrl,
      contactEmail: settings.contactEmail,
      socialImage: settings.socialImage?.url ? { url: settings.socialImage.url, alt: r.opt(settings.socialImage.alt, settingsId, 'socialImage.alt') } : undefined,
      dateCalendar: settings.dateCalendar ?? 'both',
      licence: licenceIn(settings.licence, r.id),
    },
    policy: {
      title: r.req(policy.title, policyId, 'policy', 'title'),
      subtitle: r.req(policy.subtitle, policyId, 'policy', 'subtitle'),
      issuer: r.req(policy.issuer, policyId, 'policy', 'issuer'),
      date: policy.date,
      summary: r.req(policy.summary, policyId, 'policy', 'summary'),
      vision: r.req(policy.vision, policyId, 'policy', 'vision'),
      frameworkSummary: r.req(policy.frameworkSummary, policyId, 'policy', 'frameworkSummary'),
      enablingMeasures: r.points(policy.enablingMeasures, policyId, 'policy', 'enablingMeasures'),
      foundations: r.points(policy.foundations, policyId, 'policy', 'foundations'),
      strategies: r.points(policy.strategies, policyId, 'policy', 'strategies'),
      source: r.source(policy.source),
    },
  }
}

/** Each linkable document's type and slug, by id. */
function documentLinks(raw: Raw): Record<string, DocumentLink> {
  const documentsById: Record<string, DocumentLink> = {}
  for (const s of raw.sections) documentsById[s._id] = { type: 'section', slug: s.slug }
  for (const s of raw.industries) documentsById[s._id] = { type: 'industry', slug: s.slug }
  for (const s of raw.metrics) documentsById[s._id] = { type: 'metric', slug: s.slug }
  for (const s of raw.glossary) documentsById[s._id] = { type: 'glossaryTerm', slug: s.slug }
  for (const s of raw.metricGroups) documentsById[s._id] = { type: 'metricGroup', slug: s.slug }
  return documentsById
}

/** Builds the view of one locale from the loaded content; throws a {@link ContentError} on content it cannot show (unless `onProblem` takes it). */
export function buildSiteView(content: SiteContent, locale: Locale, options: ViewOptions = {}): SiteView {
  const raw = content as Raw
  const r = resolverFor(locale, options)
  const sectionLinks = new Map(raw.sections.map((s) => [s.slug, { slug: s.slug, title: r.req(s.title, s._id, 'section', 'title') }]))
  const industryLinks = raw.industries.map((ind) => ({ slug: ind.slug, title: r.req(ind.name, ind._id, 'industry', 'name') }))
  const metrics = metricViews(raw, r, sectionLinks, industryLinks)
  const resolveMetrics = metricResolver(metrics, r)
  return {
    locale,
    ...singletonViews(raw, r),
    sections: raw.sections.map((s) => ({
      id: s._id,
      slug: s.slug,
      title: r.req(s.title, s._id, 'section', 'title'),
      summary: r.req(s.summary, s._id, 'section', 'summary'),
      body: r.req(s.body as LocalizedField<PortableTextBlock[]>, s._id, 'section', 'body'),
      points: r.points(s.points, s._id, 'section', 'points'),
      metrics: metrics.filter((m) => m.statedIn?.slug === s.slug),
    })),
    industries: industryViews(raw, r, resolveMetrics, sectionLinks, industryLinks),
    metrics,
    metricGroups: raw.metricGroups.map((g) => ({
      id: g._id,
      slug: g.slug,
      title: r.req(g.title, g._id, 'metricGroup', 'title'),
      summary: r.req(g.summary, g._id, 'metricGroup', 'summary'),
      metrics: resolveMetrics(g.metrics, g._id, 'metricGroup'),
    })),
    sources: raw.sources.map(r.source),
    glossary: raw.glossary.map((g) => ({
      id: g._id,
      slug: g.slug,
      term: r.req(g.term, g._id, 'glossaryTerm', 'term'),
      terms: Object.fromEntries(locales.flatMap((l) => (g.term?.[l.id] ? [[l.id, g.term[l.id]]] : []))),
      definition: r.req(g.definition, g._id, 'glossaryTerm', 'definition'),
      alsoKnownAs: g.alsoKnownAs ?? [],
      aliases: g.aliases ?? [],
    })),
    timeline: raw.timeline.map((t) => ({
      id: t._id,
      date: t.date,
      title: r.req(t.title, t._id, 'timelineEvent', 'title'),
      description: r.req(t.description, t._id, 'timelineEvent', 'description'),
    })),
    updates: buildUpdateViews(raw.updates ?? [], r.id),
    developments: buildDevelopmentViews(raw.developments, r),
    accessibility: buildAccessibilityView(raw.accessibility, r),
    changedAt: changeTimes(raw.changes ?? []),
    documentsById: documentLinks(raw),
    preview: options.preview ?? false,
  }
}

/** The views of every locale, by locale id. */
export type SiteViews = Record<LocaleId, SiteView>

/** Builds every locale's view; the first problem found is thrown as a {@link ContentError}. */
export function buildSiteViews(content: SiteContent, options: ViewOptions = {}): SiteViews {
  return byLocale((_, locale) => buildSiteView(content, locale, options))
}
