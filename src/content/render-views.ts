/**
 * The views a render reads, in one place. Every page asks {@link getSiteViews}; who fills it
 * depends on who renders:
 * - the static build (`npm run build`, `npm run dev`) writes the views to a snapshot file named
 *   in CONTENT_SNAPSHOT: read once per process. `npm run build` starts Astro while it still
 *   loads and checks the content (CONTENT_SNAPSHOT_PENDING=1): the first page then waits for
 *   the file to appear (it is written whole, by a rename);
 * - the preview server loads views per request and renders the page inside
 *   {@link withViews}, so concurrent requests never see each other's content.
 * Outside both there is nothing to render from, and asking is an error that names the fix.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { existsSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import type { LocaleId } from '../../schemas/locales.ts'
import { HintedError } from './content-error.ts'
import type { SiteView, SiteViews } from './views.ts'

/** The environment variable through which the build tells Astro where the snapshot is. */
export const SNAPSHOT_VARIABLE = 'CONTENT_SNAPSHOT'
/**
 * Set to 1 by the build when the snapshot is still being made: wait for it. No limit on the
 * wait: a build whose content fails stops Astro, and a build that dies takes Astro with it
 * (scripts/lib/tool-guard.mjs).
 */
export const SNAPSHOT_PENDING_VARIABLE = 'CONTENT_SNAPSHOT_PENDING'
/** How often a pending snapshot is looked for. */
const PENDING_POLL_MS = 20

/** What the build writes for Astro: every locale's view. */
export interface ContentSnapshot {
  views: SiteViews
}

const current = new AsyncLocalStorage<SiteViews>()

/** Runs `render` with `views` as the views of everything it renders (the preview server, per request). */
export function withViews<T>(views: SiteViews, render: () => Promise<T>): Promise<T> {
  return current.run(views, render)
}

async function readSnapshot(file: string, pending: boolean): Promise<SiteViews> {
  while (pending && !existsSync(file)) await sleep(PENDING_POLL_MS)
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as ContentSnapshot).views
  } catch (error) {
    throw new HintedError(
      `The content snapshot ${file} could not be read: ${(error as Error).message}.`,
      `${SNAPSHOT_VARIABLE} is set by npm run build and npm run dev for their own Astro run; unset it and start Astro through one of them.`,
    )
  }
}

let snapshot: { file: string; views: Promise<SiteViews> } | undefined

/**
 * Every locale's view for the render under way: the request's (preview server), else the
 * snapshot's (read once per file).
 * @throws HintedError when there is neither, naming the commands that provide one.
 */
export function getSiteViews(): Promise<SiteViews> {
  const request = current.getStore()
  if (request) return Promise.resolve(request)
  const file = process.env[SNAPSHOT_VARIABLE]?.trim()
  if (!file) {
    return Promise.reject(
      new HintedError(
        `No content to render: ${SNAPSHOT_VARIABLE} is not set and no preview request is under way.`,
        'Start the site with npm run dev or npm run build (they load, validate and snapshot the content first), or the preview server with npm run preview:live.',
        'content.no-views',
      ),
    )
  }
  if (snapshot?.file !== file) {
    const views = readSnapshot(file, process.env[SNAPSHOT_PENDING_VARIABLE] === '1')
    snapshot = { file, views }
  }
  return snapshot.views
}

/** The view of one locale. */
export async function getSiteView(locale: LocaleId): Promise<SiteView> {
  return (await getSiteViews())[locale]
}
