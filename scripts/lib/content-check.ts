/**
 * The first two phases of a build, shared with `npm run content:validate`:
 * - content: choose the source, fetch the documents to validate and run the site query,
 * - validate: Sanity's rules and the dataset checks over every document, then the page
 *   loader's checks on the loaded content, all before any page is rendered.
 */
import type { SiteContent } from '../../src/content/load.ts'
import type { ContentSource } from '../../src/content/source.ts'
import type { ValidationReport } from '../../src/content/validate.ts'
import type { Phases } from './phases.ts'

export interface ContentCheck {
  /** The source, when one could be created from the environment. */
  source?: ContentSource
  /** The loaded site content, when the site query succeeded. */
  content?: SiteContent
  report: ValidationReport
}

/** Options of {@link checkContent}. */
export interface CheckContentOptions {
  /**
   * Called with the site content as soon as the site query has answered, before validation:
   * the build writes the snapshot its pages read here, so Astro can render while the
   * validation runs. A throw counts as a failure to load the content.
   */
  onContent?: (content: SiteContent) => void | Promise<void>
}

/**
 * Loads and validates content from `makeSource()`; never throws for bad content or an
 * unreachable source: every problem ends up in the report (`report.ok` is false).
 */
export async function checkContent(
  makeSource: () => ContentSource | Promise<ContentSource>,
  phases: Phases,
  options: CheckContentOptions = {},
): Promise<ContentCheck> {
  let validate!: typeof import('../../src/content/validate.ts')
  let source: ContentSource | undefined
  let loaded: [PromiseSettledResult<Awaited<ReturnType<typeof validate.documentsForValidation>>>, PromiseSettledResult<SiteContent>]
  try {
    loaded = await phases.run('content', async () => {
      const { loadSiteContent } = await import('../../src/content/load.ts')
      source = await makeSource()
      // The site query first, and handed on as soon as it answers (see `onContent`).
      const content = loadSiteContent(source).then(async (value) => {
        await options.onContent?.(value)
        return value
      })
      content.catch(() => undefined) // settled below; not an unhandled rejection meanwhile
      // Sanity's validation packages load later, and only if a document's rules must run
      // (see loadValidator): with a warm validation cache they are not needed at all.
      validate = await import('../../src/content/validate.ts')
      return Promise.allSettled([validate.documentsForValidation(source), content] as const)
    })
  } catch (error) {
    validate ??= await import('../../src/content/validate.ts')
    return { source, report: validate.failedReport(source?.description ?? 'the content source', validate.issueFromLoadError(error)) }
  }
  const [documents, content] = loaded
  if (documents.status === 'rejected') {
    phases.failed = 'content'
    return { source, report: validate.failedReport(source!.description, validate.issueFromLoadError(documents.reason)) }
  }

  let report: ValidationReport
  try {
    report = await phases.run('validate', async () => {
      const result = await validate.validateDocuments(documents.value, { source: source!.description, lookupIds: validate.lookupIdsIn(source!) })
      // The loader's own checks only add something when the documents are valid (else they
      // would repeat the same problems in other words).
      if (result.errors.length === 0) {
        if (content.status === 'rejected') result.errors.push(validate.issueFromLoadError(content.reason))
        else result.errors.push(...validate.checkSiteViews(content.value))
        result.ok = result.errors.length === 0 && !(result.strictI18n && result.missingTranslations.length > 0)
      }
      return result
    })
  } catch (error) {
    // Not bad content but a broken validator (e.g. a schema that does not compile).
    return { source, report: validate.failedReport(source!.description, validate.issueFromLoadError(error)) }
  }
  if (!report.ok) phases.failed = 'validate'
  return { source, content: content.status === 'fulfilled' ? content.value : undefined, report }
}
