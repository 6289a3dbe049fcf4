/**
 * Stale translations through Sanity's own rules (the schema's `.warning()` rule on every
 * language of a localized field) and the report: a warning that names the document, the
 * field, the language and when it was confirmed, never an error, fatal only with
 * STRICT_I18N=1; formatting and whitespace edits of the source are not changes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { provenanceRecord } from '../../../schemas/lib/provenance.ts'
import { STALE_TRANSLATION } from '../../../schemas/lib/validation.ts'
import { formatReport, type ValidationReport } from '../../../src/content/validation/index.ts'
import { loadValidator } from '../../../src/content/validation/sanity-adapter.ts'
import { datasetWith, FIXTURE_CONFIRMED_AT } from '../../fixtures/base.ts'
import { validate } from '../../support/validation.ts'

type Field = Record<string, any>

beforeAll(async () => {
  await loadValidator()
}, 120_000)

const stale = (report: ValidationReport) => report.staleTranslations.map((i) => `${i.documentId} · ${i.field} · ${i.locale}`)

describe('stale translations', () => {
  const changedChinese = () => datasetWith((_docs, byId) => void ((byId('industry-cybersecurity').summary as Field).zhTW = '資安摘要（已改寫）。'))

  it('are warnings: listed with document, field, language and when the translation was confirmed; the build may go on', async () => {
    const report = await validate(changedChinese())
    expect(report.errors, formatReport(report)).toEqual([])
    expect(report.warnings).toEqual([])
    expect(report.missingTranslations).toEqual([])
    expect(report.staleTranslations).toHaveLength(1)
    const issue = report.staleTranslations[0]!
    expect(issue).toMatchObject({
      documentId: 'industry-cybersecurity',
      documentType: 'industry',
      field: 'summary.en',
      locale: 'en',
      sourceLocale: 'zh-TW',
      confirmedAt: FIXTURE_CONFIRMED_AT,
    })
    expect(issue.message.startsWith(STALE_TRANSLATION)).toBe(true)
    // Both languages, the field and what to do.
    expect(issue.message).toMatch(/Traditional Chinese \(zh-TW\) text of "summary" changed after this English \(en\) translation was confirmed on 2026-01-01/)
    expect(issue.message).toMatch(/Mark as up to date/)
    expect(issue.message).toMatch(
      /^譯文待更新：「summary」的繁體中文原文在 2026-01-01 確認英文譯文後已修改。請對照原文，視需要更新英文譯文，再按「標示為最新」。 · Outdated translation: /,
    )
    expect(issue.hint).toMatch(/Compare the English text of "summary" in industry "industry-cybersecurity" with the Traditional Chinese/)
    expect(report.ok).toBe(true)
    const text = formatReport(report)
    expect(text).toMatch(/Stale translations \(1\) — warnings; STRICT_I18N=1 makes them fatal:/)
    expect(text).toMatch(/! industry-cybersecurity \(industry\) · summary\.en · en outdated \(source changed since 2026-01-01\)/)
    expect(text).toMatch(/0 missing translation\(s\), 1 stale translation\(s\), 0 warning\(s\)/)
  })

  it('fail with STRICT_I18N=1', async () => {
    const report = await validate(changedChinese(), true)
    expect(report.errors).toEqual([])
    expect(report.ok).toBe(false)
    expect(formatReport(report)).toMatch(/Stale translations \(1\) — fatal with STRICT_I18N=1:\n {2}✗ industry-cybersecurity/)
  })

  it('formatting, whitespace and Unicode normalization of the source are not changes', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        const industry = byId('industry-cybersecurity')
        ;(industry.summary as Field).zhTW = '  資安摘要。\n'
        ;(industry.body as Field).zhTW[0].children[0].marks = ['strong']
        ;(industry.body as Field).zhTW[0].style = 'h3'
        ;(byId('glossaryTerm-five-plus-two').term as Field).zhTW = '五加二\u3000 產業創新'.replace('\u3000 ', '')
      }),
    )
    expect(stale(report), formatReport(report)).toEqual([])
  })

  it('a changed character in Portable Text, inside an array item and inside a point', async () => {
    const report = await validate(
      datasetWith((_docs, byId) => {
        const industry = byId('industry-cybersecurity')
        ;(industry.body as Field).zhTW[0].children[0].text = '資安說明（新）。'
        ;(industry.directions as Field[])[0]!.zhTW = '方向一，改過。'
        ;((byId('section-background').points as Field[])[0]!.title as Field).zhTW = '趨勢 1'
      }),
    )
    expect(stale(report)).toEqual(['industry-cybersecurity · body.en · en', 'industry-cybersecurity · directions[0].en · en', 'section-background · points[0].title.en · en'])
    expect(report.staleTranslations.find((i) => i.field === 'directions[0].en')!.message).toMatch(/text of "directions\[0\]" changed/)
  })

  it('a translation without provenance is stale: never confirmed', async () => {
    const report = await validate(datasetWith((_docs, byId) => void delete (byId('metric-foundry-share').label as Field).provenance))
    expect(stale(report)).toEqual(['metric-foundry-share · label.en · en'])
    const issue = report.staleTranslations[0]!
    expect(issue.confirmedAt).toBeUndefined()
    expect(issue.message).toMatch(/was never confirmed against the Traditional Chinese/)
    expect(formatReport(report)).toMatch(/label\.en · en outdated \(never confirmed\)/)
  })

  it('a field written first in English: a change of the English makes the Chinese stale', async () => {
    const englishFirst = (en: string) =>
      datasetWith((_docs, byId) => {
        const label = byId('metric-packaging-share').label as Field
        label.sourceLocale = 'en'
        label.provenance = { _type: 'translationProvenance', zhTW: provenanceRecord(label.en, FIXTURE_CONFIRMED_AT) }
        label.en = en
      })
    expect(stale(await validate(englishFirst('Packaging and testing market share')))).toEqual([])
    const report = await validate(englishFirst('Packaging and testing: market share'))
    expect(stale(report)).toEqual(['metric-packaging-share · label.zhTW · zh-TW'])
    expect(report.staleTranslations[0]!.sourceLocale).toBe('en')
    expect(report.staleTranslations[0]!.message).toMatch(/the English \(en\) text of "label" changed after this Traditional Chinese \(zh-TW\) translation/)
  })

  it('a missing translation stays a missing translation, not a stale one', async () => {
    const report = await validate(datasetWith((_docs, byId) => void delete (byId('industry-cybersecurity').goal as Field).en))
    expect(report.missingTranslations.map((i) => i.field)).toEqual(['goal.en'])
    expect(report.staleTranslations).toEqual([])
  })
})
