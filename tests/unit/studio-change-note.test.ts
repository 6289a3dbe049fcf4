/**
 * "Publish with change note": the update it creates, through a real @sanity/client against
 * the fake Sanity API on 127.0.0.1 (Sanity's wire format): stored with the date, both
 * languages, the document it concerns and major or minor; nothing is sent while a language is
 * missing. The Studio dialog itself is exercised in Chromium (tests/browser/studio.test.ts).
 */
import { createClient } from '@sanity/client'
import { afterEach, describe, expect, it } from 'vitest'
import { changeNoteDocument, createChangeNote, missingFields } from '../../studio/lib/changeNote'
import { startFakeSanityServer, type FakeSanityServer } from '../support/fake-sanity-server'

const WRITE = 'write-token-for-change-note-test'
let server: FakeSanityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const input = {
  documentId: 'drafts.metric-foundry-market-share',
  title: { zhTW: '晶圓代工市占率更新', en: 'Foundry share updated' },
  note: { zhTW: '改用 2021 年的資料。', en: 'Now from the 2021 data.' },
  major: true,
}

describe('the change note', () => {
  it('is an update document concerning the published id, dated when it is written', () => {
    const doc = changeNoteDocument(input, new Date('2026-12-02T08:30:00Z'), 'update-x')
    expect(doc).toEqual({
      _id: 'update-x',
      _type: 'update',
      date: '2026-12-02T08:30:00.000Z',
      title: { _type: 'localeString', zhTW: '晶圓代工市占率更新', en: 'Foundry share updated' },
      note: { _type: 'localeText', zhTW: '改用 2021 年的資料。', en: 'Now from the 2021 data.' },
      documents: [{ _type: 'reference', _key: 'changed', _ref: 'metric-foundry-market-share' }],
      significance: 'major',
    })
    expect(changeNoteDocument({ ...input, major: false }, new Date(), 'u').significance).toBe('minor')
  })

  it('is created through the client in the Content Lake', async () => {
    server = await startFakeSanityServer({ projectId: 'notes', dataset: 'production', documents: [{ _id: 'metric-foundry-market-share', _type: 'metric' }], writeTokens: [WRITE] })
    const client = createClient({
      projectId: 'notes',
      dataset: 'production',
      apiHost: server.url,
      useProjectHostname: false,
      apiVersion: '2025-02-19',
      useCdn: false,
      token: WRITE,
    })
    await createChangeNote(client, input, new Date('2026-12-02T08:30:00Z'), 'update-foundry')
    const [mutate] = server.requestsTo('mutate')
    expect(mutate!.method).toBe('POST')
    expect((mutate!.body as { mutations: unknown[] }).mutations).toEqual([{ create: changeNoteDocument(input, new Date('2026-12-02T08:30:00Z'), 'update-foundry') }])
    const stored = await client.fetch('*[_type == "update"]{ _id, date, significance, "concerns": documents[]._ref, "en": title.en }')
    expect(stored).toEqual([
      { _id: 'update-foundry', date: '2026-12-02T08:30:00.000Z', significance: 'major', concerns: ['metric-foundry-market-share'], en: 'Foundry share updated' },
    ])
  })

  it('sends nothing while a language is missing, and says which', async () => {
    server = await startFakeSanityServer({ projectId: 'notes', dataset: 'production', writeTokens: [WRITE] })
    const client = createClient({
      projectId: 'notes',
      dataset: 'production',
      apiHost: server.url,
      useProjectHostname: false,
      apiVersion: '2025-02-19',
      useCdn: false,
      token: WRITE,
    })
    const partial = { ...input, note: { zhTW: '只有中文。', en: ' ' } }
    expect(missingFields(partial)).toEqual(['note (en)'])
    await expect(createChangeNote(client, partial)).rejects.toThrow(/note \(en\)/)
    expect(server.requestsTo('mutate')).toHaveLength(0)
  })
})
