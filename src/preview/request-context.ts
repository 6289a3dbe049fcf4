/**
 * What one request to the preview server adds to a render besides its views (those are in
 * src/content/render-views.ts, which the middleware fills too): whether draft mode is on, the
 * validation problems of the drafts the page shows, and click-to-edit targets. The middleware
 * runs each page inside {@link runInPreview}; the static build never does, so
 * {@link currentPreview} is undefined there and every page renders as before.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { ContentIssue } from '../content/content-error.ts'

/** A `data-sanity` attribute for a field of a document, in draft mode. */
export type DataAttribute = (doc: { id: string; type: string }, path: string) => string

export interface PreviewRequest {
  draftMode: boolean
  /** Validation errors of the drafts shown on this page (draft mode only). */
  issues: ContentIssue[]
  /** Present in draft mode: click-to-edit targets for values that are not text (figures, charts). */
  dataAttribute?: DataAttribute
}

const storage = new AsyncLocalStorage<PreviewRequest>()

/** Runs `render` with `request` as the current preview request. */
export function runInPreview<T>(request: PreviewRequest, render: () => Promise<T>): Promise<T> {
  return storage.run(request, render)
}

/** The current preview request, or undefined (the static build, or outside a request). */
export function currentPreview(): PreviewRequest | undefined {
  return storage.getStore()
}

/** `{ 'data-sanity': … }` for a field in draft mode, else nothing: spread it onto an element. */
export function editTarget(doc: { id: string; type: string }, path: string): Record<string, string> {
  const make = currentPreview()?.dataAttribute
  return make ? { 'data-sanity': make(doc, path) } : {}
}
