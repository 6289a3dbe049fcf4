// biome-ignore-all lint/suspicious/noArrayIndexKey: a diff's parts have no identity but their place, and the list is rebuilt whole on every change
import { diffChars, diffWords, type ChangeObject } from 'diff'
import { Box, Text } from '@sanity/ui'
import type { Locale } from '../../schemas/locales'

/** Unchanged text longer than this is shortened to its ends, so a long body shows its changes, not all of itself. */
const CONTEXT = 40

/** The changes from `before` to `after`: character by character for Chinese, word by word for English (jsdiff). */
export function sourceChanges(before: string, after: string, locale: Locale): ChangeObject<string>[] {
  return locale.diffUnit === 'character' ? diffChars(before, after) : diffWords(before, after)
}

/** An unchanged stretch shortened to the text next to the changes around it. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT * 2) return text
  if (first) return `…${text.slice(-CONTEXT)}`
  if (last) return `${text.slice(0, CONTEXT)}…`
  return `${text.slice(0, CONTEXT)} … ${text.slice(-CONTEXT)}`
}

const removed = { background: 'var(--card-badge-critical-bg-color, #fde2e2)', color: 'var(--card-badge-critical-fg-color, #8a1c1c)', textDecoration: 'line-through' }
const added = { background: 'var(--card-badge-positive-bg-color, #dcf5e3)', color: 'var(--card-badge-positive-fg-color, #135c2b)', textDecoration: 'none' }

/** What changed in the source since a translation was confirmed, as a readable diff. */
export function SourceDiff({ before, after, locale }: { before: string; after: string; locale: Locale }) {
  const changes = sourceChanges(before, after, locale)
  return (
    <Box data-testid="translation-diff" lang={locale.htmlLang}>
      <Text size={1} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}>
        {changes.map((change, i) =>
          change.removed ? (
            <del key={i} style={removed} data-change="removed">
              {change.value}
            </del>
          ) : change.added ? (
            <ins key={i} style={added} data-change="added">
              {change.value}
            </ins>
          ) : (
            <span key={i}>{shorten(change.value, i === 0, i === changes.length - 1)}</span>
          ),
        )}
      </Text>
    </Box>
  )
}
