import { defineField, defineType } from '@sanity/types'
import { BulbOutlineIcon } from '@sanity/icons'
import { requiredLocalized } from '../lib/validation.ts'
import { bilingualTitle, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/**
 * One titled point of an argument: a trend, an advantage, an enabling measure,
 * a part of the framework. Used in lists where the order is the brief's.
 */
export const point = defineType({
  name: 'point',
  title: label('要點', 'Point'),
  type: 'object',
  icon: BulbOutlineIcon,
  fields: [
    defineField({
      name: 'title',
      title: label('標題', 'Title'),
      type: 'localeString',
      validation: (rule) => rule.custom(requiredLocalized),
    }),
    defineField({
      name: 'description',
      title: label('說明', 'Description'),
      type: 'localeText',
      validation: (rule) => rule.custom(requiredLocalized),
    }),
  ],
  preview: {
    select: selectLocalized('title'),
    prepare: (selection: Record<string, unknown>) => ({ title: bilingualTitle(selection, 'title') }),
  },
})
