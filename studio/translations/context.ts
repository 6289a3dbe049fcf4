import { createContext } from 'react'
import type { Path } from 'sanity'
import type { LocalizedValue } from '../../schemas/lib/provenance'

/** What a localized object's input tells the fields of its languages (TranslationField). */
export interface LocalizedFieldContextValue {
  /** The localized object's path in the document. */
  path: Path
  value: LocalizedValue | undefined
}

export const LocalizedFieldContext = createContext<LocalizedFieldContextValue | undefined>(undefined)
