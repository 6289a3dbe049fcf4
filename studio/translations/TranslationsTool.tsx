import { useCallback, useEffect, useMemo, useState } from 'react'
import { useClient, type Tool } from 'sanity'
import { IntentLink } from 'sanity/router'
import { Badge, Box, Button, Card, Container, Flex, Heading, Spinner, Stack, Text } from '@sanity/ui'
import { RefreshIcon, TranslateIcon } from '@sanity/icons'
import { documentTypes } from '../../schemas'
import { localeById, locales } from '../../schemas/locales'
import { documentTitle } from '../lib/documentTitle'
import { translationProblems, type StudioDocument, type TranslationProblem } from './problems'

const STATUS = {
  stale: { tone: 'caution', label: 'Outdated · 待更新' },
  missing: { tone: 'critical', label: 'Missing · 尚未翻譯' },
} as const

function Counts({ problems }: { problems: readonly TranslationProblem[] }) {
  return (
    <Flex gap={3} wrap="wrap" data-testid="translations-counts">
      {locales.map((l) => {
        const stale = problems.filter((p) => p.locale === l.id && p.status === 'stale').length
        const missing = problems.filter((p) => p.locale === l.id && p.status === 'missing').length
        return (
          <Card key={l.id} padding={3} radius={2} border data-locale={l.id} data-stale={stale} data-missing={missing}>
            <Stack gap={2}>
              <Text size={1} weight="semibold">
                {l.label} ({l.tag})
              </Text>
              <Text size={1} muted>
                {stale} outdated · {missing} missing　{stale} 待更新 · {missing} 尚未翻譯
              </Text>
            </Stack>
          </Card>
        )
      })}
    </Flex>
  )
}

/**
 * The Translations tool: every stale and missing translation across the dataset (drafts as
 * editors see them), grouped by document, with counts per language and a link that opens
 * the document at the field.
 */
function TranslationsTool() {
  const client = useClient({ apiVersion: '2025-02-19' })
  const [documents, setDocuments] = useState<StudioDocument[] | undefined>()
  const [error, setError] = useState<string | undefined>()
  const load = useCallback(() => {
    setError(undefined)
    client
      .withConfig({ perspective: 'drafts' })
      .fetch<StudioDocument[]>('*[_type in $types]', { types: documentTypes })
      .then(setDocuments, (e: Error) => setError(e.message))
  }, [client])
  useEffect(load, [load])

  const problems = useMemo(() => translationProblems(documents ?? []), [documents])
  const byDocument = useMemo(() => {
    const groups = new Map<string, TranslationProblem[]>()
    for (const p of problems) groups.set(p.documentId, [...(groups.get(p.documentId) ?? []), p])
    return [...groups]
  }, [problems])

  return (
    <Container width={3} padding={4} data-testid="translations-tool">
      <Stack gap={4}>
        <Flex align="center" justify="space-between">
          <Heading as="h1" size={2}>
            Translations · 翻譯狀態
          </Heading>
          <Button icon={RefreshIcon} mode="ghost" text="Refresh · 重新整理" onClick={load} />
        </Flex>
        {error && (
          <Card tone="critical" padding={3} radius={2}>
            <Text size={1}>Could not load the documents · 無法載入文件: {error}</Text>
          </Card>
        )}
        {!documents && !error && <Spinner />}
        {documents && <Counts problems={problems} />}
        {documents && problems.length === 0 && (
          <Text size={1} data-testid="translations-none">
            Every translation is up to date · 所有譯文皆為最新
          </Text>
        )}
        {byDocument.map(([id, list]) => (
          <Card key={id} padding={3} radius={2} border data-testid="translations-document" data-document={id}>
            <Stack gap={3}>
              <Stack gap={2}>
                <Text size={1} weight="semibold">
                  {documentTitle(documents?.find((d) => d._id === id) ?? { _id: id })}
                </Text>
                <Text size={0} muted>
                  {list[0]!.documentType} · {id} · {list.length}
                </Text>
              </Stack>
              {list.map((p) => (
                <Flex key={`${p.path}`} align="center" gap={3} data-testid="translations-row" data-path={p.path} data-status={p.status}>
                  <Badge tone={STATUS[p.status].tone} fontSize={0}>
                    {STATUS[p.status].label}
                  </Badge>
                  <Box flex={1}>
                    <Text size={1}>
                      {p.field} · {localeById[p.locale].label}
                    </Text>
                  </Box>
                  <Text size={1}>
                    <IntentLink intent="edit" params={{ id: p.documentId, type: p.documentType, path: p.path }}>
                      Open the field · 開啟欄位
                    </IntentLink>
                  </Text>
                </Flex>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Container>
  )
}

/** The tool as the Studio's config takes it. */
export const translationsTool: Tool = {
  name: 'translations',
  title: 'Translations',
  icon: TranslateIcon,
  component: TranslationsTool,
}
