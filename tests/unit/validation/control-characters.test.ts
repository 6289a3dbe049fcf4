/**
 * Control characters in texts: tab and line breaks are text, every other C0 or C1 control
 * character is an error that names the document, the field, the character and the fix (it
 * would make the Atom feeds unreadable XML and the pages invalid HTML). The hostile dataset
 * (tests/support/hostile-dataset.ts: markup, formulas, separators, bidirectional marks in
 * every text) is valid content.
 */
import { describe, expect, it } from 'vitest'
import { datasetWith, type Doc } from '../../fixtures/base.ts'
import { hostileDataset } from '../../support/hostile-dataset.ts'
import { issueAt, validate } from '../../support/validation.ts'

type Loc = { en: unknown }
const at = (byId: (id: string) => Doc, id: string) => byId(id) as Doc & Record<string, unknown>

describe('control characters in texts', () => {
  it('a bell, a NUL, a DEL or a C1 control in a string, a Portable Text span, an alias or an abbreviation is an error naming field and character', async () => {
    const docs = datasetWith((_, byId) => {
      ;(at(byId, 'policy').title as Loc).en = 'Promoting\u0007 the industries'
      const body = (at(byId, 'industry-cybersecurity').body as { en: { children: { text: string }[] }[] }).en
      body[0]!.children[0]!.text = 'About\u0000 cybersecurity.'
      at(byId, 'glossaryTerm-five-plus-two').aliases = ['5+2', 'five\u007Fplus']
      at(byId, 'source-ndc-2020').abbreviation = 'NDC\u0085'
    })
    const report = await validate(docs)
    expect(issueAt(report, 'errors', 'policy', 'title.en').message).toContain('U+0007')
    expect(issueAt(report, 'errors', 'industry-cybersecurity', 'body.en').message).toContain('U+0000')
    expect(issueAt(report, 'errors', 'glossaryTerm-five-plus-two', 'aliases[1]').message).toContain('U+007F')
    expect(issueAt(report, 'errors', 'source-ndc-2020', 'abbreviation').message).toContain('U+0085')
    expect(report.errors).toHaveLength(4)
  })

  it('tab, line feed, carriage return, line and paragraph separators and bidirectional marks are text', async () => {
    const docs = datasetWith((_, byId) => {
      ;(at(byId, 'policy').title as Loc).en = 'a\tb\nc\r\nd \u2028 \u2029 \u202Eevil\u202C \u200F'
    })
    expect((await validate(docs)).errors).toEqual([])
  })

  it('the hostile dataset is valid content: no error, no missing or stale translation', async () => {
    const { docs, texts } = hostileDataset()
    expect(texts).toBeGreaterThan(1000)
    const report = await validate(docs as Doc[])
    expect(report.errors).toEqual([])
    expect(report.missingTranslations).toEqual([])
    expect(report.staleTranslations).toEqual([])
  })
})
