/**
 * What the site says about where the policy stands now and about its own accessibility: the
 * developments since the 2020 brief (newest first) and the accessibility statement, in a
 * locale's view. Built with the rest of the view in views.ts.
 */
import type { LocaleId } from '../../schemas/locales.ts'
import { singletons } from '../../schemas/singletons.ts'
import { ContentError } from './content-error.ts'
import type { Localized } from './localize.ts'
import type { SiteContentQueryResult } from './sanity.types.ts'

type Raw = NonNullable<SiteContentQueryResult>

/** Something that happened to the policy after the brief, with the source that says so. */
export interface DevelopmentView {
  id: string
  /** Partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source. */
  date: string
  title: Localized<string>
  summary: Localized<string>
  /** `title`: the source's own headline, when the stored copy shows one (never made up). */
  source: { publisher: Localized<string>; title?: string; url: string }
}

/** The accessibility statement. */
export interface AccessibilityView {
  title: Localized<string>
  standard: string
  conformance: Localized<string>
  testing: Localized<string>
  knownIssues: Localized<string>
  reporting: Localized<string>
  /** YYYY-MM-DD. */
  reviewed: string
}

/** What views.ts's resolver lends: required localized fields, and problems reported (or thrown). */
interface Resolve {
  req: <T>(field: Partial<Record<LocaleId, T | null>> | null | undefined, documentId: string, documentType: string, name: string) => Localized<T>
  problem: <T>(error: ContentError, instead: T) => T
}

/**
 * Newest first, by the date as precise as each source gives it. A partial date sorts after the
 * full dates inside it ("2026-02" after "2026-02-24"): it is no later than any of them. The
 * query orders too; this holds the order whatever source answered it.
 */
export function newestFirst<T extends { date: string; id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1))
}

/** The developments in `locale`, newest first; one without a source address is a problem (the schema requires one). */
export function buildDevelopmentViews(raw: Raw['developments'] | undefined, r: Resolve): DevelopmentView[] {
  const type = 'policyDevelopment'
  const views = (raw ?? []).flatMap((d): DevelopmentView[] => {
    const url = d.source?.url
    if (!url) {
      const hint = 'Add the https:// address of the page the development comes from.'
      return r.problem(
        new ContentError({ documentId: d._id, documentType: type, field: 'source.url', code: 'value.required', message: 'This development has no source address.', hint }),
        [],
      )
    }
    return [
      {
        id: d._id,
        date: d.date,
        title: r.req(d.title, d._id, type, 'title'),
        summary: r.req(d.summary, d._id, type, 'summary'),
        source: { publisher: r.req(d.source.publisher, d._id, type, 'source.publisher'), ...(d.source.title ? { title: d.source.title } : {}), url },
      },
    ]
  })
  return newestFirst(views)
}

/** The accessibility statement, when there is one. */
export function buildAccessibilityView(raw: Raw['accessibility'] | undefined, r: Resolve): AccessibilityView | undefined {
  if (!raw) return undefined
  const req = (field: Partial<Record<LocaleId, string | null>> | null | undefined, name: string) =>
    r.req<string>(field, singletons.accessibilityStatement, 'accessibilityStatement', name)
  return {
    title: req(raw.title, 'title'),
    standard: raw.standard,
    conformance: req(raw.conformance, 'conformance'),
    testing: req(raw.testing, 'testing'),
    knownIssues: req(raw.knownIssues, 'knownIssues'),
    reporting: req(raw.reporting, 'reporting'),
    reviewed: raw.reviewed,
  }
}
