/**
 * Variant forms of a search query (src/scripts/search/variants.ts): OpenCC's Taiwan tables
 * plus 台/臺, both ways, so either spelling searches the same forms.
 */
import { describe, expect, it } from 'vitest'
import { EXTRA_PAIRS, foldVariants, variantForms } from '../../src/scripts/search/variants'

/** Pairs as [one spelling, the other]: 台/臺 from EXTRA_PAIRS, the rest from OpenCC. */
const PAIRS = [
  ['台灣', '臺灣'],
  ['成爲', '成為'],
  ['民衆', '民眾'],
  ['哪裏', '哪裡'],
  ['穿着', '穿著'],
  ['投資台灣三大方案', '投資臺灣三大方案'],
] as const

describe('variantForms', () => {
  for (const [a, b] of PAIRS) {
    it(`${a} and ${b} search the same forms, each including both spellings`, () => {
      expect(new Set(variantForms(a))).toEqual(new Set(variantForms(b)))
      expect(variantForms(a)).toEqual(expect.arrayContaining([a, b]))
    })
  }

  it('the query as typed comes first', () => {
    expect(variantForms('臺灣')[0]).toBe('臺灣')
    expect(variantForms('台灣')[0]).toBe('台灣')
  })

  it('a query without variant characters is its only form', () => {
    expect(variantForms('offshore wind')).toEqual(['offshore wind'])
    expect(variantForms('離岸風電')).toEqual(['離岸風電'])
  })

  it('full-width forms are searched in their plain form too (NFKC)', () => {
    expect(variantForms('５＋２')).toContain('5+2')
  })
})

describe('foldVariants', () => {
  it("gives Taiwan's standard form: OpenCC's pairs and 臺 for 台", () => {
    expect(foldVariants('台灣爲民衆')).toBe('臺灣為民眾')
    expect(foldVariants('臺灣為民眾')).toBe('臺灣為民眾')
  })

  it('OpenCC does not convert 台/臺 itself (so EXTRA_PAIRS is needed); the extra list stays small', () => {
    expect(EXTRA_PAIRS).toEqual([['台', '臺']])
    expect(foldVariants('台')).toBe('臺')
  })
})
