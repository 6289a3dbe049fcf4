/**
 * A glossary term's shown names ("Also known as") apart from its search keywords: which
 * names are near-duplicates, which a page in each language shows, and the Studio rule (run by
 * the build's own validator) that names the document, the field and the fix.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { aliasesForLanguage, aliasKey, alsoKnownAsProblem, nameParts } from '../../schemas/lib/aliases.ts'
import { parseNdjson } from '../../src/content/ndjson.ts'
import { validateDocuments } from '../../src/content/validation/index.ts'

type Doc = { _id: string; _type: string; [field: string]: unknown }
const file = fileURLToPath(new URL('../../content/dataset.ndjson', import.meta.url))
const docs = parseNdjson(readFileSync(file, 'utf8'), file) as Doc[]

describe('near-duplicate names', () => {
  it('are the same after NFKC, case, spaces and middle dots', () => {
    expect(aliasKey('5＋2')).toBe(aliasKey('5+2'))
    expect(aliasKey('五＋二')).toBe(aliasKey('五+二'))
    expect(aliasKey('IC封測')).toBe(aliasKey('IC 封測'))
    expect(aliasKey('亞洲・矽谷')).toBe(aliasKey('亞洲‧矽谷'))
    expect(aliasKey('Biobank')).toBe(aliasKey('biobank'))
    expect(aliasKey('五加二')).not.toBe(aliasKey('5+2'))
  })

  it('a name counts with each of its parts', () => {
    expect(nameParts('AIoT（人工智慧物聯網）')).toEqual(['AIoT（人工智慧物聯網）', 'AIoT', '人工智慧物聯網'])
    expect(nameParts('5G (fifth-generation mobile networks)')).toEqual(['5G (fifth-generation mobile networks)', '5G', 'fifth-generation mobile networks'])
  })

  it('finds an alias that repeats the name or another shown alias', () => {
    expect(alsoKnownAsProblem(['5+2', '5＋2'], ['五＋二產業創新計畫'])).toEqual({ alias: '5＋2', duplicates: '5+2' })
    expect(alsoKnownAsProblem(['人工智慧物聯網'], ['AIoT（人工智慧物聯網）'])).toEqual({ alias: '人工智慧物聯網', duplicates: '人工智慧物聯網' })
    expect(alsoKnownAsProblem(['5+2', '五加二'], ['五＋二產業創新計畫', '5+2 Industrial Innovation Plan'])).toBeUndefined()
  })
})

describe('one language per list', () => {
  const names = ['5+2', '五加二', '5+2 innovative industries', 'IC 封測', 'OSAT']
  it('Chinese pages show names with Han characters or without Latin letters; English pages names without Han', () => {
    expect(aliasesForLanguage(names, 'zh-TW')).toEqual(['5+2', '五加二', 'IC 封測'])
    expect(aliasesForLanguage(names, 'en')).toEqual(['5+2', '5+2 innovative industries', 'OSAT'])
  })
})

describe('the dataset', () => {
  const terms = docs.filter((d) => d._type === 'glossaryTerm')
  it('shows no near-duplicates and no wrong equivalences', () => {
    for (const term of terms) {
      const shown = (term.alsoKnownAs as string[] | undefined) ?? []
      expect(
        alsoKnownAsProblem(
          shown,
          Object.values(term.term as Record<string, unknown>).filter((v): v is string => typeof v === 'string'),
        ),
        term._id,
      ).toBeUndefined()
    }
    const aiot = terms.find((t) => t._id === 'glossaryTerm-aiot')!
    expect(aiot.alsoKnownAs).toEqual(['智慧物聯網'])
    expect(aiot.aliases).toEqual(expect.arrayContaining(['IoT', '物聯網']))
    const five = terms.find((t) => t._id === 'glossaryTerm-five-plus-two')!
    expect(five.alsoKnownAs).toEqual(['5+2', '五加二', '5+2 innovative industries'])
    expect(five.aliases).toEqual(expect.arrayContaining(['5＋2', '五＋二', '五+二']))
  })

  it('a near-duplicate shown alias fails validation, naming document, field and fix', async () => {
    const broken = docs.map((d) => (d._id === 'glossaryTerm-five-plus-two' ? { ...d, alsoKnownAs: ['5+2', '5＋2'] } : d))
    const report = await validateDocuments(broken, { source: file, cache: false })
    expect(report.ok).toBe(false)
    const issue = report.errors.find((e) => e.documentId === 'glossaryTerm-five-plus-two')!
    expect(issue).toMatchObject({ documentType: 'glossaryTerm', field: 'alsoKnownAs' })
    expect(`${issue.message} ${issue.hint}`).toContain(
      '"Also known as" lists "5＋2", a near-duplicate of "5+2" (differs only in width, case or spaces): remove it or move it to "Search keywords".',
    )
  }, 120_000)
})
