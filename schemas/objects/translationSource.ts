import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { ClockIcon } from '@sanity/icons'

/**
 * What one translation was last confirmed against (schemas/lib/provenance.ts): the sha256
 * of the normalized source text, when, and that text (per block for Portable Text). Written
 * by "Mark as up to date" in the Studio, never typed.
 */
export const translationSource = defineType({
  name: 'translationSource',
  title: 'Translated from',
  type: 'object',
  icon: ClockIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'sourceHash', title: 'Source hash (sha256 of the normalized text)', type: 'string' }),
    defineField({ name: 'confirmedAt', title: 'Confirmed at', type: 'datetime' }),
    defineField({ name: 'sourceSnapshot', title: 'Source text at confirmation', type: 'text', rows: 3 }),
    defineField({
      name: 'sourceBlocks',
      title: 'Source blocks at confirmation',
      type: 'array',
      of: [defineArrayMember({ type: 'translationSourceBlock' })],
    }),
  ],
  preview: {
    select: { confirmedAt: 'confirmedAt', snapshot: 'sourceSnapshot' },
    prepare: (s: Record<string, unknown>) => ({ title: String(s.snapshot ?? 'Rich text'), subtitle: `Confirmed ${String(s.confirmedAt ?? '?')}` }),
  },
})
