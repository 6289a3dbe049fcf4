/**
 * Translation provenance (schemas/lib/provenance.ts): what counts as a change of the source
 * (a character does; formatting, whitespace and Unicode normalization do not), in Chinese and
 * English, for strings and Portable Text, and the state each translation is then in.
 */
import { createHash } from 'node:crypto'
import { vercelStegaCombine } from '@vercel/stega'
import { describe, expect, it } from 'vitest'
import {
  changedSourceBlocks,
  currentSourceText,
  fieldSourceLocale,
  normalizedTextOf,
  normalizeText,
  provenanceRecord,
  snapshotText,
  sourceHashOf,
  textHash,
  translationState,
  translationStates,
  type LocalizedValue,
} from '../../../schemas/lib/provenance.ts'
import { sha256 } from '../../../src/utils/hash.ts'

const span = (text: string, marks: string[] = [], key = 's1') => ({ _type: 'span', _key: key, marks, text })
const block = (key: string, children: ReturnType<typeof span>[], extra: Record<string, unknown> = {}) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children,
  ...extra,
})
const CONFIRMED = '2026-03-01T08:00:00.000Z'

describe('normalized text', () => {
  it('collapses every run of whitespace (ideographic and no-break spaces, tabs, newlines) to one space and trims', () => {
    expect(normalizeText('  資安\u3000卓越\n\n產業\t ')).toBe('資安 卓越 產業')
    expect(normalizeText('Cyber\u00a0\u00a0security  excellence ')).toBe('Cyber security excellence')
  })

  it('is Unicode NFC: a decomposed accent hashes like the composed one', () => {
    const composed = 'Caf\u00e9 culture'
    const decomposed = 'Cafe\u0301 culture'
    expect(composed).not.toBe(decomposed)
    expect(sourceHashOf(decomposed)).toBe(sourceHashOf(composed))
  })

  it('reads Portable Text as plain text: marks, links, styles and list types do not count', () => {
    const plain = [block('b1', [span('設立資安卓越中心；')])]
    const formatted = [
      block('b1', [span('設立'), span('資安卓越中心', ['strong', 'l1'], 's2'), span('；', [], 's3')], {
        style: 'h3',
        listItem: 'bullet',
        level: 1,
        markDefs: [{ _type: 'link', _key: 'l1', href: 'https://example.org/' }],
      }),
    ]
    expect(normalizedTextOf(formatted)).toBe('設立資安卓越中心；')
    expect(sourceHashOf(formatted)).toBe(sourceHashOf(plain))
  })

  it('a paragraph split at a space is whitespace; the blocks join with a space', () => {
    const one = [block('b1', [span('Trust is a selling point. It matches the policy.')])]
    const two = [block('b1', [span('Trust is a selling point.')]), block('b2', [span('It matches the policy.')])]
    expect(sourceHashOf(two)).toBe(sourceHashOf(one))
  })

  it('one changed character changes the hash, in Chinese and in English', () => {
    expect(sourceHashOf('資安卓越產業')).not.toBe(sourceHashOf('資安卓越產業。'))
    expect(sourceHashOf('資安卓越產業')).not.toBe(sourceHashOf('資安卓越産業')) // 產 → 産, a different character
    expect(sourceHashOf('Cybersecurity excellence')).not.toBe(sourceHashOf('Cybersecurity Excellence'))
    expect(sourceHashOf([block('b1', [span('5G、AI 與物聯網')])])).not.toBe(sourceHashOf([block('b1', [span('5G、AI 及物聯網')])]))
  })

  it('is sha256 of the normalized UTF-8 text, the same as node:crypto computes', () => {
    const text = '新一代的行動通訊技術，速度更快。'
    expect(textHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
    expect(sourceHashOf(`  ${text}\n`)).toBe(sha256(text))
  })
})

describe('records and states', () => {
  const title = (zhTW: string, en: string, record?: LocalizedValue['provenance']): LocalizedValue => ({
    _type: 'localeString',
    zhTW,
    en,
    ...(record ? { provenance: record } : {}),
  })

  it('a record holds the hash, the time and the normalized snapshot; blocks by key for Portable Text', () => {
    expect(provenanceRecord(' 資安  卓越 ', CONFIRMED)).toEqual({
      _type: 'translationSource',
      confirmedAt: CONFIRMED,
      sourceHash: sourceHashOf('資安 卓越'),
      sourceSnapshot: '資安 卓越',
    })
    const body = [block('b1', [span('第一段。')]), block('b2', [span('第二段，'), span('重點', ['strong'], 's2')])]
    const record = provenanceRecord(body, CONFIRMED)
    expect(record.sourceBlocks).toEqual([
      { _key: 'b1', _type: 'translationSourceBlock', text: '第一段。' },
      { _key: 'b2', _type: 'translationSourceBlock', text: '第二段，重點' },
    ])
    expect(record.sourceSnapshot).toBeUndefined()
    expect(snapshotText(record)).toBe('第一段。\n第二段，重點')
  })

  it('current while the source hashes the same, stale once a character changes, missing without text', () => {
    const confirmed = { en: provenanceRecord('資安卓越產業', CONFIRMED) }
    expect(translationState(title('資安卓越產業', 'Cybersecurity', confirmed), 'en')).toMatchObject({ status: 'current', sourceLocale: 'zhTW' })
    expect(translationState(title(' 資安卓越產業\n', 'Cybersecurity', confirmed), 'en')?.status).toBe('current')
    const stale = translationState(title('資安卓越產業（新）', 'Cybersecurity', confirmed), 'en')
    expect(stale).toMatchObject({ status: 'stale', sourceLocale: 'zhTW', record: { confirmedAt: CONFIRMED } })
    expect(translationState(title('資安卓越產業', '', confirmed), 'en')?.status).toBe('missing')
  })

  it("stays current in a draft preview, where the source text carries the preview's invisible edit marks (stega)", () => {
    const confirmed = { en: provenanceRecord('資安卓越產業', CONFIRMED) }
    const marked = vercelStegaCombine('資安卓越產業', { origin: 'sanity.io', href: '/studio/intent/edit/id=industry-cybersecurity;path=title.zhTW' })
    expect(marked).not.toBe('資安卓越產業')
    expect(translationState(title(marked, 'Cybersecurity', confirmed), 'en')?.status).toBe('current')
    expect(translationState(title(`${marked}（新）`, 'Cybersecurity', confirmed), 'en')?.status).toBe('stale')
  })

  it('a translation without a record is stale (never confirmed); the source language has no state of its own', () => {
    expect(translationState(title('資安', 'Cybersecurity'), 'en')).toEqual({ locale: 'en', status: 'stale', sourceLocale: 'zhTW' })
    expect(translationState(title('資安', 'Cybersecurity'), 'zhTW')).toBeUndefined()
  })

  it('an empty field has no states; a missing source is reported as missing', () => {
    expect(translationStates(title('', ''))).toEqual([])
    expect(translationStates(undefined)).toEqual([])
    expect(translationStates(title('', 'Cybersecurity'))).toEqual([{ locale: 'zhTW', status: 'missing', sourceLocale: 'zhTW' }])
  })

  it('a field written first in English names it: the Chinese is then the translation', () => {
    const field: LocalizedValue = { zhTW: '資安', en: 'Cybersecurity', sourceLocale: 'en', provenance: { zhTW: provenanceRecord('Cybersecurity', CONFIRMED) } }
    expect(fieldSourceLocale(field)).toBe('en')
    expect(translationStates(field)).toEqual([{ locale: 'zhTW', status: 'current', sourceLocale: 'en', record: field.provenance!.zhTW }])
    expect(translationState({ ...field, en: 'Cyber security' }, 'zhTW')?.status).toBe('stale')
    expect(fieldSourceLocale({ sourceLocale: 'fr' })).toBe('zhTW')
  })

  it('tells which source blocks changed since the record, by key', () => {
    const before = [block('b1', [span('第一段。')]), block('b2', [span('第二段。')])]
    const record = provenanceRecord(before, CONFIRMED)
    const after = [block('b1', [span('第一段。', ['em'])]), block('b2', [span('第二段，改過。')]), block('b3', [span('新的一段。')])]
    expect([...changedSourceBlocks(after, record)]).toEqual(['b2', 'b3'])
    expect([...changedSourceBlocks(after, undefined)]).toEqual(['b1', 'b2', 'b3'])
    expect(currentSourceText(after)).toBe('第一段。\n第二段，改過。\n新的一段。')
  })
})
