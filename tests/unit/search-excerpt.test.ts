/** Excerpt tidying (src/scripts/search/excerpt.ts): joiners, start, end, marks kept. */
import { describe, expect, it } from 'vitest'
import { chineseJoiners, excerptLimits, excerptText, tidyExcerpt, type ExcerptPart } from '../../src/scripts/search/excerpt'

const text = (t: string): ExcerptPart => ({ text: t, mark: false })
const mark = (t: string): ExcerptPart => ({ text: t, mark: true })
const ZH = 'zh-Hant-TW'
const LONG_ZH =
  '把臺灣的資通訊優勢與生醫、防疫科技結合，發展精準健康、再生醫學與防疫科技，讓臺灣成為全球精準健康與科技防疫的標竿。精準健康的意思是依照每個人的基因、生活習慣與健康資料，提供合適的預防、診斷與治療，並且讓醫療資源用在最需要的地方。'

describe('chineseJoiners', () => {
  it("turns Pagefind's block joiner into 。 and drops the space after Chinese punctuation", () => {
    expect(excerptText(chineseJoiners([text('共 6 項. '), mark('臺灣'), text('精準健康. 目標。 讓臺灣.')]))).toBe('共 6 項。臺灣精準健康。目標。讓臺灣。')
  })

  it('keeps ". " between Latin letters or digits (U.S. Department, 1. 2.)', () => {
    expect(excerptText(chineseJoiners([text('美國 U.S. Department 的報告')]))).toBe('美國 U.S. Department 的報告')
  })

  it('keeps the marks where they were', () => {
    expect(chineseJoiners([text('項. '), mark('臺灣'), text('. 把')])).toEqual([text('項。'), mark('臺灣'), text('。把')])
  })
})

describe('tidyExcerpt', () => {
  it('never starts with a closing bracket, a pause or a stop', () => {
    for (const lead of ['）', '」', '、', '。', '，', ', ', '. ', '）。 ']) {
      const out = excerptText(tidyExcerpt([text(`${lead}投資`), mark('臺灣'), text('三大方案')], ZH))
      expect(out).toBe('投資臺灣三大方案')
    }
    expect(excerptText(tidyExcerpt([text(', and '), mark('wind'), text(' power')], 'en'))).toBe('and wind power')
  })

  it('starts at the sentence that holds the first match when enough text follows', () => {
    const out = tidyExcerpt([text('資料時間：民國 109 年。'), mark('臺灣'), text(LONG_ZH)], ZH)
    expect(out[0]).toEqual(mark('臺灣'))
  })

  it('keeps text before the match when the sentence after it would be too short', () => {
    const out = excerptText(tidyExcerpt([text('這是前面比較長的一個句子。'), mark('臺灣'), text('很短。')], ZH))
    expect(out).toBe('這是前面比較長的一個句子。臺灣很短。')
  })

  it('ends within the limit at a word boundary, with …, and keeps the first match', () => {
    const limits = excerptLimits(ZH)
    const out = excerptText(tidyExcerpt([mark('臺灣'), text(LONG_ZH + LONG_ZH)], ZH))
    expect(out.length).toBeLessThanOrEqual(limits.max + 1)
    expect(out.length).toBeGreaterThanOrEqual(limits.min)
    expect(out.endsWith('…')).toBe(true)
    expect(out).not.toMatch(/[，、]…$/)
    const en = excerptText(tidyExcerpt([text('Taiwan has '), mark('offshore'), text(' wind farms'.repeat(30))], 'en'))
    // Cut between words, never inside one.
    expect(en).toMatch(/^Taiwan has offshore wind farms( wind| farms)+…$/)
    expect(en.length).toBeLessThanOrEqual(excerptLimits('en').max + 1)
  })

  it('drops a short leading fragment up to the first phrase boundary when no sentence start will do', () => {
    expect(excerptText(tidyExcerpt([text('年）資料來源：國家發展委員會。'), mark('半導體'), text('市占')], ZH))).toBe('資料來源：國家發展委員會。半導體市占')
    expect(excerptText(tidyExcerpt([text('testing In 繁體中文: IC 封測 Encasing finished '), mark('chips')], 'en'))).toBe('IC 封測 Encasing finished chips')
    // Not past the first match, and not a long stretch of text.
    expect(excerptText(tidyExcerpt([mark('臺灣'), text('的五項優勢，包括')], ZH))).toBe('臺灣的五項優勢，包括')
    expect(excerptText(tidyExcerpt([text('政府要在五＋二產業創新計畫的基礎上，'), mark('集中')], ZH))).toBe('政府要在五＋二產業創新計畫的基礎上，集中')
  })

  it('moves the start on when the first match would end past the limit', () => {
    const out = tidyExcerpt([text('word '.repeat(40)), mark('Taiwan'), text(' and more words.')], 'en')
    expect(out.some((p) => p.mark)).toBe(true)
    expect(excerptText(out).length).toBeLessThanOrEqual(excerptLimits('en').max + 1)
    expect(excerptText(out)).toMatch(/^word /)
  })

  it('adds no … when the cut falls at the end of a sentence', () => {
    const sentence = 'Taiwan has 75% of global foundry output.'
    const out = excerptText(tidyExcerpt([mark('Taiwan'), text(sentence.slice(6)), text(' Next'.repeat(40))], 'en', { min: 10, max: sentence.length + 1 }))
    expect(out).toBe(sentence)
  })

  it('leaves a short clean excerpt as it is', () => {
    const parts = [text('Taiwan leads in '), mark('foundry'), text(' output.')]
    expect(tidyExcerpt(parts, 'en')).toEqual(parts)
  })
})
