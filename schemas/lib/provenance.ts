/**
 * Translation provenance: which version of its source a translation was made from.
 *
 * Beside its texts, a localized value (`{zhTW, en}`) may carry:
 * - `sourceLocale`: the language the field was written in first, when it is not the default
 *   (`sourceLocale` in schemas/locales.ts): an explicit choice in the Studio;
 * - `provenance`: per translated language, the source it was last confirmed against: the
 *   sha256 of the normalized source text, when that was confirmed, and a snapshot of that
 *   text (per block, by `_key`, for Portable Text), so editors can see what changed.
 *
 * A translation is then current (the source still hashes the same), stale (the source
 * changed since, or it was never confirmed) or missing (no text while another language has
 * some). Normalized text is Portable Text as plain text (marks, links and styles do not
 * count), Unicode NFC, every run of whitespace one space, trimmed: a formatting or
 * whitespace edit leaves the hash as it was; a changed character does not.
 *
 * Pure and synchronous, so the Studio (in the browser) and validation and the build (in
 * Node) compute the same thing: sha256 comes from @noble/hashes, which runs in both.
 */
// The encoding Sanity's stegaClean wraps, without loading the Sanity client.
import { vercelStegaClean as stegaClean } from '@vercel/stega'
import { toPlainText } from '@portabletext/toolkit'
import type { PortableTextBlock } from '@portabletext/types'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { locales, sourceLocale, type LocaleId } from '../locales.ts'
import { hasText } from './text.ts'

/**
 * The calendar day of a confirmation in Taiwan (`YYYY-MM-DD`), where the editors work: the
 * date messages and pages show, so the Studio, the build and the site name the same day.
 */
export function confirmationDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant))
}

/** The field of a localized object that holds the provenance records, by language. */
export const PROVENANCE_FIELD = 'provenance'
/** The field of a localized object that names its source language when it is not the default. */
export const SOURCE_LOCALE_FIELD = 'sourceLocale'

/** The text of one Portable Text block at the time a translation was confirmed. */
export interface SourceBlockSnapshot {
  _key: string
  _type?: 'translationSourceBlock'
  text: string
}

/** What a translation was confirmed against. */
export interface TranslationRecord {
  _type?: 'translationSource'
  /** sha256 (hex) of the normalized source text. */
  sourceHash: string
  /** When an editor (or the migration) confirmed the translation, as an ISO date-time. */
  confirmedAt: string
  /** The normalized source text (strings and plain text). */
  sourceSnapshot?: string
  /** The normalized text of each source block (Portable Text). */
  sourceBlocks?: SourceBlockSnapshot[]
}

/** A localized value as stored: one text per language, plus its source language and provenance. */
export type LocalizedValue = { [id in LocaleId]?: unknown } & {
  _type?: string
  sourceLocale?: string
  provenance?: { [id in LocaleId]?: TranslationRecord | null } & { _type?: string }
}

/**
 * Every run of whitespace one space, Unicode NFC, trimmed; without the invisible edit marks
 * (stega) the preview server's draft content carries, so a source text hashes the same in a
 * draft preview as where it was confirmed.
 */
export function normalizeText(text: string): string {
  return stegaClean(text).normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/** The plain text of a string or of Portable Text (@portabletext/toolkit's `toPlainText`). */
export function plainTextOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return toPlainText(value as PortableTextBlock[])
  return ''
}

/** The normalized text of a localized field's value in one language. */
export const normalizedTextOf = (value: unknown): string => normalizeText(plainTextOf(value))

/** sha256 of a text (UTF-8), as hex. */
export function textHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** The hash a translation records of its source value. */
export const sourceHashOf = (value: unknown): string => textHash(normalizedTextOf(value))

/** The blocks of Portable Text that have a key, with their normalized text. */
export function blockTexts(value: unknown): SourceBlockSnapshot[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((block: { _key?: unknown }) =>
    typeof block?._key === 'string' ? [{ _key: block._key, _type: 'translationSourceBlock' as const, text: normalizedTextOf([block]) }] : [],
  )
}

/** A fresh record: the translation is confirmed against `source` (a string or Portable Text) at `confirmedAt`. */
export function provenanceRecord(source: unknown, confirmedAt: string): TranslationRecord {
  const record: TranslationRecord = { _type: 'translationSource', confirmedAt, sourceHash: sourceHashOf(source) }
  if (Array.isArray(source)) record.sourceBlocks = blockTexts(source)
  else record.sourceSnapshot = normalizedTextOf(source)
  return record
}

/** The language a field is translated from: its own `sourceLocale` if it names a known one, else the default. */
export function fieldSourceLocale(field: LocalizedValue | null | undefined): LocaleId {
  const own = field?.sourceLocale
  return locales.find((l) => l.id === own)?.id ?? sourceLocale.id
}

export type TranslationStatus = 'current' | 'stale' | 'missing'

/** One language of a localized field that needs an editor's attention, or that is fine. */
export interface TranslationState {
  locale: LocaleId
  status: TranslationStatus
  /** The language it is translated from (for a missing source: that language itself). */
  sourceLocale: LocaleId
  /** The record on file, for translations that have one. */
  record?: TranslationRecord
}

/**
 * The state of every language of a field that is missing or translated, in the order of
 * schemas/locales.ts: missing (no text while another language has some), current, or stale
 * (the source changed since the translation was confirmed, or it never was). The source
 * language itself appears only when it is missing. An empty field has no states.
 */
export function translationStates(field: LocalizedValue | null | undefined): TranslationState[] {
  if (!field || !locales.some((l) => hasText(field[l.id]))) return []
  const source = fieldSourceLocale(field)
  const hasSource = hasText(field[source])
  let hash: string | undefined
  const states: TranslationState[] = []
  for (const { id } of locales) {
    if (!hasText(field[id])) states.push({ locale: id, status: 'missing', sourceLocale: source })
    else if (id !== source && hasSource) {
      const record = field.provenance?.[id] ?? undefined
      hash ??= sourceHashOf(field[source])
      states.push({ locale: id, status: record?.sourceHash === hash ? 'current' : 'stale', sourceLocale: source, ...(record ? { record } : {}) })
    }
  }
  return states
}

/** The state of one language of a field (see {@link translationStates}); undefined when there is nothing to say. */
export function translationState(field: LocalizedValue | null | undefined, locale: LocaleId): TranslationState | undefined {
  return translationStates(field).find((state) => state.locale === locale)
}

/**
 * For Portable Text: the keys of the source's blocks that are new or whose text changed since
 * `record` was made (every block when the record has no block snapshot).
 */
export function changedSourceBlocks(source: unknown, record: TranslationRecord | undefined): Set<string> {
  const before = new Map((record?.sourceBlocks ?? []).map((block) => [block._key, block.text]))
  return new Set(
    blockTexts(source)
      .filter((block) => before.get(block._key) !== block.text)
      .map((block) => block._key),
  )
}

/** The source text as a record saw it, one line per block for Portable Text (for a diff). */
export function snapshotText(record: TranslationRecord | undefined): string {
  if (!record) return ''
  return record.sourceBlocks ? record.sourceBlocks.map((block) => block.text).join('\n') : (record.sourceSnapshot ?? '')
}

/** The source text as it is now, in the shape of {@link snapshotText}. */
export function currentSourceText(source: unknown): string {
  return Array.isArray(source)
    ? blockTexts(source)
        .map((block) => block.text)
        .join('\n')
    : normalizedTextOf(source)
}
