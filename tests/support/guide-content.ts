/**
 * The content behind the editors' guide's pictures: the embedded dataset as a connected
 * project's Content Lake holds it (every document with a revision), plus what each task needs
 * on screen: a new figure not yet published, a glossary term whose Chinese changed after its
 * English was confirmed, and a published term with a draft to publish with a change note.
 */
import { provenanceRecord } from '../../schemas/lib/provenance'
import type { StudioDocument } from './studio-fake-api'

/** A project id of the test's own: set, so the Studio is built as a connected one. */
export const GUIDE_PROJECT = 'guide-test'
export const GUIDE_DATASET = 'production'

/** "Add a figure": a new metric, filled in, still a draft. Clearly an example, not a figure of the brief. */
export const NEW_METRIC = {
  _id: 'drafts.metric-guide-example',
  _type: 'metric',
  _createdAt: '2026-12-01T02:00:00Z',
  _updatedAt: '2026-12-01T02:00:00Z',
  // Written in both languages at once: the English starts up to date, as the Studio records it.
  label: {
    _type: 'localeString',
    zhTW: '範例數據（說明用）',
    en: 'An example figure (for this guide)',
    provenance: { _type: 'translationProvenance', en: provenanceRecord('範例數據（說明用）', '2026-12-01T02:00:00.000Z') },
  },
  slug: { _type: 'slug', current: 'guide-example' },
  value: 400_000_000_000,
  comparator: 'about',
  unit: 'currency',
  currency: 'TWD',
  asOf: '2024',
  source: { _type: 'reference', _ref: 'source-itis-2020-04' },
} satisfies StudioDocument

/** "Fix a stale translation": this term's Chinese definition gained a clause after the English was confirmed. */
export const STALE_TERM = 'glossaryTerm-dram'
const STALE_ADDITION = '，在臺灣設有生產基地'

/** "Publish with a change note": a published term with an unpublished change. */
export const CHANGED_TERM = 'glossaryTerm-5g'

/** The dataset with revisions, the stale term, the draft of the changed term and the new metric. */
export function guideDocuments(dataset: StudioDocument[]): StudioDocument[] {
  const documents: StudioDocument[] = dataset.map((d) => ({ ...d, _rev: `${d._id}-r1` }))
  const stale = documents.find((d) => d._id === STALE_TERM)
  const changed = documents.find((d) => d._id === CHANGED_TERM)
  if (!stale || !changed) throw new Error(`The guide's pictures need ${STALE_TERM} and ${CHANGED_TERM} in content/dataset.ndjson`)
  const definition = stale.definition as { zhTW: string }
  if (!definition.zhTW.endsWith('廠。')) throw new Error(`${STALE_TERM}: its Chinese definition changed; update the guide's stale example`)
  stale.definition = { ...definition, zhTW: `${definition.zhTW.slice(0, -1)}${STALE_ADDITION}。` }
  const draft = { ...changed, _id: `drafts.${CHANGED_TERM}`, definition: { ...(changed.definition as object), en: 'Changed in a draft.' } }
  return [...documents, draft, NEW_METRIC]
}
