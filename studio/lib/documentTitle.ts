import { locales } from '../../schemas/locales'
import { LABEL_SEPARATOR } from '../../schemas/lib/label'

/** Fields that name a document, in the order the schema previews use them. */
const TITLE_FIELDS = ['title', 'name', 'label', 'term'] as const

/**
 * A document's name in every language (Chinese first), from its first title-like field, else
 * its id: how the Studio's own tools (Publishing, Translations) name a document in a list.
 */
export function documentTitle(doc: { _id: string; [field: string]: unknown }): string {
  for (const name of TITLE_FIELDS) {
    const field = doc[name]
    if (typeof field === 'string' && field.trim() !== '') return field
    if (typeof field !== 'object' || field === null) continue
    const texts = locales.map((l) => (field as Record<string, unknown>)[l.id]).filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    if (texts.length) return texts.join(LABEL_SEPARATOR)
  }
  return doc._id
}
