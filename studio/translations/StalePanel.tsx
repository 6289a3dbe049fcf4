import { Button, Card, Flex, Stack, Text } from '@sanity/ui'
import { CheckmarkIcon } from '@sanity/icons'
import { localeById } from '../../schemas/locales'
import { confirmationDate, currentSourceText, snapshotText, type LocalizedValue, type TranslationState } from '../../schemas/lib/provenance'
import { label } from '../../schemas/lib/label'
import { MARK_UP_TO_DATE } from '../../schemas/lib/validation'
import { SourceDiff } from './SourceDiff'

interface Props {
  state: TranslationState
  value: LocalizedValue | undefined
  /** The translation was edited since the field was opened. */
  edited: boolean
  readOnly: boolean
  onMarkUpToDate: () => void
}

/**
 * A stale translation, under the field's languages: what changed in the source since the
 * translation was confirmed (a diff, character by character for Chinese, word by word for
 * English) and "Mark as up to date". Once the editor has changed the translation, it says so.
 */
export function StalePanel({ state, value, edited, readOnly, onMarkUpToDate }: Props) {
  const source = localeById[state.sourceLocale]
  const locale = localeById[state.locale]
  const confirmed = state.record ? confirmationDate(state.record.confirmedAt) : undefined
  const what = confirmed
    ? label(
        `${locale.zhTitle}：${source.zhTitle}原文在 ${confirmed} 確認${locale.zhTitle}譯文後已修改。`,
        `${locale.title}: the ${source.title} changed after this ${locale.title} was confirmed on ${confirmed}.`,
      )
    : label(`${locale.zhTitle}：${locale.zhTitle}譯文尚未與${source.zhTitle}原文確認。`, `${locale.title}: this ${locale.title} was never confirmed against the ${source.title}.`)
  const next = edited
    ? label('已修改譯文：若已與原文一致，請標示為最新。', `You edited the ${locale.title} since: if it now says what the ${source.title} says, mark it up to date.`)
    : label('請視需要更新譯文，再標示為最新。', `Update the ${locale.title} if needed, then mark it up to date.`)
  return (
    <Card tone="caution" padding={3} radius={2} border data-testid={`translation-stale-${state.locale}`} style={{ gridColumn: '1 / -1' }}>
      <Stack gap={3}>
        <Text size={1}>{what}</Text>
        {state.record && <SourceDiff before={snapshotText(state.record)} after={currentSourceText(value?.[state.sourceLocale])} locale={source} />}
        <Text size={1} muted>
          {next}
        </Text>
        <Flex>
          <Button
            data-testid={`mark-up-to-date-${state.locale}`}
            icon={CheckmarkIcon}
            tone="positive"
            mode="ghost"
            fontSize={1}
            padding={2}
            text={MARK_UP_TO_DATE}
            disabled={readOnly}
            onClick={onMarkUpToDate}
          />
        </Flex>
      </Stack>
    </Card>
  )
}
