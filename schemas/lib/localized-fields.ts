/**
 * Every localized field of a document, found by walking the document along its type's
 * declarations in schemas/ (fields, array members, named object types such as `point`): the
 * Studio's Translations tool and previews, `npm run content:translations` and the provenance
 * migration all list translations with it.
 */
import { formatPath, type SanityPathSegment } from './paths.ts'
import type { LocalizedValue } from './provenance.ts'

/** The localized object types (schemas/objects/locale*.ts). */
export const LOCALIZED_TYPES: ReadonlySet<string> = new Set(['localeString', 'localeText', 'localePortableText'])

/** What the walk reads of a schema declaration. */
export interface TypeDeclaration {
  name?: string
  type: string
  fields?: readonly TypeDeclaration[]
  of?: readonly TypeDeclaration[]
}

/** One localized field in a document. */
export interface LocalizedPlace {
  /** The Sanity path, array items by `_key` where they have one (for patches and Studio links). */
  path: SanityPathSegment[]
  /** The path as people read it, e.g. `points[1].title`. */
  field: string
  /** The localized type: `localeString`, `localeText` or `localePortableText`. */
  type: string
  value: LocalizedValue
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A function listing the localized fields of a document, in the order of the declarations
 * (and of array items), for the types given (`schemaTypes` from schemas/index.ts).
 */
export function localizedFieldFinder(types: readonly TypeDeclaration[]): (document: { _type?: unknown }) => LocalizedPlace[] {
  const byName = new Map(types.filter((t) => t.name).map((t) => [t.name!, t]))

  const walk = (value: unknown, declaration: TypeDeclaration, path: SanityPathSegment[], document: unknown, out: LocalizedPlace[]): void => {
    if (LOCALIZED_TYPES.has(declaration.type)) {
      if (isObject(value)) out.push({ path, field: formatPath(path, document), type: declaration.type, value: value as LocalizedValue })
      return
    }
    const named = byName.get(declaration.type)
    const fields = declaration.fields ?? named?.fields
    const members = declaration.of ?? named?.of
    if (fields && isObject(value)) {
      for (const field of fields) if (field.name && field.name in value) walk(value[field.name], field, [...path, field.name], document, out)
    } else if (members && Array.isArray(value)) {
      value.forEach((item, index) => {
        const member = members.length === 1 ? members[0] : members.find((m) => isObject(item) && (m.name ?? m.type) === item._type)
        const key = isObject(item) && typeof item._key === 'string' ? { _key: item._key } : index
        if (member) walk(item, member, [...path, key], document, out)
      })
    }
  }

  return (document) => {
    const declaration = typeof document._type === 'string' ? byName.get(document._type) : undefined
    const out: LocalizedPlace[] = []
    if (declaration) walk(document, declaration, [], document, out)
    return out
  }
}
