/**
 * The `<iframe>` code of a chart (src/open-data/embed.ts): a measured height for every chart
 * of the embedded dataset in both languages (else `npm run embed:heights` was not run after
 * adding one), the tallest frame for a chart not measured yet, and an escaped title.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { locales } from '../../schemas/locales'
import { parseNdjson } from '../../src/content/ndjson'
import { embedCode, embedHeight, frameHeight } from '../../src/open-data/embed'
import measured from '../../src/open-data/embed-heights.json'
import { projectFile } from '../support/project'

const file = projectFile('content/dataset.ndjson')
const groups = parseNdjson(readFileSync(file, 'utf8'), file)
  .filter((d) => d._type === 'metricGroup')
  .map((d) => (d.slug as { current: string }).current)
const en = locales.find((l) => l.id === 'en')!

describe('embed heights', () => {
  it('are measured for every chart in both languages', () => {
    for (const l of locales) expect(Object.keys((measured as Record<string, Record<string, number>>)[l.id] ?? {}).sort(), l.id).toEqual([...groups].sort())
  })

  it('give each frame its measured height plus the margin, and an unmeasured chart the tallest frame', () => {
    const heights = { en: { a: 500, b: 900 } }
    expect(embedHeight(en, 'a', heights)).toBe(frameHeight(500))
    expect(frameHeight(500)).toBeGreaterThan(500)
    expect(frameHeight(500) % 10).toBe(0)
    expect(embedHeight(en, 'new-chart', heights)).toBe(frameHeight(900))
    expect(embedHeight(en, 'x', {})).toBeGreaterThanOrEqual(1200)
  })
})

describe('embed code', () => {
  it('is one iframe with the page address, an escaped title and the height', () => {
    const code = embedCode(en, groups[0]!, 'A "quoted" <title> & more', new URL('https://example.org/'))
    expect(code).toBe(
      `<iframe src="https://example.org/en/embed/${groups[0]}/" title="A &quot;quoted&quot; &lt;title> &amp; more" width="100%" height="${embedHeight(en, groups[0]!)}" loading="lazy" style="border:0"></iframe>`,
    )
  })
})
