/**
 * `build-report.json`: what a build did, for publishers and CI. Written after every build,
 * failed or not: where the content came from, what was checked and found, how many pages
 * were built and indexed, how long each phase took, and why the build failed if it did.
 */
import { mkdirSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { ContentIssue } from '../../src/content/content-error.ts'
import { redact, type ContentSource } from '../../src/content/source/index.ts'
import type { TranslationIssue, ValidationReport } from '../../src/content/validation/index.ts'
import type { Phases } from './phases.ts'
import type { SearchIndexSummary } from './search-index.ts'

/** What the build found out, filled in as it goes. */
export interface BuildOutcome {
  startedAt: Date
  source?: ContentSource
  report?: ValidationReport
  pages?: number
  /** Open data files written (phase `files`). */
  files?: number
  search?: SearchIndexSummary
  /** Why the build failed (a statement and its fix), when it did. */
  failure?: ContentIssue
}

/**
 * A missing or stale translation as the report lists it: the document, the localized field's
 * path (`points[1].title`) and the language (a BCP-47 tag); for a stale one also what it is
 * translated from, when that was last confirmed, and the document's last change where known.
 */
function translationEntry(issue: TranslationIssue, stale: boolean) {
  return {
    documentId: issue.documentId,
    documentType: issue.documentType,
    // The marker sits on the language's own field (`summary.en`); the path is the localized field.
    path: issue.field.replace(/\.[^.[\]]+$/, ''),
    locale: issue.locale ?? null,
    ...(issue.sourceLocale ? { sourceLocale: issue.sourceLocale } : {}),
    // null: never confirmed.
    ...(stale ? { confirmedAt: issue.confirmedAt ?? null } : {}),
    ...(issue.documentUpdatedAt ? { documentUpdatedAt: issue.documentUpdatedAt } : {}),
    message: issue.message,
    hint: issue.hint,
  }
}

export function buildReport(outcome: BuildOutcome, phases: Phases, where: { projectRoot: string; outDir: string }) {
  const report = outcome.report
  const ok = !outcome.failure
  return {
    ok,
    failedPhase: ok ? null : (phases.failed ?? null),
    error: ok ? null : { message: outcome.failure!.message, hint: outcome.failure!.hint, code: outcome.failure!.code },
    startedAt: outcome.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    outDir: relative(where.projectRoot, where.outDir) || '.',
    source: { kind: outcome.source?.kind ?? null, description: outcome.source?.description ?? null },
    strictI18n: report?.strictI18n ?? null,
    counts: {
      documents: report?.documents ?? 0,
      byType: report?.counts ?? {},
      pages: outcome.pages ?? 0,
      files: outcome.files ?? 0,
      searchPages: outcome.search?.pages ?? 0,
      errors: report?.errors.length ?? 0,
      missingTranslations: report?.missingTranslations.length ?? 0,
      staleTranslations: report?.staleTranslations.length ?? 0,
      warnings: report?.warnings.length ?? 0,
    },
    phases: phases.toJSON(),
    errors: report?.errors ?? [],
    translations: {
      missing: (report?.missingTranslations ?? []).map((issue) => translationEntry(issue, false)),
      stale: (report?.staleTranslations ?? []).map((issue) => translationEntry(issue, true)),
    },
    warnings: report?.warnings ?? [],
  }
}

/** Writes the report whole (never half a file); a failure to write it is said, not thrown. */
export function writeBuildReport(file: string, outcome: BuildOutcome, phases: Phases, where: { projectRoot: string; outDir: string }, printError: (text: string) => void): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileAtomic.sync(file, redact(JSON.stringify(buildReport(outcome, phases, where), null, 2)) + '\n')
  } catch (error) {
    printError(`Could not write the build report ${file}: ${(error as Error).message}`)
  }
}
