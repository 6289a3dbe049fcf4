/**
 * Migration: the site's first change note and its reuse terms, added to
 * content/dataset.ndjson if they are missing (running it again changes nothing; a value an
 * editor has changed since is left alone).
 *
 * - `update-first-publication`: the site's first publication, dated by the commit that first
 *   added the site's pages to this repository (f78a39f, "Site: Base layout …, home, root
 *   language picker, 404", committed 2026-11-27T16:01:37Z). It concerns the whole site (Site
 *   settings) and is major, so every page lists it under "What changed".
 * - Site settings `licence`: the reuse terms the site already states on its figures page
 *   ("free to reuse with attribution"), now a field so that downloads and citations carry them.
 *
 * Usage: node scripts/migrations/first-publication.ts [path/to/dataset.ndjson]
 * Then `npm run content:dates` gives new or changed documents their `_updatedAt`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { normalizeDataset, parseNdjson, serializeNdjson } from '../../src/content/ndjson.ts'

const file = resolve(process.argv[2] ?? 'content/dataset.ndjson')

const firstPublication = {
  _id: 'update-first-publication',
  _type: 'update',
  date: '2026-11-27T16:01:37Z',
  significance: 'major',
  title: { _type: 'localeString', zhTW: '網站首次發布', en: 'First publication' },
  note: {
    _type: 'localeText',
    zhTW: '本站第一版上線：以繁體中文與英文解說六大核心戰略產業政策。',
    en: 'The first version of this explainer of the Six Core Strategic Industries policy goes online, in Traditional Chinese and English.',
  },
  documents: [{ _type: 'reference', _key: 'site', _ref: 'siteSettings' }],
}

const licence = { _type: 'localeString', zhTW: '註明來源即可自由使用', en: 'Free to reuse with attribution' }

const documents = parseNdjson(readFileSync(file, 'utf8'), file)
const changed: string[] = []
if (!documents.some((d) => d._id === firstPublication._id)) {
  documents.push(firstPublication)
  changed.push(`added ${firstPublication._id}`)
}
const settings = documents.find((d) => d._id === 'siteSettings')
if (!settings) throw new Error(`${file} has no siteSettings document.`)
if (settings.licence === undefined) {
  settings.licence = licence
  changed.push('added siteSettings.licence')
}

if (changed.length === 0) {
  console.log(`${file}: nothing to do (the first publication and the reuse terms are there).`)
} else {
  writeFileSync(file, serializeNdjson(normalizeDataset(documents)), 'utf8')
  console.log(`${file}: ${changed.join(', ')}. Now run \`npm run content:dates\`.`)
}
