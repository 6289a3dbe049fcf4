/** The validation report as text for the terminal: errors, missing and stale translations, warnings, a summary. */
import { describeLocation, type ContentIssue } from '../content-error.ts'
import type { ValidationReport } from './report.ts'
import { confirmationDate } from '../../../schemas/lib/provenance.ts'
import type { TranslationIssue } from './stale.ts'

function describeIssue(issue: ContentIssue, mark: string): string {
  return `  ${mark} ${describeLocation(issue)}\n      ${issue.message}\n      Fix: ${issue.hint}`
}

function describeMissingTranslation(issue: ContentIssue, mark: string): string {
  return `  ${mark} ${issue.documentId} (${issue.documentType}) · ${issue.field} · missing ${issue.locale ?? '?'}\n      Fix: ${issue.hint}`
}

function describeStaleTranslation(issue: TranslationIssue, mark: string): string {
  const since = issue.confirmedAt ? `source changed since ${confirmationDate(issue.confirmedAt)}` : 'never confirmed'
  return `  ${mark} ${issue.documentId} (${issue.documentType}) · ${issue.field} · ${issue.locale ?? '?'} outdated (${since})\n      Fix: ${issue.hint}`
}

const strictNote = (report: ValidationReport) => (report.strictI18n ? ' — fatal with STRICT_I18N=1' : ' — warnings; STRICT_I18N=1 makes them fatal')

function summary(report: ValidationReport): string {
  const count = (n: number) => n.toLocaleString('en-US')
  const rules = report.cache && report.cache.reused > 0 ? ` (rules: ${count(report.cache.reused)} from cache, ${count(report.cache.validated)} checked)` : ''
  const text = `${report.documents} documents from ${report.source}: ${report.errors.length} error(s), ${report.missingTranslations.length} missing translation(s), ${report.staleTranslations.length} stale translation(s), ${report.warnings.length} warning(s)${rules}`
  return `${report.ok ? '✓' : '✗'} ${text}.`
}

/** The report as readable text: errors, then missing and stale translations, then warnings, then a summary. */
export function formatReport(report: ValidationReport): string {
  const lines: string[] = []
  if (report.errors.length > 0) {
    lines.push(`Content errors (${report.errors.length}):`, ...report.errors.map((issue) => describeIssue(issue, '✗')))
  }
  const mark = report.strictI18n ? '✗' : '!'
  if (report.missingTranslations.length > 0) {
    lines.push(`Missing translations (${report.missingTranslations.length})${strictNote(report)}:`)
    lines.push(...report.missingTranslations.map((issue) => describeMissingTranslation(issue, mark)))
  }
  if (report.staleTranslations.length > 0) {
    lines.push(`Stale translations (${report.staleTranslations.length})${strictNote(report)}:`)
    lines.push(...report.staleTranslations.map((issue) => describeStaleTranslation(issue, mark)))
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`, ...report.warnings.map((issue) => describeIssue(issue, '!')))
  }
  lines.push(summary(report))
  return lines.join('\n')
}
