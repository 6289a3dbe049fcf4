import { defineField, defineType } from '@sanity/types'
import { EyeOpenIcon } from '@sanity/icons'
import { requiredLocalizedField } from '../lib/fields.ts'
import { noControlCharacters } from '../lib/validation.ts'
import { bilingualTitle, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'

/** The message when the review date is missing. */
const REVIEWED_MESSAGE = label('必填：最近一次檢視本聲明的日期（YYYY-MM-DD）。', 'Required: the date this statement was last reviewed (YYYY-MM-DD).')

/**
 * The accessibility statement: the standard the site aims at, how that is checked, what is
 * known not to meet it and how to report a problem. A singleton on the fixed id
 * `accessibilityStatement`; the page adds the contact address from Site settings, so the
 * address is kept in one place.
 */
export const accessibilityStatement = defineType({
  name: 'accessibilityStatement',
  title: label('無障礙聲明', 'Accessibility statement'),
  type: 'document',
  icon: EyeOpenIcon,
  fields: [
    requiredLocalizedField('title', label('標題', 'Title'), 'localeString'),
    defineField({
      name: 'standard',
      title: label('遵循的標準', 'Standard'),
      type: 'string',
      description: label('例如「WCAG 2.2 AA」。', 'e.g. "WCAG 2.2 AA".'),
      validation: (rule) =>
        rule.required().error(label('必填：本站遵循的無障礙標準，例如「WCAG 2.2 AA」。', 'Required: the standard the site meets, e.g. "WCAG 2.2 AA".')).custom(noControlCharacters),
    }),
    requiredLocalizedField('conformance', label('符合程度', 'Conformance'), 'localeText', label('本站符合標準到什麼程度。', 'How far the site meets the standard.')),
    requiredLocalizedField('testing', label('如何檢測', 'How it is tested'), 'localeText', label('只寫實際在做的檢測。', 'Only the checks that are really run.')),
    requiredLocalizedField(
      'knownIssues',
      label('已知不足', 'Known gaps'),
      'localeText',
      label('目前已知未完全符合的地方，以及替代方式。', 'What is known not to meet the standard, and the alternative offered.'),
    ),
    requiredLocalizedField(
      'reporting',
      label('回報問題', 'Reporting a problem'),
      'localeText',
      label('讀者如何回報問題；頁面會自動附上「網站設定」中的聯絡信箱。', 'How readers report a problem; the page adds the contact address from Site settings.'),
    ),
    defineField({
      name: 'reviewed',
      title: label('檢視日期', 'Date reviewed'),
      type: 'date',
      validation: (rule) => rule.required().error(REVIEWED_MESSAGE),
    }),
  ],
  orderings: [],
  preview: {
    select: selectLocalized('title'),
    prepare: (s: Record<string, unknown>) => ({ title: label('無障礙聲明', 'Accessibility statement'), subtitle: bilingualTitle(s, 'title') }),
  },
})
