import { defineField, defineType, type FieldDefinition } from '@sanity/types'
import { TranslateIcon } from '@sanity/icons'
import { locales } from '../locales.ts'
import { translationRule } from '../lib/validation.ts'
import { hasText } from '../lib/text.ts'

type LocalizedKind = 'string' | 'text' | 'portableText'

/**
 * Builds a localized object type with one field per locale from `schemas/locales.ts`,
 * shown side by side in the Studio (a two-column grid), each asking for its translation
 * once any language has text.
 */
export function defineLocalizedType(name: string, title: string, kind: LocalizedKind) {
  return defineType({
    name,
    title,
    type: 'object',
    icon: TranslateIcon,
    // Side by side: one column per language, so a translator reads the source next to the
    // translation. Rich text stays one above the other: its editor is unusable at half width.
    options: { columns: kind === 'portableText' ? 1 : locales.length },
    fields: locales.map((locale) =>
      defineField({
        name: locale.id,
        title: locale.label,
        ...fieldFor(kind),
        validation: (rule) => rule.custom(translationRule(locale)).error(),
      } as FieldDefinition),
    ),
    preview: {
      select: Object.fromEntries(locales.map((l) => [l.id, l.id])),
      prepare(selection: Record<string, unknown>) {
        const first = locales.map((l) => selection[l.id]).find(hasText)
        return {
          title: typeof first === 'string' ? first : title,
          subtitle: locales.map((l) => `${l.tag} ${hasText(selection[l.id]) ? '✓' : '⚠'}`).join('  '),
        }
      },
    },
  })
}

function fieldFor(kind: LocalizedKind): Record<string, unknown> {
  if (kind === 'string') return { type: 'string' }
  if (kind === 'text') return { type: 'text', rows: 3 }
  return { type: 'portableText' }
}
