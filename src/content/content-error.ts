/**
 * Problems in the content, as values: where they are (document, field, or file and line),
 * what is wrong and how to fix it. The NDJSON reader, the localizer and the view builder
 * throw a {@link ContentError}; validation collects {@link ContentIssue}s into its report.
 * Nothing downstream reads a message to find out where a problem is.
 */

/** One problem in the content, with where it is and how to fix it. */
export interface ContentIssue {
  /** The document's `_id` (empty for a problem with the file itself, e.g. a malformed line). */
  documentId: string
  /** The document's `_type` (empty when unknown). */
  documentType: string
  /** The field path, e.g. `title.en`, `points[1].description.zhTW`; empty for the whole document. */
  field: string
  /** What is wrong, as a statement (Sanity's or the schema's own message where there is one). */
  message: string
  /** How to fix it. */
  hint: string
  /** A machine-readable code: Sanity's marker code (`value.required`, `custom`, ...) or ours. */
  code: string
  /** For missing translations: the language that is missing, as its BCP-47 tag (`en`, `zh-TW`). */
  locale?: string
  /** For problems in a dataset file: the file and the 1-based line. */
  file?: string
  line?: number
}

/** What a {@link ContentError} is made from: an issue whose document and field may be left out. */
export type ContentErrorDetails = Pick<ContentIssue, 'message' | 'hint' | 'code'> & Partial<Omit<ContentIssue, 'message' | 'hint' | 'code'>>

/** A problem in the content, thrown where it is found and reported where it is caught. */
export class ContentError extends Error {
  override name = 'ContentError'
  readonly issue: ContentIssue

  constructor(details: ContentErrorDetails) {
    const issue: ContentIssue = { documentId: '', documentType: '', field: '', ...details }
    super(`${describeLocation(issue)}: ${issue.message}`)
    this.issue = issue
  }
}

/** Where an issue is, as people read it: `file:line`, or `document (type) · field`. */
export function describeLocation(issue: ContentIssue): string {
  if (issue.file) return issue.line ? `${issue.file}:${issue.line}` : issue.file
  if (!issue.documentId) return issue.field || '(content)'
  return `${issue.documentId}${issue.documentType ? ` (${issue.documentType})` : ''}${issue.field ? ` · ${issue.field}` : ''}`
}

/**
 * A failure that is not the content's fault (an API that does not answer, a tool that
 * exits with an error), with the fix kept apart from the statement.
 */
export class HintedError extends Error {
  override name = 'HintedError'
  readonly hint: string
  readonly code: string

  constructor(message: string, hint: string, code = 'build.failed') {
    super(message)
    this.hint = hint
    this.code = code
  }
}

/**
 * Any error as a report entry: a {@link ContentError}'s own issue, a {@link HintedError}'s
 * statement and fix, or, for anything else, its message.
 */
export function toContentIssue(error: unknown, code = 'content.load-failed'): ContentIssue {
  if (error instanceof ContentError) return error.issue
  const base = { documentId: '', documentType: '', field: '' }
  if (error instanceof HintedError) return { ...base, code: error.code, message: error.message, hint: error.hint }
  return { ...base, code, message: error instanceof Error ? error.message : String(error), hint: 'Fix what the message names; nothing was built.' }
}
