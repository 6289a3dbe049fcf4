/**
 * A hostile copy of the embedded dataset (content/dataset.ndjson): every text an editor can
 * write holds markup, spreadsheet formulas, braces and backslashes, line and paragraph
 * separators and bidirectional marks, while everything the rules check for form (ids, slugs,
 * URLs, dates, numbers, units, references, keys) stays as it was, so the dataset passes the
 * project's validation and builds. What the site makes of it shows whether content stays
 * data everywhere: in HTML, XML, JSON and CSV.
 *
 * Texts are: both languages of every localized string and text, every Portable Text span,
 * glossary aliases and source abbreviations. Translations get fresh provenance records, so
 * none reads as stale (the hostile text is the content, not a pending translation).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { recordMissingProvenance } from '../../src/content/translations/record.ts'
import { PROVENANCE_FIELD } from '../../schemas/lib/provenance.ts'
import { projectFile } from './project.ts'
import { runScript } from './live-run.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Doc = { _id: string; _type: string; [field: string]: Json }

/** Markup that would become elements, close the element it is in, or end a CDATA section. */
export const HOSTILE_MARKUP = `<script>alert(1)</script> "><img src=x onerror=alert(1)> </title> ]]> <!-- --> &amp; &lt;`
/** Starts of a cell that spreadsheets read as a formula (one per text, in turn). */
export const FORMULA_LEADS = ['=HYPERLINK("http://evil.example","x")', '+1', '-1', '@SUM(A1)', '\t=1+1'] as const
/**
 * Braces and backslashes (templates, BibTeX, JSON), a line and a paragraph separator (they
 * end a JavaScript string literal in older engines), a right-to-left override and mark, and
 * the control characters validation allows: tab, line feed, carriage return (others are
 * errors: schemas/lib/validation.ts `noControlCharacters`).
 */
export const HOSTILE_PUNCTUATION = '} { \\ \\" {x} $& \u2028 \u2029 \u202Eevil\u202C \u200F a\tb\nc\r\nd'
/** The industry name the search tests look for: it must show as this very text. */
export const HOSTILE_INDUSTRY = 'x"><img src=x onerror=alert(1)>'

/** Languages of a localized object (`{_type, zhTW, en, provenance, sourceLocale}`). */
const LANGUAGE_KEYS = ['zhTW', 'en'] as const
const LOCALIZED_TYPES = new Set(['localeString', 'localeText', 'localePortableText'])

/** Makes one text hostile; `n` picks the formula lead so that every lead occurs. */
function hostile(text: string, n: number): string {
  return `${FORMULA_LEADS[n % FORMULA_LEADS.length]} ${text} ${HOSTILE_MARKUP} ${HOSTILE_PUNCTUATION}`
}

/** Walks `value`, making every text hostile in place (`inText`: the strings of this array are texts); counts them in `counter`. */
function poison(value: Json, counter: { n: number }, inText = false): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (inText && typeof item === 'string') value[i] = hostile(item, counter.n++)
      else poison(item, counter, inText)
    })
    return
  }
  if (!value || typeof value !== 'object') return
  const type = value._type
  if (type === 'span' && typeof value.text === 'string') value.text = hostile(value.text, counter.n++)
  if (typeof type === 'string' && LOCALIZED_TYPES.has(type)) {
    delete value[PROVENANCE_FIELD]
    for (const lang of LANGUAGE_KEYS) {
      const text = value[lang]
      if (typeof text === 'string') value[lang] = hostile(text, counter.n++)
      else poison(text ?? null, counter)
    }
    return
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === PROVENANCE_FIELD) continue
    poison(child, counter)
  }
}

/** The hostile dataset as documents, with the industry `industrySlug`'s name set to {@link HOSTILE_INDUSTRY} in both languages. */
export function hostileDataset(industrySlug = 'cybersecurity'): { docs: Doc[]; texts: number } {
  const lines = readFileSync(projectFile('content/dataset.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
  const docs = lines.map((l) => JSON.parse(l) as Doc)
  const counter = { n: 0 }
  for (const doc of docs) {
    poison(doc, counter)
    if (doc._type === 'glossaryTerm' && Array.isArray(doc.aliases)) poison(doc.aliases, counter, true)
    if (doc._type === 'source' && typeof doc.abbreviation === 'string') doc.abbreviation = hostile(doc.abbreviation, counter.n++)
    const slug = (doc.slug as { current?: string } | undefined)?.current
    if (doc._type === 'industry' && slug === industrySlug) {
      const name = doc.name as Record<string, Json>
      for (const lang of LANGUAGE_KEYS) name[lang] = `${HOSTILE_INDUSTRY} ${HOSTILE_PUNCTUATION}`
    }
  }
  recordMissingProvenance(docs, '2026-01-01T00:00:00.000Z')
  return { docs, texts: counter.n }
}

/** Writes the hostile dataset as NDJSON to `file` (for `CONTENT_FILE`); returns how many texts are hostile. */
export function writeHostileDataset(file: string, industrySlug?: string): number {
  const { docs, texts } = hostileDataset(industrySlug)
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
  return texts
}

export interface HostileSite {
  /** The built site. */
  dir: string
  /** How many texts of the dataset are hostile. */
  texts: number
  /** Removes the dataset and the site. */
  remove(): void
}

/**
 * Builds the hostile dataset with the real pipeline (`scripts/build.ts --out`, as `npm run
 * build` does, with `CONTENT_FILE`) into a temporary folder; a failed build throws with its
 * output, since the dataset is meant to pass validation.
 */
export async function buildHostileSite(): Promise<HostileSite> {
  const scratch = mkdtempSync(join(tmpdir(), 'hostile-site-'))
  const remove = () => rmSync(scratch, { recursive: true, force: true })
  const file = join(scratch, 'hostile.ndjson')
  const texts = writeHostileDataset(file)
  const dir = join(scratch, 'site')
  const run = await runScript('scripts/build.ts', ['--out', dir, '--report', join(scratch, 'report.json')], { CONTENT_FILE: file }, 600_000)
  if (run.code !== 0) {
    remove()
    throw new Error(`The hostile dataset did not build (exit ${run.code}); it must pass validation:\n${(run.stdout + run.stderr).trim().split('\n').slice(-40).join('\n')}`)
  }
  return { dir, texts, remove }
}
