/**
 * Document previews that flag stale translations: the subtitle of every document in the
 * Studio's lists and search starts with e.g. "英文待更新 · EN outdated" while any of its
 * translations is stale. The preview selects the document's fields that hold localized text
 * and runs the same check as validation (schemas/lib/provenance.ts).
 */
import { localeById, localeIds, type LocaleId } from '../locales.ts'
import { localizedFieldFinder, LOCALIZED_TYPES, type TypeDeclaration } from './localized-fields.ts'
import { translationStates } from './provenance.ts'
import { label, LABEL_SEPARATOR } from './label.ts'

type Selection = Record<string, unknown>
type Preview = { select?: Record<string, string>; prepare?: (selection: Selection) => Record<string, unknown> }
type DocumentType = TypeDeclaration & { name: string; preview?: Preview }

const PREFIX = 'translations_'

/** The flag for stale languages, e.g. `英文待更新 · EN outdated`; empty when none is. */
export function staleFlag(locales: readonly LocaleId[]): string {
  return locales
    .map((id) => {
      const locale = localeById[id]
      return label(`${locale.zhTitle}待更新`, `${locale.tag.toUpperCase()} outdated`)
    })
    .join(LABEL_SEPARATOR)
}

/** The languages with a stale translation anywhere in a document, in the order of schemas/locales.ts. */
export function staleLocalesOf(document: { _type: string }, find: ReturnType<typeof localizedFieldFinder>): LocaleId[] {
  const stale = new Set(
    find(document).flatMap((place) =>
      translationStates(place.value)
        .filter((s) => s.status === 'stale')
        .map((s) => s.locale),
    ),
  )
  return localeIds.filter((id) => stale.has(id))
}

/** Whether a field can hold localized text: a localized type, or an array or object whose declarations lead to one. */
function holdsTranslations(field: TypeDeclaration, byName: ReadonlyMap<string, TypeDeclaration>, seen = new Set<string>()): boolean {
  if (LOCALIZED_TYPES.has(field.type)) return true
  const named = byName.get(field.type)
  // A named type is looked into once on each path, so a type that contains itself ends the walk.
  if (named && seen.has(field.type)) return false
  const inner = [...(field.of ?? named?.of ?? []), ...(field.fields ?? named?.fields ?? [])]
  const next = named ? new Set([...seen, field.type]) : seen
  return inner.some((child) => holdsTranslations(child, byName, next))
}

/**
 * The document types with previews that flag stale translations; object types are returned
 * as they are. `types` is every schema type (for the named objects inside documents).
 */
export function withTranslationFlags<T extends { type: string; name: string }>(types: readonly T[]): T[] {
  const declarations = types as unknown as TypeDeclaration[]
  const byName = new Map(declarations.filter((t) => t.name).map((t) => [t.name!, t]))
  const find = localizedFieldFinder(declarations)
  return types.map((type) => {
    const doc = type as unknown as DocumentType
    if (type.type !== 'document' || !doc.fields) return type
    const fields = doc.fields.filter((f) => f.name && holdsTranslations(f, byName)).map((f) => f.name!)
    const preview = doc.preview ?? {}
    const prepare = preview.prepare ?? ((selection: Selection): Record<string, unknown> => ({ title: selection.title }))
    return {
      ...type,
      preview: {
        select: { ...preview.select, ...Object.fromEntries(fields.map((name) => [`${PREFIX}${name}`, name])) },
        prepare(selection: Selection) {
          const prepared = prepare(selection)
          const values = Object.fromEntries(fields.map((name) => [name, selection[`${PREFIX}${name}`]]))
          const flag = staleFlag(staleLocalesOf({ _type: type.name, ...values }, find))
          if (!flag) return prepared
          const subtitle = typeof prepared.subtitle === 'string' && prepared.subtitle ? `${flag} — ${prepared.subtitle}` : flag
          return { ...prepared, subtitle }
        },
      },
    }
  })
}
