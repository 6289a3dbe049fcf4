import type { CustomValidator, SlugValidationContext } from '@sanity/types'
import { localeById, locales, type Locale } from '../locales.ts'
import { formatPath, type SanityPathSegment } from './paths.ts'
import { confirmationDate, translationState, type LocalizedValue, type TranslationState } from './provenance.ts'
import { hasText } from './text.ts'

/**
 * Every marker about a missing translation starts with this text, so the build can tell
 * missing translations (a warning unless STRICT_I18N=1) from other errors (always fatal).
 */
export const MISSING_TRANSLATION = 'Missing translation'

/** A language's name in Chinese, for the Chinese half of a message. */
const zhName = (locale: Locale) => (locale.id === 'en' ? '英文' : '中文')

/** The message for a missing translation, in English and Traditional Chinese (editors see both). */
export function missingTranslationMessage(locale: Locale): string {
  return `${MISSING_TRANSLATION}: add the ${locale.title} (${locale.tag}) text before publishing. 請補上${zhName(locale)}內容後再發布。`
}

/**
 * Every marker about a stale translation starts with this text, so the build can tell them
 * from other markers (a warning unless STRICT_I18N=1, never an error).
 */
export const STALE_TRANSLATION = 'Outdated translation'

/** The label of the Studio's action that records fresh provenance, quoted in messages. */
export const MARK_UP_TO_DATE = 'Mark as up to date · 標示為最新'

/** The message for a stale translation of `field`: what changed, and what to do, in both languages. */
export function staleTranslationMessage(state: TranslationState, field: string): string {
  const locale = localeById[state.locale]
  const source = localeById[state.sourceLocale]
  const confirmed = state.record?.confirmedAt ? confirmationDate(state.record.confirmedAt) : undefined
  const what = confirmed
    ? `the ${source.title} (${source.tag}) text of "${field}" changed after this ${locale.title} (${locale.tag}) translation was confirmed on ${confirmed}`
    : `this ${locale.title} (${locale.tag}) translation of "${field}" was never confirmed against the ${source.title} (${source.tag}) text`
  const zh = confirmed ? `${zhName(source)}原文在 ${confirmed} 確認譯文後已修改` : `${zhName(locale)}譯文尚未與${zhName(source)}原文確認`
  return (
    `${STALE_TRANSLATION}: ${what}. Compare it with the ${source.title}, update it if needed, then choose "${MARK_UP_TO_DATE}". ` +
    `${zh}：請對照原文檢查並更新${zhName(locale)}，再按「標示為最新」。`
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
export const REQUIRED_LOCALIZED =
  'Required: write this field in every language (繁體中文 and English). 必填：請以中英文填寫本欄位。'

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

/** URL schemes allowed anywhere in content: `javascript:` and `data:` are never valid. */
export const allowedUrlSchemes = ['http', 'https'] as const

/** Same as {@link allowedUrlSchemes}, plus mailto for links inside text. */
export const allowedLinkSchemes = ['http', 'https', 'mailto'] as const

/** The message for a URL with a scheme that is not allowed. */
export const URL_SCHEME_MESSAGE =
  'Use a full http:// or https:// address (javascript:, data: and relative URLs are not allowed). 請填寫 http:// 或 https:// 開頭的完整網址。'

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
export const SLUG_MESSAGE =
  'Use a lowercase English slug with hyphens, e.g. "green-and-renewable-energy". 網址代稱請用小寫英文與連字號。'

/**
 * Partial ISO dates: a year, a year and month, or a full date. The brief often gives only
 * a month ("2020 年 4 月"); storing what the source says avoids inventing a day.
 */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/

/** The message for a date that is not a partial ISO date. */
export const PARTIAL_DATE_MESSAGE =
  'Use YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source (e.g. 2020-04). 請依來源填寫 YYYY、YYYY-MM 或 YYYY-MM-DD。'
