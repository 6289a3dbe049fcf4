/**
 * Content validation before any page is built, in four steps:
 * 1. the checks Sanity does not make on a dataset file (structure.ts),
 * 2. Sanity's own rules from `schemas/` over an offline client (rules.ts), each document's
 *    result reused from the rule cache while nothing it depended on changed (rule-cache.ts);
 *    for the build, on a thread of their own (rules-thread.ts),
 * 3. Sanity's markers turned into entries naming document, field and fix (hints.ts),
 * 4. one report (report.ts), printed by print.ts.
 * Local and live content go through the same code; nothing here touches the network, and
 * Sanity's packages load only if some document's rules must run.
 */
import type { ContentSource, SanityDocumentLike } from '../source/index.ts'
import { fieldsByType, issuesFromMarkers } from './hints.ts'
import { createDatasetFetch } from './offline-client.ts'
import { buildReport, strictI18nFromEnv, type Findings, type ValidationReport } from './report.ts'
import { openRuleCache, type ValidationCacheOptions } from './rule-cache.ts'
import { runRules, type RuleContext, type RuleResult } from './rules.ts'
import { runRulesOnThread } from './rules-thread.ts'
import type { DocumentValidationMarker } from './sanity-adapter.ts'
import { checkStructure, type LookupIds } from './structure.ts'

export { formatReport } from './print.ts'
export { failedReport, strictI18nFromEnv, type ValidationReport } from './report.ts'
export type { TranslationIssue } from './stale.ts'
export type { ValidationCacheOptions } from './rule-cache.ts'

/** Options for {@link validateDocuments}. */
export interface ValidateOptions {
  /** Missing and stale translations fail the validation. Default: `STRICT_I18N=1` in the environment. */
  strictI18n?: boolean
  /** How many documents Sanity validates at once. Default 8. */
  concurrency?: number
  /** A description of where the documents came from, for the report. */
  source?: string
  /**
   * Looks up ids that the documents refer to but that are not among them (e.g. image assets
   * in the Content Lake): returns the ids that exist. Without it, such references are errors.
   */
  lookupIds?: LookupIds
  /** The rule cache: `false` turns it off; an object sets its folder or adds to its key. Default: on, unless `BUILD_CACHE=0`. */
  cache?: boolean | ValidationCacheOptions
  /**
   * Run the rules on a thread of their own (rules-thread.ts), whose memory is returned when it
   * ends: for the build, where Astro renders beside. Default: in this thread.
   */
  ownThread?: boolean
}

/**
 * Validates every document with the structural checks and Sanity's own rules. Never throws
 * for bad content: every problem goes into the report.
 */
export async function validateDocuments(documents: readonly SanityDocumentLike[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now()
  // Loaded here, not at the top: printing a report needs none of the schema.
  const schema = await import('../../../schemas/index.ts')
  const structure = await checkStructure(documents, schema, options.lookupIds)
  const context: RuleContext = { exists: (id) => structure.existingIds.has(id), fetch: createDatasetFetch(structure.valid) }
  const run: RunRules = options.ownThread
    ? (pending, concurrency) => runRulesOnThread({ documents: pending, existingIds: [...structure.existingIds], dataset: structure.valid, concurrency })
    : (pending, concurrency) => runRules(pending, context, concurrency)
  const rules = await sanityMarkers(structure.toValidate, context, run, options)
  const findings: Findings = { errors: [...structure.errors], missingTranslations: [], staleTranslations: [], warnings: [] }
  const fields = fieldsByType(schema.schemaTypes, schema.documentTypes)
  structure.toValidate.forEach((doc, i) => {
    issuesFromMarkers(doc, rules.markers[i]!, fields, findings)
  })
  return buildReport({
    ...findings,
    source: options.source ?? 'documents',
    documents: documents.length,
    counts: structure.counts,
    strictI18n: options.strictI18n ?? strictI18nFromEnv(),
    durationMs: performance.now() - started,
    cache: rules.cache,
  })
}

type RunRules = (documents: readonly SanityDocumentLike[], concurrency: number) => Promise<RuleResult[]>

/** Each document's markers: from the rule cache where they still hold, else from the rules (`run`). */
async function sanityMarkers(documents: readonly SanityDocumentLike[], context: RuleContext, run: RunRules, options: ValidateOptions) {
  const cache = await openRuleCache(options.cache ?? true)
  const markers: (DocumentValidationMarker[] | undefined)[] = []
  for (const doc of documents) markers.push(await cache?.reuse(doc, context))
  const pending = documents.filter((_, i) => markers[i] === undefined)
  const fresh = pending.length ? await run(pending, options.concurrency ?? 8) : []
  pending.forEach((doc, j) => {
    cache?.keep(doc, fresh[j]!)
  })
  let next = 0
  for (let i = 0; i < markers.length; i++) markers[i] ??= fresh[next++]!.markers
  cache?.save()
  return { markers: markers as DocumentValidationMarker[][], cache: { reused: documents.length - pending.length, validated: pending.length } }
}

/**
 * The documents to validate: everything the source holds (one request when live), sorted by
 * id. Documents of a type the schema does not know are among them and reported as such.
 */
export async function documentsForValidation(source: ContentSource): Promise<SanityDocumentLike[]> {
  return [...(await source.allDocuments())].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}

/** Ids that exist in the source, for references to documents outside the validated set. */
export function lookupIdsIn(source: ContentSource): (ids: string[]) => Promise<string[]> {
  return (ids) => source.query<string[]>('*[_id in $ids]._id', { ids })
}
