import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ClockIcon } from '@sanity/icons'
import { label } from '../lib/label.ts'

/**
 * What one translation was last confirmed against (schemas/lib/provenance.ts): the sha256
 * of the normalized source text, when, and that text (per block for Portable Text). Written
 * by "Mark as up to date" in the Studio, never typed.
 */
export const translationSource = defineType({
  name: 'translationSource',
  title: label('譯自', 'Translated from'),
  type: 'object',
  icon: ClockIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'sourceHash', title: label('原文雜湊值（正規化文字的 sha256）', 'Source hash (sha256 of the normalized text)'), type: 'string' }),
    defineField({ name: 'confirmedAt', title: label('確認時間', 'Confirmed at'), type: 'datetime' }),
    defineField({ name: 'sourceSnapshot', title: label('確認時的原文', 'Source text at confirmation'), type: 'text', rows: 3 }),
    defineField({
      name: 'sourceBlocks',
      title: label('確認時的原文段落', 'Source blocks at confirmation'),
      type: 'array',
      of: [defineArrayMember({ type: 'translationSourceBlock' })],
    }),
  ],
  preview: {
    select: { confirmedAt: 'confirmedAt', snapshot: 'sourceSnapshot' },
    prepare: (s: Record<string, unknown>) => ({
      title: String(s.snapshot ?? label('格式文字', 'Rich text')),
      subtitle: `${label('確認於', 'Confirmed')} ${String(s.confirmedAt ?? '?')}`,
    }),
  },
})
