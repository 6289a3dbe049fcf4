import { defineField, defineType } from '@sanity/types'
import { BlockElementIcon } from '@sanity/icons'
import { label } from '../lib/label.ts'

/**
 * The normalized text of one Portable Text block of the source, keyed by the block's own
 * `_key`, as it was when a translation was confirmed: what lets the Studio and the
 * side-by-side page tell which blocks of the source changed since.
 */
export const translationSourceBlock = defineType({
  name: 'translationSourceBlock',
  title: label('確認時的原文段落', 'Source block at confirmation'),
  type: 'object',
  icon: BlockElementIcon,
  readOnly: true,
  fields: [defineField({ name: 'text', title: label('文字', 'Text'), type: 'text', rows: 2 })],
  preview: {
    select: { text: 'text' },
    prepare: (s: Record<string, unknown>) => ({ title: String(s.text ?? '') }),
  },
})
