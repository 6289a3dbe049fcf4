import { definePlugin, type FieldProps, type InputProps, type ObjectInputProps } from 'sanity'
import { createElement } from 'react'
import { isLocalizedType } from '../lib/languages'
import { TranslationBadge } from './badge'
import { LocalizedInput } from './LocalizedInput'
import { TranslationField } from './TranslationField'
import { translationsTool } from './TranslationsTool'

/**
 * Translations that know when they are out of date, in the Studio: every localized field's
 * input (status per language, what changed in the source, "Mark as up to date"), a badge on
 * documents with stale translations, and the Translations tool listing every stale and
 * missing translation. The model and the rules are in schemas/ (schemas/lib/provenance.ts).
 */
export const translations = definePlugin({
  name: 'six-core-translations',
  tools: (prev) => [...prev, translationsTool],
  form: {
    components: {
      input: (props: InputProps) => (isLocalizedType(props.schemaType) ? createElement(LocalizedInput, props as ObjectInputProps) : props.renderDefault(props)),
      field: (props: FieldProps) => createElement(TranslationField, props),
    },
  },
  document: {
    badges: (prev) => [...prev, TranslationBadge],
  },
})
