import type { DocumentActionComponent, DocumentActionsContext, NewDocumentOptionsContext, Template, TemplateItem } from 'sanity'
import { singletons, singletonTypes } from '../schemas'
import { label } from '../schemas/lib/label'

/**
 * Singletons (site settings, the policy, the accessibility statement) live on fixed ids: one of each, opened from the
 * structure, never created, duplicated, unpublished or deleted by editors. These functions are
 * the Studio config hooks that enforce it; they are pure so the tests call them directly.
 */

/** One singleton document: its type, its fixed id and its title in the structure. */
export interface SingletonItem {
  type: keyof typeof singletons
  id: string
  title: string
}

/** The singletons, in the order they appear at the top of the Structure tool. */
export const singletonItems: readonly SingletonItem[] = [
  { type: 'siteSettings', id: singletons.siteSettings, title: label('網站設定', 'Site settings') },
  { type: 'policy', id: singletons.policy, title: label('政策', 'Policy') },
  { type: 'accessibilityStatement', id: singletons.accessibilityStatement, title: label('無障礙聲明', 'Accessibility statement') },
]

/** The key of our "Open on the site" action (see studio/actions/openOnSite.tsx). */
export const OPEN_ON_SITE = 'openOnSite'

/** The key of "Publish with change note" (see studio/actions/publishWithChangeNote.tsx). */
export const PUBLISH_WITH_CHANGE_NOTE = 'publishWithChangeNote'

/**
 * The actions a singleton keeps: publish (also with a change note), discard changes, restore
 * (from history) and "Open on the site". Delete, duplicate and unpublish are gone: the site
 * needs the document.
 */
export const singletonActionKeys: ReadonlySet<string> = new Set(['publish', PUBLISH_WITH_CHANGE_NOTE, 'discardChanges', 'restore', OPEN_ON_SITE])

/** Whether an action may appear on a singleton (actions without a key are dropped too). */
export function isAllowedOnSingleton(action: Pick<DocumentActionComponent, 'action'>): boolean {
  return typeof action.action === 'string' && singletonActionKeys.has(action.action)
}

/**
 * `document.actions`: adds `extra` (e.g. "Open on the site") to every type, then strips
 * singletons down to {@link singletonActionKeys}.
 */
export function resolveDocumentActions(
  prev: DocumentActionComponent[],
  context: Pick<DocumentActionsContext, 'schemaType'>,
  extra: DocumentActionComponent[] = [],
): DocumentActionComponent[] {
  const all = [...prev, ...extra.filter((action) => !prev.includes(action))]
  return singletonTypes.has(context.schemaType) ? all.filter(isAllowedOnSingleton) : all
}

/**
 * Templates for the `schema.templates` hook: none for singletons, so no "Create new" anywhere
 * (global create menu, lists, reference fields).
 */
export function filterTemplates<T extends Pick<Template, 'schemaType'>>(prev: T[]): T[] {
  return prev.filter((template) => !singletonTypes.has(template.schemaType))
}

/**
 * `document.newDocumentOptions`: the "Create" menus never offer a singleton, in any context,
 * and the global menu does not offer templates that need parameters (`parameterized`, e.g.
 * "Metric citing this source", which only makes sense inside a source's list).
 */
export function filterNewDocumentOptions(
  prev: TemplateItem[],
  context: Pick<NewDocumentOptionsContext, 'creationContext'>,
  parameterized: ReadonlySet<string> = new Set(),
): TemplateItem[] {
  return prev.filter((item) => {
    if (singletonTypes.has(item.templateId) || singletonTypes.has(templateType(item))) return false
    return !(context.creationContext.type === 'global' && parameterized.has(item.templateId))
  })
}

/** The schema type of a template item when it carries one (Sanity adds `schemaType` at runtime). */
function templateType(item: TemplateItem): string {
  const type = (item as TemplateItem & { schemaType?: unknown }).schemaType
  return typeof type === 'string' ? type : item.templateId
}
