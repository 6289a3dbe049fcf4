/**
 * The validation report: what the build prints and decides on. Every problem is a
 * {@link ContentIssue} (document, field, message, fix); the report sorts them so two runs
 * over the same content print the same text.
 */
import type { ContentIssue } from '../content-error.ts'
import type { TranslationIssue } from './stale.ts'

/** The result of validating all content. */
export interface ValidationReport {
  /** Where the content came from (never contains a token). */
  source: string
  /** How many documents were validated. */
  documents: number
  /** Documents per type. */
  counts: Record<string, number>
  /** Problems that fail the build. */
  errors: ContentIssue[]
  /** Text missing in one language: warnings, or errors with `STRICT_I18N=1`. */
  missingTranslations: ContentIssue[]
  /** Translations whose source changed since they were confirmed: warnings, or errors with `STRICT_I18N=1`. */
  staleTranslations: TranslationIssue[]
  /** Problems that do not fail the build (e.g. a field the schema does not know). */
  warnings: ContentIssue[]
  /** Whether missing and stale translations are fatal (`STRICT_I18N=1`). */
  strictI18n: boolean
  /** True when the build may go on: no errors, and no missing or stale translations in strict mode. */
  ok: boolean
  /** Milliseconds spent validating. */
  durationMs: number
  /**
   * Sanity's rules: for how many documents the result came from the rule cache (the
   * document and everything its rules queried unchanged since it was stored), and for how
   * many the rules ran. Absent in reports that validated nothing.
   */
  cache?: { reused: number; validated: number }
}

/** The four lists of a report, before they are sorted. */
export interface Findings {
  errors: ContentIssue[]
  missingTranslations: ContentIssue[]
  staleTranslations: TranslationIssue[]
  warnings: ContentIssue[]
}

/** Whether `STRICT_I18N` asks for missing and stale translations to be fatal. */
export function strictI18nFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.STRICT_I18N?.trim().toLowerCase()
  return value === '1' || value === 'true' || value === 'yes'
}

/** Issues by document, then field (numbers in paths compared as numbers), then message. */
export function sortIssues<T extends ContentIssue>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => a.documentId.localeCompare(b.documentId) || a.field.localeCompare(b.field, 'en', { numeric: true }) || a.message.localeCompare(b.message))
}

/** What {@link buildReport} puts together. */
export interface ReportParts extends Findings {
  source: string
  documents: number
  counts: Record<string, number>
  strictI18n: boolean
  durationMs: number
  cache?: ValidationReport['cache']
}

/** The report from its parts: issues sorted, counts by type name, `ok` decided. */
export function buildReport(parts: ReportParts): ValidationReport {
  const { cache, ...rest } = parts
  return {
    ...rest,
    counts: Object.fromEntries(Object.entries(parts.counts).sort(([a], [b]) => a.localeCompare(b))),
    errors: sortIssues(parts.errors),
    missingTranslations: sortIssues(parts.missingTranslations),
    staleTranslations: sortIssues(parts.staleTranslations),
    warnings: sortIssues(parts.warnings),
    ok: parts.errors.length === 0 && !(parts.strictI18n && parts.missingTranslations.length + parts.staleTranslations.length > 0),
    ...(cache ? { cache } : {}),
  }
}

/**
 * A report for content that could not be read at all (a malformed dataset line, an API
 * that does not answer): the one issue, e.g. from `toContentIssue(error)`.
 */
export function failedReport(source: string, issue: ContentIssue, strictI18n = strictI18nFromEnv()): ValidationReport {
  return buildReport({ source, documents: 0, counts: {}, errors: [issue], missingTranslations: [], staleTranslations: [], warnings: [], strictI18n, durationMs: 0 })
}
