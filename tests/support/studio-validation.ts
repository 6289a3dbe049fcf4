/**
 * Sanity's own document validation, offline: the compiled schema from schemas/ plus a client
 * whose `fetch` evaluates GROQ with groq-js over an in-memory dataset. Custom rules (slug
 * uniqueness, figure-group units) run as they do in the Studio; nothing touches the network.
 *
 * Without a client, `validateDocument` skips custom rules, so every test passes one.
 *
 * Two environments, because @sanity/validation 6.16 treats them differently:
 * - `validateDocument` (environment "cli", what scripts and the build use) adds an
 *   unknown-fields check to every rule of an object-typed value with `.warning()`, and that
 *   `.warning()` re-levels the whole rule: failures of rules on object fields (slugs, localized
 *   objects, references) come out as `level: 'warning'` there.
 * - The Studio (environment "studio", reproduced with `validateDocumentWithWorkspace`) does not
 *   add that check, so the same failures are errors and block publishing.
 */
import { evaluate, parse } from 'groq-js'
import type { SanityDocument } from 'sanity'

export interface StudioDoc {
  _id: string
  _type: string
  [field: string]: unknown
}

/** A client as `validateDocument` expects it, answering queries from `dataset`. */
export function inMemoryClient(dataset: StudioDoc[], calls: { query: string; params: Record<string, unknown> }[] = []) {
  const client = {
    async fetch(query: string, params: Record<string, unknown> = {}) {
      calls.push({ query, params })
      const tree = parse(query, { params })
      const result = await evaluate(tree, { dataset, params })
      return result.get()
    },
    getDataUrl(operation: string, path?: string) {
      return `offline://data/${operation}${path ? `/${path}` : ''}`
    },
    observable: {},
    withConfig() {
      return client
    },
    config() {
      return { apiVersion: '2025-02-19', projectId: 'offline', dataset: 'test' }
    },
  }
  return client
}

type ValidationModule = typeof import('@sanity/validation')

let compiled:
  | Promise<{
      schema: unknown
      validateDocument: ValidationModule['validateDocument']
      validateDocumentWithWorkspace: ValidationModule['validateDocumentWithWorkspace']
    }>
  | undefined

/** The compiled schema (importing `sanity` takes a few seconds, so once per test file). */
export function loadValidation() {
  compiled ??= (async () => {
    const [{ createSchema }, { validateDocument, validateDocumentWithWorkspace }, { schemaTypes }] = await Promise.all([
      import('sanity'),
      import('@sanity/validation'),
      import('../../schemas'),
    ])
    const schema = createSchema({ name: 'default', types: schemaTypes })
    const problems = (schema as { _validation?: { problems: { severity: string; message: string }[] }[] })._validation ?? []
    const errors = problems.flatMap((group) => group.problems).filter((problem) => problem.severity === 'error')
    if (errors.length > 0) throw new Error(`Schema does not compile: ${errors.map((e) => e.message).join('; ')}`)
    return { schema, validateDocument, validateDocumentWithWorkspace }
  })()
  return compiled
}

export interface Marker {
  level: string
  code?: string
  path: unknown[]
  message: string
}

/**
 * Validates one document with `dataset` as the rest of the content, both as scripts do
 * (`validateDocument`, environment "cli") and as the Studio does (environment "studio").
 */
export async function validate(document: StudioDoc, dataset: StudioDoc[] = []) {
  const { schema, validateDocument, validateDocumentWithWorkspace } = await loadValidation()
  const all = dataset.some((d) => d._id === document._id) ? dataset : [...dataset, document]
  const client = inMemoryClient(all)
  const ids = new Set(all.map((d) => d._id))
  const getDocumentExists = async ({ id }: { id: string }) => ids.has(id)
  const cli = await validateDocument({
    document: document as unknown as SanityDocument,
    schema: schema as Parameters<typeof validateDocument>[0]['schema'],
    client: client as never,
    getDocumentExists,
  })
  const studio = await validateDocumentWithWorkspace({
    document: document as unknown as SanityDocument,
    workspace: { schema, getClient: () => client } as never,
    getDocumentExists,
    environment: 'studio',
  })
  return { status: cli.status, markers: cli.markers as Marker[], studioMarkers: studio as Marker[] }
}

/** Every marker (any level) as `path: message` lines. */
export function markerLines(markers: Marker[]): string[] {
  return markers.map((m) => `${m.path.map(String).join('.')}: ${m.message}`)
}

/** Only the error markers, as `path: message` lines, for readable assertions. */
export function errorLines(markers: Marker[]): string[] {
  return markers.filter((m) => m.level === 'error').map((m) => `${m.path.map(String).join('.')}: ${m.message}`)
}
