import type { CustomValidator, SlugValidationContext } from '@sanity/types'
import { localeById, locales, type Locale } from '../locales.ts'
import { formatPath, type SanityPathSegment } from './paths.ts'
import { confirmationDate, translationState, type LocalizedValue, type TranslationState } from './provenance.ts'
import { label } from './label.ts'
import { hasText } from './text.ts'

/**
 * Every marker about a missing translation starts with this text, so the build can tell
 * missing translations (a warning unless STRICT_I18N=1) from other errors (always fatal).
 * Messages are Chinese first (schemas/lib/label.ts), so the marker starts with the Chinese.
 */
export const MISSING_TRANSLATION = '缺少譯文'

/** The message for a missing translation, in Traditional Chinese and English (editors see both). */
export function missingTranslationMessage(locale: Locale): string {
  return label(`${MISSING_TRANSLATION}：請補上${locale.zhTitle}內容後再發布。`, `Missing translation: add the ${locale.title} (${locale.tag}) text before publishing.`)
}

/**
 * Every marker about a stale translation starts with this text, so the build can tell them
 * from other markers (a warning unless STRICT_I18N=1, never an error).
 */
export const STALE_TRANSLATION = '譯文待更新'

const MARK_UP_TO_DATE_ZH = '標示為最新'
const MARK_UP_TO_DATE_EN = 'Mark as up to date'

/** The label of the Studio's button that records fresh provenance; each half of a message quotes its own language. */
export const MARK_UP_TO_DATE = label(MARK_UP_TO_DATE_ZH, MARK_UP_TO_DATE_EN)

/** The message for a stale translation of `field`: what changed, and what to do, in both languages. */
export function staleTranslationMessage(state: TranslationState, field: string): string {
  const locale = localeById[state.locale]
  const source = localeById[state.sourceLocale]
  const confirmed = state.record?.confirmedAt ? confirmationDate(state.record.confirmedAt) : undefined
  const what = confirmed
    ? `the ${source.title} (${source.tag}) text of "${field}" changed after this ${locale.title} (${locale.tag}) translation was confirmed on ${confirmed}`
    : `this ${locale.title} (${locale.tag}) translation of "${field}" was never confirmed against the ${source.title} (${source.tag}) text`
  const zh = confirmed
    ? `「${field}」的${source.zhTitle}原文在 ${confirmed} 確認${locale.zhTitle}譯文後已修改`
    : `「${field}」的${locale.zhTitle}譯文尚未與${source.zhTitle}原文確認`
  return label(
    `${STALE_TRANSLATION}：${zh}。請對照原文，視需要更新${locale.zhTitle}譯文，再按「${MARK_UP_TO_DATE_ZH}」。`,
    `Outdated translation: ${what}. Compare it with the ${source.title}, update it if needed, then choose "${MARK_UP_TO_DATE_EN}".`,
  )
}

/**
 * Validation for one language inside a localized object: a warning when it is a translation
 * whose source changed since it was confirmed (or that was never confirmed). Publishing
 * stays possible.
 */
export function staleTranslationRule(locale: Locale): CustomValidator<unknown> {
  return (_value, context) => {
    const state = translationState(context.parent as LocalizedValue | undefined, locale.id)
    if (state?.status !== 'stale') return true
    const path = (context.path ?? []) as SanityPathSegment[]
    return staleTranslationMessage(state, formatPath(path.slice(0, -1), context.document))
  }
}

/** The message for a required localized field that is empty in every language. */
export const REQUIRED_LOCALIZED = label('必填：請以中英文填寫本欄位。', 'Required: write this field in every language (繁體中文 and English).')

/**
 * Validation for the whole localized object: required fields must have text in at least one
 * language (the per-language rule in the object type then asks for the others).
 */
export const requiredLocalized: CustomValidator<Record<string, unknown> | undefined> = (value) => {
  if (value && locales.some((l) => hasText(value[l.id]))) return true
  return REQUIRED_LOCALIZED
}

/**
 * Validation for one language inside a localized object: once any language has text,
 * every language needs it. An empty optional field stays valid.
 */
export function translationRule(locale: Locale): CustomValidator<unknown> {
  return (value, context) => {
    const parent = context.parent as Record<string, unknown> | undefined
    const anyFilled = locales.some((l) => hasText(parent?.[l.id]))
    if (anyFilled && !hasText(value)) return missingTranslationMessage(locale)
    return true
  }
}

