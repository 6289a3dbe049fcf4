/**
 * The one place that reaches into Sanity's private entry points (`@sanity/schema/_internal`,
 * `@sanity/validation/_internal`). `validateDocument` needs a compiled schema; the public way
 * to get one is `createSchema` from `sanity`, which loads the whole Studio for this one
 * function and costs seconds of CPU per build. The compile steps below are the ones
 * `createSchema` takes (sanity 6.16, WorkspaceLoader), from the packages it uses.
 *
 * A unit test (tests/unit/validation/sanity-adapter.test.ts) compares the markers with those
 * of `createSchema`: when an upgrade changes the private API, that test fails and says this
 * file must follow.
 */
import type { DocumentValidationMarker, ValidationClient, validateDocument as ValidateDocument } from '@sanity/validation'
import { HintedError } from '../content-error.ts'

export type { DocumentValidationMarker, ValidationClient }

export interface Validator {
  schema: Parameters<typeof ValidateDocument>[0]['schema']
  validateDocument: typeof ValidateDocument
}

const UPGRADE_HINT =
  'Sanity changed a private entry point that src/content/validation/sanity-adapter.ts uses: update the adapter to what `createSchema` from sanity does in the installed version (tests/unit/validation/sanity-adapter.test.ts checks it).'

/** The functions the adapter takes from Sanity's packages, each checked to exist. */
async function sanityParts() {
  const [schemaPublic, schemaInternal, validationInternal, validation] = await Promise.all([
    import('@sanity/schema'),
    import('@sanity/schema/_internal'),
    import('@sanity/validation/_internal'),
    import('@sanity/validation'),
  ])
  const parts = {
    Schema: schemaPublic.Schema,
    builtinTypes: schemaInternal.builtinTypes,
    groupProblems: schemaInternal.groupProblems,
    validateSchema: schemaInternal.validateSchema,
    inferFromSchema: validationInternal.inferFromSchema,
    validateDocument: validation.validateDocument,
  }
  const missing = Object.entries(parts).filter(([, value]) => value === undefined)
  if (missing.length > 0) {
    throw new HintedError(`Sanity's packages no longer export ${missing.map(([name]) => name).join(', ')}.`, UPGRADE_HINT, 'validation.adapter')
  }
  return parts
}

type SchemaProblemGroup = { path: { name?: string }[]; problems: { severity: string; message: string }[] }

/** The schema's error-level problems as `path: message` lines. */
function schemaErrors(groups: readonly SchemaProblemGroup[]): string[] {
  return groups.flatMap((group) =>
    group.problems.filter((problem) => problem.severity === 'error').map((problem) => `${group.path.map((p) => p.name ?? '?').join('.')}: ${problem.message}`),
  )
}

/** Compiles `schemas/` as `createSchema` does: on top of the built-in types, with its problems attached. */
async function compileSchema(): Promise<Validator> {
  const [{ Schema, builtinTypes, groupProblems, validateSchema, inferFromSchema, validateDocument }, { schemaTypes }] = await Promise.all([
    sanityParts(),
    import('../../../schemas/index.ts'),
  ])
  const builtin = inferFromSchema(Schema.compile({ name: 'studio', types: builtinTypes }))
  const problems = groupProblems(validateSchema(schemaTypes).getTypes()) as SchemaProblemGroup[]
  const errors = schemaErrors(problems)
  const compiled = Schema.compile({ name: 'default', types: errors.length > 0 ? [] : schemaTypes.filter(Boolean), parent: builtin })
  ;(compiled as unknown as { _validation: unknown })._validation = problems
  if (errors.length > 0) {
    throw new HintedError(`The schema in schemas/ does not compile: ${errors.join('; ')}.`, 'Run `npx sanity schema validate` in studio/ and fix what it lists.', 'schema.invalid')
  }
  return { schema: inferFromSchema(compiled) as unknown as Validator['schema'], validateDocument }
}

let validatorPromise: Promise<Validator> | undefined

/**
 * Sanity's `validateDocument` and the compiled schema, once per process and only when some
 * document's rules must run: a build whose rule results all come from the cache never loads
 * Sanity's packages, which would otherwise take CPU from Astro's render next to it.
 */
export function loadValidator(): Promise<Validator> {
  validatorPromise ??= compileSchema()
  // A failed import must not be cached forever (e.g. a test that retries).
  validatorPromise.catch(() => (validatorPromise = undefined))
  return validatorPromise
}
