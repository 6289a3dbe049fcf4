/**
 * The Studio's translation provenance without a browser: the patches its inputs send (what a
 * first translation, an edit, a cleared translation, "Mark as up to date" and a change of the
 * source language write), the rows of the Translations tool, and the previews' flag. The
 * browser test (tests/browser/studio.test.ts) sees the same through the built Studio.
 */
import { describe, expect, it } from 'vitest'
import { set, setIfMissing, unset } from 'sanity'
import { schemaTypes } from '../../schemas'
import { provenanceRecord, sourceHashOf, translationState, type LocalizedValue, type TranslationRecord } from '../../schemas/lib/provenance'
import { staleFlag } from '../../schemas/lib/translation-flags'
import { markUpToDatePatches, provenancePatchesFor, sourceLocalePatches } from '../../studio/translations/patches'
import { translationProblems } from '../../studio/translations/problems'

const NOW = '2026-12-01T09:30:00.000Z'
const BEFORE = '2026-06-01T00:00:00.000Z'
const field = (zhTW: string, en: string, confirmedAgainst?: string): LocalizedValue => ({
  _type: 'localeText',
  zhTW,
  en,
  ...(confirmedAgainst !== undefined ? { provenance: { _type: 'translationProvenance', en: provenanceRecord(confirmedAgainst, BEFORE) } } : {}),
})

describe('the patches of a localized field', () => {
  it('"Mark as up to date" records the source as it is now', () => {
    const value = field('新的中文。', 'English.', '舊的中文。')
    expect(markUpToDatePatches(value, 'en', NOW)).toEqual([
      setIfMissing({ _type: 'translationProvenance' }, ['provenance']),
      set({ _type: 'translationSource', confirmedAt: NOW, sourceHash: sourceHashOf('新的中文。'), sourceSnapshot: '新的中文。' }, ['provenance', 'en']),
    ])
  })

  it('a translation typed into an empty field is recorded as made from the source as it is now', () => {
    const extra = provenancePatchesFor(field('中文。', ''), [set('E', ['en'])], NOW)
    expect(extra).toEqual(markUpToDatePatches(field('中文。', ''), 'en', NOW))
  })

  it('an edit of an existing translation leaves its provenance as it was: a typo fix never hides a change of the source', () => {
    expect(provenancePatchesFor(field('新的中文。', 'Englsh.', '舊的中文。'), [set('English.', ['en'])], NOW)).toEqual([])
    expect(provenancePatchesFor(field('中文。', 'Englsh.', '中文。'), [set('English.', ['en'])], NOW)).toEqual([])
    // Nor does an edit of the source: that is what makes a translation stale.
    expect(provenancePatchesFor(field('中文。', 'English.', '中文。'), [set('中文，改過。', ['zhTW'])], NOW)).toEqual([])
  })

  it('a cleared translation loses its record; a field without source text gets none', () => {
    expect(provenancePatchesFor(field('中文。', 'English.', '中文。'), [unset(['en'])], NOW)).toEqual([unset(['provenance', 'en'])])
    expect(provenancePatchesFor(field('', ''), [set('E', ['en'])], NOW)).toEqual([])
  })

  it('choosing another source language makes the other languages its translations, confirmed now', () => {
    const patches = sourceLocalePatches(field('中文。', 'English.', '中文。'), 'en', NOW)
    expect(patches).toEqual([set('en', ['sourceLocale']), unset(['provenance']), set({ _type: 'translationProvenance', zhTW: provenanceRecord('English.', NOW) }, ['provenance'])])
    // Back to the default: the field's own setting goes.
    expect(sourceLocalePatches({ ...field('中文。', 'English.'), sourceLocale: 'en' }, 'zhTW', NOW)[0]).toEqual(unset(['sourceLocale']))
  })

  it('applied, "Mark as up to date" makes a stale translation current', () => {
    const value = field('新的中文。', 'English.', '舊的中文。')
    expect(translationState(value, 'en')?.status).toBe('stale')
    const record = markUpToDatePatches(value, 'en', NOW).find((p) => p.type === 'set')!
    expect(record.type === 'set' && record.path).toEqual(['provenance', 'en'])
    const updated = { ...value, provenance: { ...value.provenance, en: record.type === 'set' ? (record.value as unknown as TranslationRecord) : undefined } }
    expect(translationState(updated, 'en')?.status).toBe('current')
  })
})

describe('the Translations tool and the previews', () => {
  const docs = [
    { _id: 'b-term', _type: 'glossaryTerm', term: field('名詞', 'Term', '名詞'), definition: field('新定義。', 'A definition.', '舊定義。') },
    {
      _id: 'a-section',
      _type: 'section',
      title: field('標題', 'Title', '標題'),
      points: [{ _type: 'point', _key: 'p1', title: field('要點', '', undefined), description: field('說明', 'About', '說明') }],
    },
  ]

  it('lists stale and missing translations by document id, with the path that opens the field', () => {
    expect(translationProblems(docs)).toEqual([
      { documentId: 'a-section', documentType: 'section', path: 'points[_key=="p1"].title.en', field: 'points[0].title', locale: 'en', status: 'missing' },
      { documentId: 'b-term', documentType: 'glossaryTerm', path: 'definition.en', field: 'definition', locale: 'en', status: 'stale' },
    ])
  })

  it('a preview says "英文待更新 · EN outdated" beside its own subtitle while a translation is stale', () => {
    expect(staleFlag(['en'])).toBe('英文待更新 · EN outdated')
    const glossary = schemaTypes.find((t) => t.name === 'glossaryTerm') as unknown as {
      preview: { select: Record<string, string>; prepare: (s: Record<string, unknown>) => Record<string, unknown> }
    }
    expect(glossary.preview.select).toMatchObject({ translations_term: 'term', translations_definition: 'definition' })
    const selection = (definition: LocalizedValue) => ({ term_zhTW: '名詞', term_en: 'Term', translations_term: docs[0]!.term, translations_definition: definition })
    expect(glossary.preview.prepare(selection(docs[0]!.definition as LocalizedValue))).toEqual({ title: '名詞 · Term', subtitle: '英文待更新 · EN outdated — 名詞解釋 · Glossary' })
    expect(glossary.preview.prepare(selection(field('定義。', 'A definition.', '定義。')))).toEqual({ title: '名詞 · Term', subtitle: '名詞解釋 · Glossary' })
  })
})