/**
 * Control characters other than tab, line feed and carriage return: invisible in the Studio
 * (usually pasted from another program), not allowed in XML 1.0 (C0), a parse error in HTML
 * (C1, DEL). Texts with one would make the Atom feeds unreadable and the pages invalid.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** The texts of a value: a string, or the spans of Portable Text blocks. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return []
  return value.flatMap((block) => {
    const children = (block as { children?: unknown } | null)?.children
    return Array.isArray(children) ? children.map((c) => (c as { text?: unknown } | null)?.text).filter((t): t is string => typeof t === 'string') : []
  })
}

/** A text (string or Portable Text) without control characters other than tab and line breaks. */
export const noControlCharacters: CustomValidator<unknown> = (value) => {
  for (const text of textsOf(value)) {
    const found = CONTROL_CHARACTER.exec(text)
    if (!found) continue
    const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    const before = text.slice(Math.max(0, found.index - 20), found.index)
    return `請刪除「${before}」之後不可見的控制字元 ${code}（重新輸入該處文字）。 · Remove the invisible control character ${code} after "${before}" (retype the text around it).`
  }
  return true
}

/** URL schemes allowed anywhere in content: `javascript:` and `data:` are never valid. */
export const allowedUrlSchemes = ['http', 'https'] as const

/** Same as {@link allowedUrlSchemes}, plus mailto for links inside text. */
export const allowedLinkSchemes = ['http', 'https', 'mailto'] as const

/** The message for a URL with a scheme that is not allowed. */
export const URL_SCHEME_MESSAGE = label(
  '請填寫 http:// 或 https:// 開頭的完整網址（不接受 javascript:、data: 與相對網址）。',
  'Use a full http:// or https:// address (javascript:, data: and relative URLs are not allowed).',
)

/**
 * Slug uniqueness within the document's type, checked with one GROQ query through the
 * client the context provides. In the Studio that is the real client; in offline validation
 * it is a client whose `fetch` runs the query with groq-js over the local dataset, so the
 * check never needs the network.
 */
export async function isSlugUniqueInType(slug: string, context: SlugValidationContext): Promise<boolean> {
  const { document, getClient } = context
  if (!document) return true
  const id = document._id.replace(/^drafts\./, '')
  const client = getClient({ apiVersion: '2025-02-19' })
  const query = 'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])'
  const count = await client.fetch<number>(query, {
    type: document._type,
    slug,
    draft: `drafts.${id}`,
    published: id,
  })
  return count === 0
}

/** Lowercase, hyphenated English slugs, shared by both languages' URLs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The message for a slug that is not lowercase and hyphenated. */
export const SLUG_MESSAGE = label(
  '網址代稱請用小寫英文字母、數字與連字號，例如「green-and-renewable-energy」。',
  'Use a lowercase English slug with hyphens, e.g. "green-and-renewable-energy".',
)

/**
 * Partial ISO dates: a year, a year and month, or a full date. The brief often gives only
 * a month ("2020 年 4 月"); storing what the source says avoids inventing a day.
 */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/

/** The message for a date that is not a partial ISO date. */
export const PARTIAL_DATE_MESSAGE = label(
  '請依來源的精確程度填寫 YYYY、YYYY-MM 或 YYYY-MM-DD（例如 2020-04）。',
  'Use YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source (e.g. 2020-04).',
)

/** The message for a source without an address. */
export const SOURCE_URL_REQUIRED_MESSAGE = label('必填：來源的網址（https:// 開頭）。', 'Required: the address of the source (starting with https://).')

/** The message for a source address that is not a full https:// URL. */
export const HTTPS_URL_MESSAGE = label(
  '請填寫 https:// 開頭的完整網址（不接受 http:、javascript:、data: 與相對網址）。',
  'Use a full https:// address (http:, javascript:, data: and relative URLs are not allowed).',
)

/**
 * A source's address: required, and a full https:// URL, so every development links to a
 * page readers can open safely. `{ message }` keeps each message (a chained `.error()` would
 * replace both with one).
 */
export const httpsSourceUrl: CustomValidator<unknown> = (value) => {
  if (typeof value !== 'string' || value.trim() === '') return { message: SOURCE_URL_REQUIRED_MESSAGE }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { message: HTTPS_URL_MESSAGE }
  }
  return url.protocol === 'https:' && url.hostname !== '' ? true : { message: HTTPS_URL_MESSAGE }
}
