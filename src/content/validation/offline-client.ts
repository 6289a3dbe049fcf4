/**
 * The client Sanity's custom rules query (slug uniqueness, a figure group's units): GROQ
 * answered with groq-js over the documents being validated, so validation never goes online
 * and sees exactly the content it validates.
 */
import { evaluate, parse } from 'groq-js'
import type { QueryParams, SanityDocumentLike } from '../source/index.ts'
import { countSlugMatches, indexDataset, narrowDataset, slugCountQuery, type DatasetIndex, type SlugCountQuery } from './narrow.ts'
import type { ValidationClient } from './sanity-adapter.ts'

/** GROQ over a fixed list of documents. */
export type DatasetFetch = (query: string, params?: QueryParams) => Promise<unknown>

/**
 * `fetch` over `documents`: the query parsed once, with its params (groq-js ignores
 * `$param` in some places otherwise), and run over only the documents it can match
 * ({@link narrowDataset}) unless `narrow` is false. The slug-uniqueness query, recognised
 * from its tree once per query text, is answered from the index without parsing it again.
 */
export function createDatasetFetch(documents: readonly SanityDocumentLike[], options: { narrow?: boolean } = {}): DatasetFetch {
  const narrow = options.narrow ?? true
  let index: DatasetIndex | undefined
  const slugQueries = new Map<string, SlugCountQuery | undefined>()
  return async (query, params = {}) => {
    if (narrow) {
      if (!slugQueries.has(query)) slugQueries.set(query, recogniseSlugQuery(query))
      const slugQuery = slugQueries.get(query)
      const count = slugQuery && countSlugMatches(slugQuery, params, (index ??= indexDataset(documents)))
      if (count !== undefined) return count
    }
    const tree = parse(query, { params })
    const subset = narrow ? narrowDataset(tree, (index ??= indexDataset(documents))) : undefined
    const result = await evaluate(tree, { dataset: subset ?? (documents as SanityDocumentLike[]), params })
    return result.get()
  }
}

/** The slug-uniqueness query's parameter names, from the tree parsed without params. */
function recogniseSlugQuery(query: string): SlugCountQuery | undefined {
  try {
    return slugCountQuery(parse(query))
  } catch {
    // Not parseable without its params: not the slug query; the general path decides.
    return undefined
  }
}

/** A {@link ValidationClient} whose only working method is `fetch`. */
export function clientFromFetch(fetch: DatasetFetch): ValidationClient {
  const unsupported = (what: string) => () => {
    throw new Error(`The offline validation client does not support ${what}; only fetch (GROQ over the local documents) is available.`)
  }
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) => `offline://data/${operation}${path ? `/${path}` : ''}`,
    observable: { fetch: unsupported('observable.fetch'), request: unsupported('observable.request') },
    withConfig: () => client,
    config: () => ({ apiVersion: '2025-02-19', projectId: 'offline', dataset: 'offline' }),
  }
  return client as unknown as ValidationClient
}

/** The offline client over `documents`. */
export function createValidationClient(documents: readonly SanityDocumentLike[], options: { narrow?: boolean } = {}): ValidationClient {
  return clientFromFetch(createDatasetFetch(documents, options))
}
