import type { DocumentBadgeComponent, SanityDocument } from 'sanity'
import { schemaTypes } from '../../schemas'
import { localizedFieldFinder, type TypeDeclaration } from '../../schemas/lib/localized-fields'
import { staleFlag, staleLocalesOf } from '../../schemas/lib/translation-flags'

const find = localizedFieldFinder(schemaTypes as unknown as TypeDeclaration[])

/** The badge of an open document with stale translations: "EN outdated · 英文待更新" beside its status. */
export const TranslationBadge: DocumentBadgeComponent = (props) => {
  const doc = (props.draft ?? props.published) as SanityDocument | null
  const stale = doc ? staleLocalesOf(doc, find) : []
  if (stale.length === 0) return null
  return { label: staleFlag(stale), color: 'warning', title: 'Translations outdated: see the fields marked Outdated · 譯文待更新：請查看標示為待更新的欄位' }
}
