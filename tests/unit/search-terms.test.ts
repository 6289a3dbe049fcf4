/**
 * Cross-language search terms: the table made from the views (src/open-data/search-terms.ts)
 * and the matching on the search page (src/scripts/search/terms.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { localeById } from '../../schemas/locales'
import { loadSiteContent } from '../../src/content/load'
import { createLocalSource } from '../../src/content/source/local'
import { buildSiteViews, type SiteViews } from '../../src/content/views'
import { nameForms, searchTermFiles, searchTerms } from '../../src/open-data/search-terms'
import { normalizeTerm, parseTermTable, termMatcher } from '../../src/scripts/search/terms'

let views: SiteViews
beforeAll(async () => {
  views = buildSiteViews(await loadSiteContent(createLocalSource({})))
})

const matcher = (lang: 'zhTW' | 'en') => termMatcher({ terms: searchTerms(views, localeById[lang]) })

describe('nameForms', () => {
  it('takes a trailing gloss in brackets off the name to search, and keeps all three to match', () => {
    expect(nameForms('第五代行動通訊（5G）')).toEqual({ bare: '第五代行動通訊', all: ['第五代行動通訊（5G）', '第五代行動通訊', '5G'] })
    expect(nameForms('Foundry (contract chip manufacturing)').bare).toBe('Foundry')
    expect(nameForms('供應鏈韌性')).toEqual({ bare: '供應鏈韌性', all: ['供應鏈韌性'] })
  })
})

describe('the term table from the embedded dataset', () => {
  it('on the Chinese search, English names and aliases search the Chinese name', () => {
    const zh = matcher('zhTW')
    expect(zh('offshore wind')).toContain('離岸風電')
    expect(zh('Foundry')).toContain('晶圓代工')
    expect(zh('CYBERSECURITY')).toContain('資安')
  })

  it('on the English search, Chinese names and aliases search the English name', () => {
    const en = matcher('en')
    expect(en('資安')).toContain('Cybersecurity')
    expect(en('晶圓代工')).toContain('Foundry')
    expect(en('封測')).toContain('IC packaging and testing')
  })

  it('matches variant spellings and full-width forms, whole queries only', () => {
    const en = matcher('en')
    expect(en('投資台灣')).toContain('Invest in Taiwan programmes')
    expect(en('五＋二')).toContain('5+2 Industrial Innovation Plan')
    expect(en('離岸')).toEqual([])
    expect(matcher('zhTW')('離岸風電')).toEqual([])
  })

  it('is written as JSON per language beside the search page', () => {
    const files = searchTermFiles(views)
    expect(files.map((f) => f.path)).toEqual(['/zh-tw/search/terms.json', '/en/search/terms.json'])
    const table = parseTermTable(JSON.parse(files[0]!.make()))
    expect(table.terms.length).toBeGreaterThan(20)
    expect(termMatcher(table)('foundry')).toContain('晶圓代工')
  })
})

describe('the page side', () => {
  it('normalizeTerm folds case, width, spaces and variants', () => {
    expect(normalizeTerm('  Offshore   WIND ')).toBe('offshore wind')
    expect(normalizeTerm('台灣')).toBe(normalizeTerm('臺灣'))
    expect(normalizeTerm('５Ｇ')).toBe('5g')
  })

  it('a table that is not one gives no terms, and markup in it stays a string', () => {
    expect(parseTermTable(null)).toEqual({ terms: [] })
    expect(parseTermTable({ terms: 'x' })).toEqual({ terms: [] })
    const table = parseTermTable({ terms: [{ search: ['<img src=x onerror=alert(1)>', 3], match: ['x'] }] })
    expect(termMatcher(table)('X')).toEqual(['<img src=x onerror=alert(1)>'])
  })
})
