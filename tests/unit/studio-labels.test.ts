/**
 * The Studio speaks Chinese first: every label the schema gives editors (type, field, group,
 * fieldset, option and ordering titles, descriptions) is "中文 · English", walked over the
 * compiled schema as the Studio sees it. Labels Sanity adds to its own types (an image's
 * hotspot, a block's indentation) are not ours to write and are left out.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { schemaTypes } from '../../schemas'
import { label, LABEL_SEPARATOR } from '../../schemas/lib/label'
import { loadValidation } from '../support/studio-validation'

interface Compiled {
  name: string
  title?: string
  description?: unknown
  jsonType?: string
  type?: Compiled
  fields?: { name: string; type: Compiled }[]
  of?: Compiled[]
  options?: { list?: unknown[] }
  groups?: { name: string; title?: string }[]
  fieldsets?: { single?: boolean; name?: string; title?: string }[]
  orderings?: { name: string; title?: string }[]
  decorators?: { title?: string }[]
}

/** Fields Sanity declares on its own types: their titles are Sanity's, not the schema's. */
const SANITY_FIELDS: Record<string, ReadonlySet<string>> = {
  image: new Set(['asset', 'media', 'hotspot', 'crop']),
  slug: new Set(['current', 'source']),
  reference: new Set(['_ref', '_weak', '_key', '_strengthenOnPublish']),
  block: new Set(['children', 'level']),
  span: new Set(['marks', 'text']),
}

const HAN = /\p{Script=Han}/u

/** Why a label is not "中文 · English" with Chinese first; undefined when it is. */
function labelProblem(text: unknown, { title }: { title: boolean }): string | undefined {
  if (typeof text !== 'string') return `not a text: ${String(text)}`
  const at = text.indexOf(LABEL_SEPARATOR)
  if (at < 0) return `no separator "${LABEL_SEPARATOR}" between Chinese and English`
  const [zh, en] = [text.slice(0, at), text.slice(at + LABEL_SEPARATOR.length)]
  if (!HAN.test(zh)) return 'no Chinese before the separator'
  if (!/[A-Za-z]/.test(en)) return 'no English after the separator'
  // A title starts with Chinese; a description may start with a format such as "YYYY-MM".
  if (title && !HAN.test(text.match(/\p{L}/u)?.[0] ?? '')) return 'does not start with Chinese'
  return undefined
}

function rootName(type: Compiled): string {
  let current: Compiled | undefined = type
  while (current?.type) current = current.type
  return current?.name ?? type.name
}

/** The Sanity type a type is or extends whose own fields are Sanity's (slug, image, …), if any. */
function sanityFieldsOf(type: Compiled): ReadonlySet<string> {
  for (let current: Compiled | undefined = type; current; current = current.type) {
    const own = SANITY_FIELDS[current.name]
    if (own) return own
  }
  return new Set()
}

