/**
 * The change note an editor writes when publishing a change to a published document: the
 * `update` document it becomes, and its creation through the Studio's client. Pure apart from
 * the client it is given, so a test runs it with a real @sanity/client against a fake API.
 */
import type { SanityClient } from '@sanity/client'
import { locales, type LocaleId } from '../../schemas/locales'

/** What the editor writes in the dialog. */
export interface ChangeNoteInput {
  /** The published id of the document that changed. */
  documentId: string
  title: Partial<Record<LocaleId, string>>
  note: Partial<Record<LocaleId, string>>
  major: boolean
}

/** Why a change note cannot be created yet (empty when it can), for the dialog. */
export function missingFields(input: Pick<ChangeNoteInput, 'title' | 'note'>): string[] {
  return locales.flatMap((l) => [...(input.title[l.id]?.trim() ? [] : [`title (${l.tag})`]), ...(input.note[l.id]?.trim() ? [] : [`note (${l.tag})`])])
}

/** The `update` document for a change note, published at `now`. */
export function changeNoteDocument(input: ChangeNoteInput, now: Date, id: string) {
  const text = (values: Partial<Record<LocaleId, string>>, type: string) => ({ _type: type, ...Object.fromEntries(locales.map((l) => [l.id, values[l.id]?.trim() ?? ''])) })
  return {
    _id: id,
    _type: 'update' as const,
    date: now.toISOString(),
    title: text(input.title, 'localeString'),
    note: text(input.note, 'localeText'),
    documents: [{ _type: 'reference' as const, _key: 'changed', _ref: input.documentId.replace(/^drafts\./, '') }],
    significance: input.major ? ('major' as const) : ('minor' as const),
  }
}

/**
 * Creates the update, published (the dialog asks for every language, so it is complete).
 * Throws, naming what is missing, before anything is sent.
 */
export async function createChangeNote(
  client: Pick<SanityClient, 'create'>,
  input: ChangeNoteInput,
  now = new Date(),
  id = `update-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
) {
  const missing = missingFields(input)
  if (missing.length > 0) throw new Error(`The change note needs: ${missing.join(', ')}.`)
  return client.create(changeNoteDocument(input, now, id))
}
