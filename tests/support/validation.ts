/**
 * Helpers for the validation tests (tests/unit/validation/): validating a fixture dataset
 * with the rule cache off (every test runs Sanity's rules for real and never touches the
 * developer's cache), and finding the one entry for a document and field.
 */
import { expect } from 'vitest'
import type { ContentIssue } from '../../src/content/content-error.ts'
import type { SanityDocumentLike } from '../../src/content/source/index.ts'
import { formatReport, validateDocuments, type ValidateOptions, type ValidationReport } from '../../src/content/validation/index.ts'
import type { Doc } from '../fixtures/base.ts'

/** Validates `docs` without the rule cache (and without STRICT_I18N unless asked). */
export const validate = (docs: Doc[], strictI18n = false, options: ValidateOptions = {}) =>
  validateDocuments(docs as SanityDocumentLike[], { strictI18n, cache: false, ...options })

/** The one issue for a document and field, asserting the report text names the document, field and fix. */
export function issueAt(report: ValidationReport, list: 'errors' | 'missingTranslations' | 'staleTranslations' | 'warnings', documentId: string, field: string): ContentIssue {
  const found = report[list].filter((i) => i.documentId === documentId && i.field === field)
  expect(found, `${list} for ${documentId} · ${field}; have:\n${formatReport(report)}`).toHaveLength(1)
  const issue = found[0]!
  expect(issue.hint.length).toBeGreaterThan(10)
  const text = formatReport(report)
  expect(text).toContain(documentId)
  expect(text).toContain(field)
  expect(text).toContain(issue.hint)
  return issue
}

/** The project's files, found from this file (never from the working folder). */
export const projectFile = (path: string) => new URL(`../../${path}`, import.meta.url)
