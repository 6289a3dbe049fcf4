/** The CSV writer of the open data (src/open-data/csv.ts), against literal expected text. */
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/open-data/csv'

describe('toCsv', () => {
  it('quotes only what must be quoted, doubles quotes, ends every record with CRLF, keeps numbers as given', () => {
    const text = toCsv(
      ['slug', 'label', 'value'],
      [
        ['a', 'plain', 75],
        ['b', 'comma, inside', 0.5],
        ['c', 'say "hi"', 1e12],
        ['d', 'two\nlines', ''],
        ['e', '晶圓代工', null],
      ],
    )
    expect(text).toBe('slug,label,value\r\na,plain,75\r\nb,"comma, inside",0.5\r\nc,"say ""hi""",1000000000000\r\nd,"two\nlines",\r\ne,晶圓代工,\r\n')
  })

  it('neutralises text a spreadsheet would run as a formula, never a number', () => {
    const text = toCsv(
      ['label', 'value'],
      [
        ['=1+1', -3],
        ['+x', 0],
        ['-x', 1.5],
        ['@SUM(A1)', -0.25],
        ['\tx', 2],
        ['\rx', 3],
        ['a=b', 4],
      ],
    )
    expect(text).toBe("label,value\r\n'=1+1,-3\r\n'+x,0\r\n'-x,1.5\r\n'@SUM(A1),-0.25\r\n'\tx,2\r\n\"'\rx\",3\r\na=b,4\r\n")
  })

  it('starts with a byte-order mark when asked (Excel reads the Chinese right)', () => {
    expect(toCsv(['a'], [['中']], { bom: true })).toBe('\uFEFFa\r\n中\r\n')
  })

  it('refuses a row whose width is not the header’s', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow('CSV row 2 has 1 fields, the header has 2.')
  })
})
