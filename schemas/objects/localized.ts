import { defineField, defineType, type FieldDefinition } from '@sanity/types'
import { TranslateIcon } from '@sanity/icons'
import { locales } from '../locales.ts'
import { noControlCharacters, staleTranslationRule, translationRule } from '../lib/validation.ts'
import { PROVENANCE_FIELD, SOURCE_LOCALE_FIELD } from '../lib/provenance.ts'
import { hasText } from '../lib/text.ts'
import { label } from '../lib/label.ts'

type LocalizedKind = 'string' | 'text' | 'portableText'

/**
 * Builds a localized object type with one field per locale from `schemas/locales.ts`,
 * shown side by side in the Studio (a two-column grid), each asking for its translation
 * once any language has text, and warning when a translation is stale.
 *
 * Two hidden fields carry the provenance of the translations (schemas/lib/provenance.ts):
 * `sourceLocale` (set only when the field was written first in another language than the
 * default) and `provenance`. The Studio shows them through its own inputs
 * (studio/translations/), which also write them.
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
    fields: [
      ...locales.map((locale) =>
        defineField({
          name: locale.id,
          title: label(locale.zhTitle, locale.title),
          ...fieldFor(kind),
          // A stale translation is a warning: publishing stays possible.
          validation: (rule) => [rule.custom(translationRule(locale)).error(), rule.custom(noControlCharacters).error(), rule.custom(staleTranslationRule(locale)).warning()],
        } as FieldDefinition),
      ),
      defineField({
        name: SOURCE_LOCALE_FIELD,
        title: label('原文語言', 'Written first in'),
        type: 'string',
        hidden: true,
        options: { list: locales.map((l) => ({ title: label(l.zhTitle, l.title), value: l.id })) },
      }),
      defineField({ name: PROVENANCE_FIELD, title: label('譯文來源紀錄', 'Translation provenance'), type: 'translationProvenance', hidden: true }),
    ],
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
