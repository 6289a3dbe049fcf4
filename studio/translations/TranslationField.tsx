import { useContext } from 'react'
import type { FieldProps } from 'sanity'
import { Badge, Stack } from '@sanity/ui'
import { locales } from '../../schemas/locales'
import { confirmationDate, translationState } from '../../schemas/lib/provenance'
import { LocalizedFieldContext } from './context'

const BADGES = {
  current: { tone: 'positive', label: 'Up to date · 已是最新' },
  stale: { tone: 'caution', label: 'Outdated · 待更新' },
  missing: { tone: 'critical', label: 'Missing · 尚未翻譯' },
} as const

/** Whether `path` is `parent` plus one segment. */
const isChildOf = (path: readonly unknown[], parent: readonly unknown[]) => path.length === parent.length + 1 && JSON.stringify(path.slice(0, -1)) === JSON.stringify(parent)

/**
 * The field of one language inside a localized object: the default field and, under it, the
 * translation's status beside the other languages' (up to date, outdated, missing; "original"
 * for the language it is translated from). One line each, so the columns' inputs stay level;
 * what changed and "Mark as up to date" come under the columns (StalePanel).
 */
export function TranslationField(props: FieldProps) {
  const context = useContext(LocalizedFieldContext)
  const locale = locales.find((l) => l.id === props.name)
  if (!context || !locale || !isChildOf(props.path, context.path)) return props.renderDefault(props)
  const state = translationState(context.value, locale.id)
  const badge = state ? BADGES[state.status] : undefined
  const confirmed = state?.record ? `Confirmed ${confirmationDate(state.record.confirmedAt)} · 確認於 ${confirmationDate(state.record.confirmedAt)}` : undefined
  return (
    <Stack gap={2}>
      {props.renderDefault(props)}
      <div data-testid={`translation-status-${locale.id}`} data-status={state?.status ?? 'source'}>
        {badge ? (
          <Badge tone={badge.tone} fontSize={0} title={confirmed}>
            {badge.label}
          </Badge>
        ) : (
          context.value && <Badge fontSize={0}>Original · 原文</Badge>
        )}
      </div>
    </Stack>
  )
}
