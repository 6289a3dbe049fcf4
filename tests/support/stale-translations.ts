/**
 * Stale translations of every kind, made in a copy of the embedded dataset, for the build
 * tests of the pages (tests/build/site-translations.test.ts): the Chinese changed after the
 * English was confirmed in a plain text, a Portable Text block, a list item and a point;
 * a Chinese block the English lacks and an English block the Chinese lacks; and a title
 * written first in English whose English changed (its Chinese translation is then stale).
 */
import { provenanceRecord } from '../../schemas/lib/provenance.ts'

type Doc = Record<string, any>

const span = (key: string, text: string) => ({ _type: 'span', _key: key, marks: [], text })
const block = (key: string, text: string) => ({ _type: 'block', _key: key, style: 'normal', markDefs: [], children: [span('s1', text)] })

/** Applies the changes in place; `byId` finds a document of the copy. */
export function makeStale(byId: (id: string) => Doc): void {
  const digital = byId('industry-information-and-digital')
  digital.summary.zhTW = `${digital.summary.zhTW}（內容已更新）`
  digital.body.zhTW[1].children[0].text = `${digital.body.zhTW[1].children[0].text}（補充說明）`
  digital.directions[1].zhTW = `${digital.directions[1].zhTW}（修訂）`

  const green = byId('industry-green-and-renewable-energy')
  // A new Chinese block after the first one, and an English block the Chinese does not have.
  green.body.zhTW.splice(1, 0, block('zh-only', '這是新加入、尚未翻譯的一段。'))
  green.body.en.push(block('en-only', 'A closing paragraph that only the English has.'))

  byId('section-supply-chain-trends').points[0].title.zhTW += '（新）'

  // Written first in English: the Chinese is the translation, confirmed against the old English.
  const title = byId('section-taiwan-advantages').title
  title.sourceLocale = 'en'
  title.provenance = { _type: 'translationProvenance', zhTW: provenanceRecord(title.en, title.provenance.en.confirmedAt) }
  title.en = "Taiwan's five strengths"
}
