/**
 * Stale translations in the views (src/content/localize.ts) and the rows of the side-by-side
 * view (src/content/bilingual.ts): a stale value is marked with what it was translated from,
 * when, and which source blocks changed; every language's value gets the same anchor; rows
 * line up by `_key`, not by position, and a block missing on one side is missing there.
 */
import { describe, expect, it } from 'vitest'
import type { PortableTextBlock } from '@portabletext/types'
import { provenanceRecord } from '../../../schemas/lib/provenance.ts'
import { alignedKeys, blockRows, pointRows, textRow } from '../../../src/content/bilingual.ts'
import { localize, type Localized } from '../../../src/content/localize.ts'

const CONFIRMED = '2026-03-01T08:00:00.000Z'
const block = (key: string, text: string) =>
  ({ _type: 'block', _key: key, style: 'normal', markDefs: [], children: [{ _type: 'span', _key: 's1', marks: [], text }] }) as PortableTextBlock
const place = { documentId: 'industry-cybersecurity', field: 'points[1].title' }

describe('localize with provenance', () => {
  const summary = (zhTW: string) => ({ _type: 'localeText', zhTW, en: 'Trust sells.', provenance: { en: provenanceRecord('信任就是賣點。', CONFIRMED) } })

  it('a current translation has no mark and no anchor', () => {
    const en = localize(summary('信任就是賣點。'), 'en', place)!
    expect(en).toEqual({ value: 'Trust sells.', locale: 'en', lang: 'en', fallback: false })
  })

  it('a stale one is marked with its source and confirmation; both languages get the same anchor', () => {
    const field = summary('信任本身就是賣點。')
    const en = localize(field, 'en', place)!
    const zh = localize(field, 'zhTW', place)!
    expect(en.stale).toEqual({ sourceLocale: 'zhTW', confirmedAt: CONFIRMED })
    expect(zh.stale).toBeUndefined()
    expect(en.anchor).toBe('tr-industry-cybersecurity-points-1-title')
    expect(zh.anchor).toBe(en.anchor)
    // Without a place (a caller that renders no notice), nothing is marked.
    expect(localize(field, 'en')!.stale).toBeUndefined()
  })

  it('a fallback is never marked stale; a never-confirmed translation is stale without a date', () => {
    const missingEnglish = { zhTW: '信任本身就是賣點。', en: '', provenance: { en: provenanceRecord('信任就是賣點。', CONFIRMED) } }
    const shown = localize(missingEnglish, 'en', place)!
    expect(shown.fallback).toBe(true)
    expect(shown.stale).toBeUndefined()
    expect(localize({ zhTW: '信任', en: 'Trust' }, 'en', place)!.stale).toEqual({ sourceLocale: 'zhTW' })
  })

  it('Portable Text: the keys of the source blocks that changed or are new', () => {
    const before = [block('a', '第一段。'), block('b', '第二段。')]
    const field = {
      zhTW: [block('a', '第一段。'), block('new', '新段落。'), block('b', '第二段，改過。')],
      en: [block('a', 'One.'), block('b', 'Two.')],
      provenance: { en: provenanceRecord(before, CONFIRMED) },
    }
    expect(localize(field, 'en', place)!.stale).toEqual({ sourceLocale: 'zhTW', confirmedAt: CONFIRMED, changedBlocks: ['new', 'b'] })
  })
})

const value = <T>(v: T, locale: 'zhTW' | 'en', extra: Partial<Localized<T>> = {}): Localized<T> => ({
  value: v,
  locale,
  lang: locale === 'en' ? 'en' : 'zh-TW',
  fallback: false,
  ...extra,
})

describe('the side-by-side rows', () => {
  it('line blocks up by key, not by position: a key only one language has comes right after the key before it there', () => {
    expect(
      alignedKeys([
        [{ _key: 'a' }, { _key: 'b' }, { _key: 'c' }],
        [{ _key: 'a' }, { _key: 'x' }, { _key: 'c' }],
      ] as PortableTextBlock[][]),
    ).toEqual(['a', 'x', 'b', 'c'])
    expect(alignedKeys([[], [{ _key: 'x' }, { _key: 'y' }]] as PortableTextBlock[][])).toEqual(['x', 'y'])
  })

  it('a block only one language has is a row with the other side empty', () => {
    const rows = blockRows('body', {
      zhTW: value([block('b1', '一'), block('zh', '只有中文'), block('b2', '二')], 'zhTW'),
      en: value([block('b2', 'Two'), block('b1', 'One'), block('en', 'English only')], 'en'),
    })
    expect(rows.map((r) => [r.key, r.cells.map((c) => (c.block ? 'x' : '-')).join('')])).toEqual([
      ['body-b1', 'xx'],
      ['body-en', '-x'],
      ['body-zh', 'x-'],
      ['body-b2', 'xx'],
    ])
    // Row b2 holds block b2 on both sides, though the English lists it first.
    const b2 = rows[3]!.cells.map((c) => (c.block as { children: { text: string }[] }).children[0]!.text)
    expect(b2).toEqual(['二', 'Two'])
  })

  it('marks only the rows whose source block changed, on a stale translation', () => {
    const rows = blockRows('body', {
      zhTW: value([block('b1', '一'), block('b2', '二（改）')], 'zhTW'),
      en: value([block('b1', 'One'), block('b2', 'Two')], 'en', { stale: { sourceLocale: 'zhTW', confirmedAt: CONFIRMED, changedBlocks: ['b2'] } }),
    })
    expect(rows.map((r) => r.stale?.locale ?? null)).toEqual([null, 'en'])
  })

  it('a fallback is shown as missing, not as the other language twice', () => {
    const row = textRow('summary', { zhTW: value('摘要', 'zhTW'), en: value('摘要', 'zhTW', { fallback: true }) })
    expect(row.cells).toEqual([
      { locale: 'zhTW', text: '摘要' },
      { locale: 'en', text: undefined },
    ])
  })

  it('points are matched by key across the languages: a title row and a description row each', () => {
    const point = (key: string, title: string, lang: 'zhTW' | 'en') => ({ key, title: value(title, lang), description: value(`${title}…`, lang) })
    const rows = pointRows('measures', { zhTW: [point('p1', '品牌', 'zhTW'), point('p2', '金融', 'zhTW')], en: [point('p2', 'Finance', 'en'), point('p1', 'Brand', 'en')] })
    expect(rows.map((r) => [r.title.key, r.title.cells.map((c) => c.text)])).toEqual([
      ['measures-p1-title', ['品牌', 'Brand']],
      ['measures-p2-title', ['金融', 'Finance']],
    ])
    expect(rows[0]!.description.cells.map((c) => c.text)).toEqual(['品牌…', 'Brand…'])
  })
})
