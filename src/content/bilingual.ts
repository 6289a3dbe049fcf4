/**
 * The side-by-side view of a page in every language: rows of cells, one cell per language (in
 * the order of schemas/locales.ts), each holding that language's own text or saying it is
 * missing (a fallback is not shown as the other language's text). Portable Text is aligned
 * block by block by `_key`, not by position, so a block added on one side shows as missing on
 * the other instead of shifting every row after it. A row whose translation is stale says so.
 */
import type { PortableTextBlock } from '@portabletext/types'
import { locales, type LocaleId } from '../../schemas/locales.ts'
import { byLocale } from './by-locale.ts'
import type { Localized, StaleTranslation } from './localize.ts'

/** One language's side of a row. */
export interface BilingualCell {
  locale: LocaleId
  /** The text, or undefined when this language has none. */
  text?: string
  /** For Portable Text: the one block of this row, or undefined when this language lacks it. */
  block?: PortableTextBlock
}

/** One row: the same text in every language. */
export interface BilingualRow {
  /** Unique within the page: the field (and the block's `_key`). */
  key: string
  cells: BilingualCell[]
  /** The row's translation is stale (for Portable Text: and this block of the source changed). */
  stale?: StaleTranslation & { locale: LocaleId }
}

/** A field as each language's view has it (the view of locale X holds X's text, or a fallback). */
export type PerLocale<T> = Partial<Record<LocaleId, Localized<T> | undefined>>

/** The language's own value, never a fallback. */
const own = <T>(values: PerLocale<T>, id: LocaleId): T | undefined => {
  const value = values[id]
  return value && !value.fallback ? value.value : undefined
}

/** The stale translation among the languages of a field, if one is. */
function staleOf<T>(values: PerLocale<T>): (StaleTranslation & { locale: LocaleId }) | undefined {
  for (const { id } of locales) {
    const stale = values[id]?.stale
    if (stale && !values[id]!.fallback) return { ...stale, locale: id }
  }
  return undefined
}

/** The row of a plain text field. */
export function textRow(key: string, values: PerLocale<string>): BilingualRow {
  const stale = staleOf(values)
  return { key, cells: locales.map(({ id }) => ({ locale: id, text: own(values, id) })), ...(stale ? { stale } : {}) }
}

type KeyedBlock = PortableTextBlock & { _key?: string }

/**
 * The `_key`s of every language's blocks in one order: the first language's order, each key
 * only another language has placed right after the key that precedes it there.
 */
export function alignedKeys(lists: readonly (readonly KeyedBlock[])[]): string[] {
  const order: string[] = []
  for (const list of lists) {
    let at = 0
    for (const block of list) {
      const key = block._key
      if (!key) continue
      const found = order.indexOf(key)
      if (found >= 0) at = found + 1
      else order.splice(at++, 0, key)
    }
  }
  return order
}

/** The rows of a Portable Text field, one per block, aligned by `_key`. */
export function blockRows(key: string, values: PerLocale<PortableTextBlock[]>): BilingualRow[] {
  const lists = locales.map(({ id }) => (own(values, id) ?? []) as KeyedBlock[])
  const stale = staleOf(values)
  const changed = new Set(stale?.changedBlocks ?? [])
  return alignedKeys(lists).map((blockKey) => ({
    key: `${key}-${blockKey}`,
    cells: locales.map(({ id }, i) => ({ locale: id, block: lists[i]!.find((b) => b._key === blockKey) })),
    ...(stale && changed.has(blockKey) ? { stale } : {}),
  }))
}

// Pages still import it from here; they can import it from ./by-locale.ts instead.

/** One field picked from every language's view of the same thing (an industry, the policy). */
export function perLocale<T, V>(items: Partial<Record<LocaleId, T | undefined>>, pick: (item: T) => Localized<V> | undefined): PerLocale<V> {
  return byLocale((id) => (items[id] === undefined ? undefined : pick(items[id] as T)))
}

/** A titled point (`{key, title, description}`) in every language. */
interface PointLike {
  key: string
  title: Localized<string>
  description: Localized<string>
}

/** Two rows per point, its title and its description, points matched by `_key` across the languages. */
export function pointRows(prefix: string, lists: Partial<Record<LocaleId, readonly PointLike[]>>): { title: BilingualRow; description: BilingualRow }[] {
  const keys = alignedKeys(locales.map(({ id }) => (lists[id] ?? []).map((p) => ({ _key: p.key }) as KeyedBlock)))
  return keys.map((key) => {
    const points = byLocale((id) => lists[id]?.find((p) => p.key === key))
    return {
      title: textRow(
        `${prefix}-${key}-title`,
        perLocale(points, (p) => p.title),
      ),
      description: textRow(
        `${prefix}-${key}-description`,
        perLocale(points, (p) => p.description),
      ),
    }
  })
}
