import { defineField, defineType } from '@sanity/types'
import { CogIcon } from '@sanity/icons'
import { requiredLocalizedField } from '../lib/fields.ts'
import { allowedUrlSchemes, URL_SCHEME_MESSAGE } from '../lib/validation.ts'
import { bilingualTitle, selectLocalized } from '../lib/preview.ts'

/** The ways zh-TW pages can write dates (src/i18n/calendar.ts). */
export const dateCalendars = [
  { title: '民國 and Western, e.g. 民國 109 年 5 月 20 日（2020 年 5 月 20 日）', value: 'both' },
  { title: '民國 only, e.g. 民國 109 年 5 月 20 日', value: 'roc' },
  { title: 'Western only, e.g. 2020 年 5 月 20 日', value: 'gregorian' },
] as const

/** Site-wide settings. A singleton on the fixed id `siteSettings`. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    requiredLocalizedField('title', 'Site title', 'localeString'),
    requiredLocalizedField('description', 'Site description', 'localeText', 'Used in search results and link previews.'),
    requiredLocalizedField('publisher', 'Publisher', 'localeString', 'Who publishes this site.'),
    defineField({
      name: 'siteUrl',
      title: 'Site URL',
      type: 'url',
      description: 'The public address of the built site, e.g. https://example.org (canonical URLs, "Open on the site").',
      // Two rules, each with its own message (one chain shows its last message for every failure).
      // `skip()` leaves the first rule only its presence check (no second URL check with the wrong message).
      validation: (rule) => [
        rule.skip().required().error('Required: the site\'s public address. 必填：網站網址。'),
        rule.uri({ scheme: [...allowedUrlSchemes] }).error(URL_SCHEME_MESSAGE),
      ],
    }),
    defineField({
      name: 'contactEmail',
      title: 'Contact e-mail',
      type: 'email',
      validation: (rule) => rule.required().error('Required: an address readers can write to. 必填：聯絡信箱。'),
    }),
    defineField({
      name: 'dateCalendar',
      title: 'Dates on Chinese pages',
      type: 'string',
      description: 'How zh-TW pages write dates: the ROC year (民國 109 年), the Western year, or both. English pages always use the Western calendar. Empty means both.',
      options: { list: [...dateCalendars], layout: 'radio' },
      initialValue: 'both',
    }),
    defineField({
      name: 'licence',
      title: 'Reuse terms',
      type: 'localeString',
      description: 'How readers may reuse the figures and text, in both languages (e.g. a licence name). Printed with every download and citation.',
    }),
    defineField({
      name: 'licenceUrl',
      title: 'Reuse terms: URL',
      type: 'url',
      description: 'Where the terms are written out, when there is such a page; http(s) only.',
      validation: (rule) => rule.uri({ scheme: [...allowedUrlSchemes] }).error(URL_SCHEME_MESSAGE),
    }),
    defineField({
      name: 'socialImage',
      title: 'Default social image',
      type: 'image',
      description: 'Shown when a page is shared; 1200×630. The built-in image is used when empty.',
      fields: [
        defineField({ name: 'alt', title: 'Alternative text', type: 'localeString' }),
      ],
    }),
  ],
  preview: {
    select: selectLocalized('title'),
    prepare: (s: Record<string, unknown>) => ({ title: 'Site settings', subtitle: bilingualTitle(s, 'title') }),
  },
})