/** Every editor-facing label of the schema's own types, as `[where, text, isTitle]`. */
function collectLabels(schema: { get(name: string): Compiled | undefined }): [string, unknown, boolean][] {
  const out: [string, unknown, boolean][] = []
  const ours = new Set(schemaTypes.map((t) => t.name))
  const seen = new Set<Compiled>()
  const optionTitles = (type: Compiled, where: string) => {
    for (const option of type.options?.list ?? []) {
      out.push([`${where} option ${JSON.stringify((option as { value?: unknown }).value ?? option)}`, (option as { title?: unknown }).title ?? option, true])
    }
  }
  const walk = (type: Compiled, where: string) => {
    if (seen.has(type)) return
    seen.add(type)
    optionTitles(type, where)
    for (const g of type.groups ?? []) out.push([`${where} group ${g.name}`, g.title, true])
    for (const f of (type.fieldsets ?? []).filter((f) => !f.single)) out.push([`${where} fieldset ${f.name}`, f.title, true])
    // Sanity guesses orderings for object types (never shown); documents' orderings are the sort menu.
    if (type.jsonType === 'object' && rootName(type) === 'document') for (const o of type.orderings ?? []) out.push([`${where} ordering ${o.name}`, o.title, true])
    for (const d of type.decorators ?? []) out.push([`${where} decorator`, d.title, true])
    const sanityOwn = sanityFieldsOf(type)
    for (const field of type.fields ?? []) {
      const at = `${where}.${field.name}`
      if (rootName(type) === 'block' && (field.name === 'style' || field.name === 'listItem')) {
        optionTitles(field.type, at) // the block's own fields: only the options are ours
        continue
      }
      if (rootName(type) === 'block' && field.name === 'markDefs') {
        for (const member of field.type.of ?? []) visit(member, `${at}[${member.name}]`)
        continue
      }
      if (sanityOwn.has(field.name)) {
        if (field.name === 'children') for (const span of field.type.of ?? []) walk(span, `${at}[]`)
        continue
      }
      visit(field.type, at)
    }
    for (const member of type.of ?? []) {
      if (rootName(member) === 'block') walk(member, `${where}[block]`)
      else visit(member, `${where}[${member.name}]`)
    }
  }
  // A field of one of the schema's named types (a localeString field) is checked for its own
  // title and description; the named type's inside is walked once, from its own name.
  const visit = (type: Compiled, where: string, root = false) => {
    out.push([where, type.title, true])
    if (type.description !== undefined) out.push([`${where} description`, type.description, false])
    if (root || !ours.has(type.name)) walk(type, where)
  }
  for (const name of ours) visit(schema.get(name)!, name, true)
  return out
}

describe('the Studio speaks Chinese first', () => {
  let labels: [string, unknown, boolean][]
  beforeAll(async () => {
    const { schema } = await loadValidation()
    labels = collectLabels(schema as { get(name: string): Compiled | undefined })
  }, 60_000)

  it('finds the labels it checks: types, fields, groups, options, orderings, Portable Text styles', () => {
    const where = labels.map(([w]) => w)
    for (const expected of [
      'metric',
      'metric.value',
      'metric.comparator option "about"',
      'policy group brief',
      'industry ordering orderRank',
      'portableText[block].style option "h3"',
      'portableText[block].children[] decorator',
      'portableText[block].markDefs[link].href',
      'siteSettings.socialImage.alt',
      'glossaryTerm.aliases[string]',
    ]) {
      expect(where, expected).toContain(expected)
    }
    expect(where).not.toContain('siteSettings.socialImage.hotspot')
    expect(labels.length).toBeGreaterThan(150)
  })

  it('every type, field, group, option and ordering title is "中文 · English", Chinese first', () => {
    const problems = labels
      .filter(([, text, title]) => title && labelProblem(text, { title }))
      .map(([w, text]) => `${w}: ${JSON.stringify(text)} (${labelProblem(text, { title: true })})`)
    expect(problems).toEqual([])
  })

  it('every description is Chinese, then English', () => {
    const problems = labels.filter(([, text, title]) => !title && labelProblem(text, { title })).map(([w, text]) => `${w}: ${JSON.stringify(text)}`)
    expect(problems).toEqual([])
  })

  it('the check itself tells English-only, English-first and separator-less labels apart', () => {
    expect(labelProblem(label('名稱', 'Name'), { title: true })).toBeUndefined()
    expect(labelProblem('Name', { title: true })).toMatch(/separator/)
    expect(labelProblem('Name · 名稱', { title: true })).toMatch(/Chinese/)
    expect(labelProblem('名稱 Name', { title: true })).toMatch(/separator/)
    expect(labelProblem('名稱 · 名字', { title: true })).toMatch(/English/)
    expect(labelProblem('YYYY-MM：日期 · A date', { title: false })).toBeUndefined()
    expect(labelProblem('YYYY-MM：日期 · A date', { title: true })).toMatch(/start with Chinese/)
  })
})
