import { useState } from 'react'
import { useClient, useDocumentOperation, type DocumentActionComponent } from 'sanity'
import { PublishIcon } from '@sanity/icons'
import { locales, type LocaleId } from '../../schemas/locales'
import { createChangeNote, missingFields } from '../lib/changeNote'
import { PUBLISH_WITH_CHANGE_NOTE } from '../singletons'

declare module 'sanity' {
  interface DocumentActionKeys {
    publishWithChangeNote: never
  }
}

type Texts = Partial<Record<LocaleId, string>>
const field = { display: 'block', width: '100%', marginTop: '0.25rem', padding: '0.5rem', font: 'inherit', boxSizing: 'border-box' } as const
const label = { display: 'block', marginTop: '0.75rem', fontWeight: 600 } as const

/**
 * "Publish with change note": on a change to a document that is already published, the
 * editor writes what changed (title and note in every language, major or minor); the action
 * creates the `update` document through the Studio's client, then publishes the change. The
 * site lists the update on /{lang}/updates/, in the feeds and, when major, on the pages it concerns.
 */
export const PublishWithChangeNoteAction: DocumentActionComponent = (props) => {
  const { publish } = useDocumentOperation(props.id, props.type)
  const client = useClient({ apiVersion: '2025-02-19' })
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState<Texts>({})
  const [note, setNote] = useState<Texts>({})
  const [major, setMajor] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  // The dialog is drawn from this action's description, which the Studio refreshes a moment after
  // each change: the handlers may hold an older render's state, so every update builds on the
  // state React has now.

  // Only a change to something already published has something to note; updates note themselves.
  if (!props.published || !props.draft || props.type === 'update') return null
  const missing = missingFields({ title, note })

  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await createChangeNote(client, { documentId: props.id, title, note, major })
      publish.execute()
      setOpen(false)
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return {
    label: 'Publish with change note',
    icon: PublishIcon,
    disabled: Boolean(publish.disabled) || busy,
    title: publish.disabled ? 'Nothing to publish yet.' : 'Publish, and tell readers what changed (Updates page, feeds, the page itself when major)',
    onHandle: () => setOpen(true),
    dialog: open
      ? {
          type: 'dialog',
          header: 'Publish with change note · 發布並撰寫更新說明',
          onClose: () => setOpen(false),
          content: (
            <form
              data-testid="change-note-form"
              onSubmit={(event) => {
                event.preventDefault()
                void submit()
              }}
            >
              {locales.map((l) => (
                <div key={l.id}>
                  <label style={label} htmlFor={`change-title-${l.id}`}>
                    Title · {l.label} ({l.tag})
                  </label>
                  <input
                    id={`change-title-${l.id}`}
                    lang={l.htmlLang}
                    style={field}
                    value={title[l.id] ?? ''}
                    onChange={(e) => {
                      const value = e.target.value
                      setTitle((old) => ({ ...old, [l.id]: value }))
                    }}
                  />
                  <label style={label} htmlFor={`change-note-${l.id}`}>
                    What changed · {l.label} ({l.tag})
                  </label>
                  <textarea
                    id={`change-note-${l.id}`}
                    lang={l.htmlLang}
                    rows={3}
                    style={field}
                    value={note[l.id] ?? ''}
                    onChange={(e) => {
                      const value = e.target.value
                      setNote((old) => ({ ...old, [l.id]: value }))
                    }}
                  />
                </div>
              ))}
              <label style={{ ...label, fontWeight: 400 }}>
                <input type="checkbox" checked={major} onChange={(e) => setMajor(e.target.checked)} /> Major change: list it on the pages it concerns · 重大更新
              </label>
              {error && (
                <p role="alert" style={{ color: '#b3261e' }}>
                  {error}
                </p>
              )}
              <button type="submit" disabled={busy || missing.length > 0} style={{ marginTop: '1rem', padding: '0.5rem 1rem', font: 'inherit' }}>
                {busy ? 'Publishing…' : 'Create the note and publish'}
              </button>
              {missing.length > 0 && <p style={{ opacity: 0.75 }}>Still needed: {missing.join(', ')}</p>}
            </form>
          ),
        }
      : null,
  }
}
PublishWithChangeNoteAction.action = PUBLISH_WITH_CHANGE_NOTE
PublishWithChangeNoteAction.displayName = 'PublishWithChangeNoteAction'
