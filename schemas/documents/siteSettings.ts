import { defineField, defineType } from '@sanity/types'
import { CogIcon } from '@sanity/icons'
import { requiredLocalizedField } from '../lib/fields.ts'
import { allowedUrlSchemes, URL_SCHEME_MESSAGE } from '../lib/validation.ts'
import { bilingualTitle, selectLocalized } from '../lib/preview.ts'
import { label } from '../lib/label.ts'
import { DEFAULT_LICENCE, licences } from '../licences.ts'

/** The licences an editor can pick, titled Chinese first (schemas/licences.ts has their texts' addresses). */
export const licenceOptions = Object.values(licences).map((l) => ({ title: label(l.name.zhTW, l.name.en), value: l.id }))
const LICENCE_MESSAGE = label('請從清單中選擇授權條款。', 'Pick a licence from the list.')

/** The ways zh-TW pages can write dates (schemas/i18n/calendar.ts). */
export const dateCalendars = [
  { title: label('民國與西元並列，例如「民國 109 年 5 月 20 日（2020 年 5 月 20 日）」', 'ROC and Western years'), value: 'both' },
  { title: label('僅民國，例如「民國 109 年 5 月 20 日」', 'ROC year only'), value: 'roc' },
  { title: label('僅西元，例如「2020 年 5 月 20 日」', 'Western year only'), value: 'gregorian' },
] as const

/** Site-wide settings. A singleton on the fixed id `siteSettings`. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: label('網站設定', 'Site settings'),
  type: 'document',
  icon: CogIcon,
  fields: [
    requiredLocalizedField('title', label('網站名稱', 'Site title'), 'localeString'),
    requiredLocalizedField('description', label('網站說明', 'Site description'), 'localeText', label('用於搜尋結果與連結預覽。', 'Used in search results and link previews.')),
    requiredLocalizedField('publisher', label('發行者', 'Publisher'), 'localeString', label('發行本網站的單位。', 'Who publishes this site.')),
    defineField({
      name: 'siteUrl',
      title: label('網站網址', 'Site URL'),
      type: 'url',
      description: label(
        '網站對外公開的網址，例如 https://example.org（用於標準網址與「在網站上開啟」）。',
        'The public address of the built site, e.g. https://example.org (canonical URLs, "Open on the site").',
      ),
      // Two rules, each with its own message (one chain shows its last message for every failure).
      // `skip()` leaves the first rule only its presence check (no second URL check with the wrong message).
      validation: (rule) => [
        rule.skip().required().error(label('必填：網站對外公開的網址。', "Required: the site's public address.")),
        rule.uri({ scheme: [...allowedUrlSchemes] }).error(URL_SCHEME_MESSAGE),
      ],
    }),
    defineField({
      name: 'contactEmail',
      title: label('聯絡信箱', 'Contact e-mail'),
      type: 'email',
      validation: (rule) => rule.required().error(label('必填：讀者可以來信的聯絡信箱。', 'Required: an address readers can write to.')),
    }),
    defineField({
      name: 'dateCalendar',
      title: label('中文頁面的日期', 'Dates on Chinese pages'),
      type: 'string',
      description: label(
        '中文頁面如何寫日期：民國年、西元年，或兩者並列。英文頁面一律用西元。未填即兩者並列。',
        'How zh-TW pages write dates: the ROC year, the Western year, or both. English pages always use the Western calendar. Empty means both.',
      ),
      options: { list: [...dateCalendars], layout: 'radio' },
      initialValue: 'both',
    }),
    defineField({
      name: 'licence',
      title: label('授權條款', 'Licence'),
      type: 'string',
      description: label(
        '數據與文字以哪一種授權條款開放再利用。會印在頁尾、每個下載檔、引用格式與訂閱中。未選即「政府資料開放授權條款－第1版」。',
        'The licence the figures and text are published under. Printed in the footer, every download, the citations and the feeds. Empty means the Open Government Data License, version 1.0.',
      ),
      options: { list: [...licenceOptions], layout: 'radio' },
      initialValue: DEFAULT_LICENCE,
      validation: (rule) => rule.custom((value) => (value === undefined || value in licences ? true : LICENCE_MESSAGE)),
    }),
    defineField({
      name: 'socialImage',
      title: label('預設分享圖片', 'Default social image'),
      type: 'image',
      description: label('分享頁面時顯示，尺寸 1200×630。未設定時使用內建圖片。', 'Shown when a page is shared; 1200×630. The built-in image is used when empty.'),
      fields: [defineField({ name: 'alt', title: label('替代文字', 'Alternative text'), type: 'localeString' })],
    }),
  ],
  // One document on a fixed id: no list to sort (without this, Sanity offers sorts titled in English).
  orderings: [],
  preview: {
    select: selectLocalized('title'),
    prepare: (s: Record<string, unknown>) => ({ title: label('網站設定', 'Site settings'), subtitle: bilingualTitle(s, 'title') }),
  },
})
