/**
 * A bound on the pages the preview server renders at once. Rendering is CPU work in one
 * process: past a few at a time, more only make every editor wait longer. Requests beyond
 * `concurrency` wait in line; when the line is full, or a request waited `maxWaitMs` for a
 * turn, it is answered 503 "the preview server is busy" with Retry-After: the server is the
 * bottleneck, not Sanity, and the page says so.
 */
import { errorPage } from './error-page.ts'

export interface RenderGateOptions {
  /** Pages rendered at once. */
  concurrency: number
  /** Requests that may wait for a turn; one more is told to come back. */
  maxQueued: number
  /** The longest a request waits for its turn. */
  maxWaitMs: number
}

/** The server cannot take this request now: `reason` says why, for the page. */
export class ServerBusy extends Error {
  readonly reason: 'queue-full' | 'wait-timeout'
  constructor(reason: 'queue-full' | 'wait-timeout') {
    super(reason === 'queue-full' ? 'Too many pages are being rendered at once.' : 'The page waited too long for its turn to render.')
    this.reason = reason
  }
}

export function createRenderGate(options: RenderGateOptions) {
  let active = 0
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active -= 1
  }
  const turn = () =>
    new Promise<void>((resolve, reject) => {
      if (active < options.concurrency) {
        active += 1
        return resolve()
      }
      if (waiting.length >= options.maxQueued) return reject(new ServerBusy('queue-full'))
      // The slot passes straight from the request that ends to the next one (`active` stays).
      const go = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(go), 1)
        reject(new ServerBusy('wait-timeout'))
      }, options.maxWaitMs)
      waiting.push(go)
    })
  return {
    /** Runs `render` in its turn; throws {@link ServerBusy} when it gets none. */
    async run<T>(render: () => Promise<T>): Promise<T> {
      await turn()
      try {
        return await render()
      } finally {
        release()
      }
    },
    /** Pages rendering and waiting now. */
    load: () => ({ active, waiting: waiting.length }),
  }
}

/** Seconds an editor is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5

/** The 503 page for a request the server had no turn for. */
export function busyPage(error: ServerBusy): Response {
  const response = errorPage(
    503,
    'The preview server is busy · 預覽伺服器忙碌中',
    `${error.message} Sanity is not the cause: this preview server is rendering as many pages as it can.`,
    `Reload this page in a few seconds. If it happens often, the preview server needs more CPU or fewer editors at once.`,
  )
  response.headers.set('retry-after', String(RETRY_AFTER_SECONDS))
  return response
}

/** Runs `handle` through `gate`; a request it had no turn for gets {@link busyPage}. */
export async function throughGate(gate: ReturnType<typeof createRenderGate>, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await gate.run(handle)
  } catch (error) {
    if (error instanceof ServerBusy) return busyPage(error)
    throw error
  }
}
