import { defineField } from '@sanity/types'
import { isSlugUniqueInType, PARTIAL_DATE_MESSAGE, PARTIAL_DATE_PATTERN, requiredLocalized, SLUG_MESSAGE, SLUG_PATTERN } from './validation.ts'
import { label } from './label.ts'

const SLUG_REQUIRED_MESSAGE = label('必填：網址代稱，例如「cybersecurity」。', 'Required: a slug, e.g. "cybersecurity".')

/** The English slug shared by both languages' URLs; unique within its type. */
export function slugField(source = 'title.en') {
  return defineField({
    name: 'slug',
    title: label('網址代稱（英文）', 'Slug (URL, English)'),
    type: 'slug',
    description: label('兩種語言共用：/zh-tw/…/slug/ 與 /en/…/slug/。', 'Shared by both languages: /zh-tw/…/slug/ and /en/…/slug/.'),
    options: { source, maxLength: 64, isUnique: isSlugUniqueInType },
    // The custom rule answers `{ message }`, not a string: a string would be replaced by the
    // rule's `.error(message)` ("Required: …") and editors would not see why the slug is wrong.
    validation: (rule) =>
      rule
        .required()
        .error(SLUG_REQUIRED_MESSAGE)
        .custom((value) => {
          const current = (value as { current?: string } | undefined)?.current
          if (!current || current.trim() === '') return true // reported once, by required() above
          return SLUG_PATTERN.test(current) ? true : { message: SLUG_MESSAGE }
        }),
  })
}

/**
 * Editorial order, kept by @sanity/orderable-document-list (a LexoRank string). The site
 * sorts by it explicitly; it is hidden because the Studio list is dragged, not typed.
 */
export function orderRankField() {
  return defineField({
    name: 'orderRank',
    title: label('排序', 'Order'),
    type: 'string',
    hidden: true,
    validation: (rule) => rule.required().error(label('必填：請在清單中拖曳排序。', 'Required: an order; drag the document into place in its list.')),
  })
}

const DATE_REQUIRED_MESSAGE = label(
  '必填：日期，依來源填寫 YYYY、YYYY-MM 或 YYYY-MM-DD（例如 2020-04）。',
  'Required: a date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source (e.g. 2020-04).',
)

/** A date as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD. `title` and `description` are `label()`s. */
export function partialDateField(name: string, title: string, description?: string) {
  return defineField({
    name,
    title,
    type: 'string',
    description: description ?? label('YYYY、YYYY-MM 或 YYYY-MM-DD：與來源一樣精確。', 'YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source.'),
    validation: (rule) =>
      rule
        .required()
        .error(DATE_REQUIRED_MESSAGE)
        // `{ message }` so the format message is not replaced by the "Required" one above.
        .custom((value) => (typeof value !== 'string' || PARTIAL_DATE_PATTERN.test(value) ? true : { message: PARTIAL_DATE_MESSAGE })),
  })
}

/** A localized field that must be written in every language. `title` and `description` are `label()`s. */
export function requiredLocalizedField(name: string, title: string, type: 'localeString' | 'localeText' | 'localePortableText', description?: string) {
  return defineField({
    name,
    title,
    type,
    description,
    validation: (rule) => rule.custom(requiredLocalized),
  })
}
