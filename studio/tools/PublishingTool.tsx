import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { definePlugin, useClient, type Tool } from 'sanity'
import { IntentLink } from 'sanity/router'
import { Badge, Box, Button, Card, Container, Flex, Heading, Spinner, Stack, Text } from '@sanity/ui'
import { PublishIcon, RefreshIcon } from '@sanity/icons'
import { documentTypes, schemaTypes } from '../../schemas'
import { label } from '../../schemas/lib/label'
import { manifestStoreFor } from '../lib/manifestStore'
import { publishingRows, RECENT_LIMIT, type PublishedDocument, type PublishingRow } from '../lib/publishingRows'
import type { ManifestState } from '../lib/siteStatus'

/**
 * The Publishing tool: the most recent publishes with the same "is it live?" status as the
 * document badge, the pages of the site that show each one, and a link to open it. The list is
 * queried again every 30 s (the listener would hold a connection open for every document type
 * while the tool is open, for a list an editor glances at) and re-rendered whenever the shared
 * copy of build.json is read again.
 */

export const REQUERY_MS = 30_000

/** Published revisions only: drafts and release versions are not on the site. */
const RECENT_QUERY = `*[_type in $types && !(_id in path("drafts.**")) && !(_id in path("versions.**"))] | order(_updatedAt desc) [0...${RECENT_LIMIT}] {_id, _type, _rev, _updatedAt, title, name, label, term}`

const typeTitles: Record<string, string> = Object.fromEntries(schemaTypes.filter((t) => t.type === 'document').map((t) => [t.name, t.title ?? t.name]))

const noSite: ManifestState = { status: 'error', error: label('未設定 SANITY_STUDIO_SITE_URL', 'SANITY_STUDIO_SITE_URL is not set') }
const nothing = () => () => {}

/** The published documents, queried now and every REQUERY_MS, plus a way to ask again at once. */
function useRecentPublishes(): { documents?: PublishedDocument[]; error?: string; reload: () => void } {
  const client = useClient({ apiVersion: '2025-02-19' })
  const [documents, setDocuments] = useState<PublishedDocument[] | undefined>()
  const [error, setError] = useState<string | undefined>()
  const reload = useCallback(() => {
    client
      .withConfig({ perspective: 'published' })
      .fetch<PublishedDocument[]>(RECENT_QUERY, { types: documentTypes })
      .then(
        (result) => {
          setDocuments(result)
          setError(undefined)
        },
        (e: Error) => setError(e.message),
      )
  }, [client])
  useEffect(() => {
    reload()
    const timer = setInterval(reload, REQUERY_MS)
    return () => clearInterval(timer)
  }, [reload])
  return { documents, error, reload }
}

function Row({ row }: { row: PublishingRow }) {
  return (
    <Card padding={3} radius={2} border data-testid="publishing-row" data-document={row.id} data-status={row.status?.kind ?? 'loading'}>
      <Stack gap={3}>
        <Flex align="center" gap={3} wrap="wrap">
          <Box flex={1}>
            <Text size={1} weight="semibold">
              {row.title}
            </Text>
          </Box>
          {row.status ? (
            <Badge tone={row.tone} fontSize={0} title={row.status.title}>
              {row.status.label}
            </Badge>
          ) : (
            <Spinner muted />
          )}
        </Flex>
        <Text size={1} muted>
          {row.typeTitle} · <time dateTime={row.publishedAt}>{row.when}</time>
        </Text>
        <Flex gap={3} wrap="wrap">
          {row.pages.map((page) => (
            <Text key={page.path} size={1}>
              {page.url ? (
                <a href={page.url} target="_blank" rel="noopener" data-testid="publishing-page">
                  {page.path}
                </a>
              ) : (
                page.path
              )}
            </Text>
          ))}
          <Text size={1}>
            <IntentLink intent="edit" params={{ id: row.id, type: row.type }}>
              {label('開啟文件', 'Open the document')}
            </IntentLink>
          </Text>
        </Flex>
      </Stack>
    </Card>
  )
}

interface PublishingOptions {
  siteUrl: string | undefined
}

const getNoSite = () => noSite

/** The tool for a site URL (SANITY_STUDIO_SITE_URL); without one every status is unknown. */
function PublishingTool({ tool }: { tool: Tool<PublishingOptions> }) {
  const siteUrl = tool.options?.siteUrl
  const store = useMemo(() => (siteUrl ? manifestStoreFor(siteUrl) : undefined), [siteUrl])
  const { documents, error, reload } = useRecentPublishes()
  // A new state object on every read of build.json, so the rows (and "N minutes ago") follow it.
  const state = useSyncExternalStore(store?.subscribe ?? nothing, store?.getSnapshot ?? getNoSite)
  const rows = useMemo(() => (documents ? publishingRows(documents, state, Date.now(), { siteUrl, typeTitles }) : []), [documents, state, siteUrl])
  return (
    <Container width={3} padding={4} data-testid="publishing-tool">
      <Stack gap={4}>
        <Flex align="center" justify="space-between">
          <Heading as="h1" size={2}>
            {label('發布狀態', 'Publishing')}
          </Heading>
          <Button icon={RefreshIcon} mode="ghost" text={label('重新整理', 'Refresh')} onClick={reload} />
        </Flex>
        {error && (
          <Card tone="critical" padding={3} radius={2}>
            <Text size={1}>
              {label('無法載入文件', 'Could not load the documents')}: {error}
            </Text>
          </Card>
        )}
        {!documents && !error && <Spinner />}
        {documents && rows.length === 0 && <Text size={1}>{label('尚無已發布的文件', 'Nothing published yet')}</Text>}
        {rows.map((row) => (
          <Row key={row.id} row={row} />
        ))}
      </Stack>
    </Container>
  )
}

/** The Publishing tool as a plugin: recent publishes and whether each is live on the site. */
export const publishing = definePlugin<PublishingOptions>(({ siteUrl }) => {
  const tool: Tool<PublishingOptions> = { name: 'publishing', title: label('發布狀態', 'Publishing'), icon: PublishIcon, component: PublishingTool, options: { siteUrl } }
  return { name: 'six-core-publishing', tools: (prev) => [...prev, tool] }
})
