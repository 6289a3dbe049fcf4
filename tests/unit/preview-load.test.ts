/**
 * The preview server's parts that keep it standing under load and hostile links, on their
 * own: the views cache (one load per content revision, shared by concurrent requests, never
 * keeping a failure), the bound on renders with its "busy" page, the same-origin redirect
 * target and the revocable draft-mode cookie.
 */
import { describe, expect, it } from 'vitest'
import { busyPage, createRenderGate, ServerBusy, throughGate } from '../../src/preview/busy'
import type { ContentRevision } from '../../src/preview/changes'
import { draftCookieValue, endAllDraftSessions, isDraftCookie, revokeDraftCookie } from '../../src/preview/draft-mode'
import { sameOriginPath } from '../../src/preview/redirect'
import { cachedLoads } from '../../src/preview/views-cache'

/** A promise and the functions that settle it. */
const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

describe('the views cache', () => {
  const setup = (ttlMs = 1000) => {
    const state: ContentRevision = { revision: 1, live: true }
    let clock = 0
    const loads: string[] = []
    const get = cachedLoads(
      async (key: string) => {
        loads.push(key)
        return `${key}@${state.revision}#${loads.length}`
      },
      () => ({ ...state }),
      { ttlMs, now: () => clock },
    )
    return {
      state,
      loads,
      get,
      tick: (ms: number) => {
        clock += ms
      },
    }
  }

  it('loads once per key and revision, concurrent requests sharing the load', async () => {
    const { loads, get } = setup()
    const answers = await Promise.all([get('drafts'), get('drafts'), get('published'), get('drafts')])
    expect(answers).toEqual(['drafts@1#1', 'drafts@1#1', 'published@1#2', 'drafts@1#1'])
    expect(await get('drafts')).toBe('drafts@1#1')
    expect(loads).toEqual(['drafts', 'published'])
  })

  it('loads again after a change, and after the time limit', async () => {
    const { state, loads, get, tick } = setup()
    await get('drafts')
    state.revision = 2
    expect(await get('drafts')).toBe('drafts@2#2')
    tick(999)
    expect(await get('drafts')).toBe('drafts@2#2')
    tick(1)
    expect(await get('drafts')).toBe('drafts@2#3')
    expect(loads).toHaveLength(3)
  })

  it('without a listener, shares a load only while it runs', async () => {
    const { state, loads, get } = setup()
    state.live = false
    await Promise.all([get('drafts'), get('drafts')])
    await get('drafts')
    expect(loads).toHaveLength(2)
  })

  it('keeps no failure: the next request tries again', async () => {
    let fail = true
    const get = cachedLoads(
      async () => {
        if (fail) throw new Error('down')
        return 'views'
      },
      () => ({ revision: 1, live: true }),
      { ttlMs: 1000 },
    )
    await expect(get('drafts')).rejects.toThrow('down')
    fail = false
    expect(await get('drafts')).toBe('views')
  })
})

describe('the bound on renders', () => {
  it('runs a few at a time, in order, and turns away what the line cannot hold', async () => {
    const gate = createRenderGate({ concurrency: 1, maxQueued: 1, maxWaitMs: 10_000 })
    const first = deferred<string>()
    const order: string[] = []
    const a = gate.run(async () => {
      order.push('a')
      return first.promise
    })
    const b = gate.run(async () => {
      order.push('b')
      return 'b'
    })
    expect(gate.load()).toEqual({ active: 1, waiting: 1 })
    const c = await throughGate(gate, async () => new Response('c'))
    expect(c.status).toBe(503)
    expect(c.headers.get('retry-after')).toMatch(/^\d+$/)
    const page = await c.text()
    expect(page).toContain('The preview server is busy')
    expect(page).toContain('Sanity is not the cause')
    first.resolve('a')
    expect(await Promise.all([a, b])).toEqual(['a', 'b'])
    expect(order).toEqual(['a', 'b'])
    expect(gate.load()).toEqual({ active: 0, waiting: 0 })
  })

  it('answers "busy" to a request that waited too long for its turn, and frees its place', async () => {
    const gate = createRenderGate({ concurrency: 1, maxQueued: 5, maxWaitMs: 20 })
    const first = deferred<void>()
    const a = gate.run(() => first.promise)
    await expect(gate.run(async () => 'late')).rejects.toEqual(new ServerBusy('wait-timeout'))
    expect(gate.load()).toEqual({ active: 1, waiting: 0 })
    first.resolve()
    await a
    expect(await gate.run(async () => 'next')).toBe('next')
  })

  it('a failed render frees its turn', async () => {
    const gate = createRenderGate({ concurrency: 1, maxQueued: 0, maxWaitMs: 10 })
    await expect(gate.run(async () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed')
    expect(await gate.run(async () => 'ok')).toBe('ok')
    expect(busyPage(new ServerBusy('queue-full')).status).toBe(503)
  })
})

describe('the way back after draft mode', () => {
  const base = 'http://preview.example:4322/api/draft-mode/disable/?to=x'
  it.each([
    ['/\t/evil.example/', '/'],
    ['/\r\n/evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['//evil.example', '/'],
    ['/.//evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['http://[::1', '/'],
    [undefined, '/'],
    ['/\u3000/evil.example/', '/%E3%80%80/evil.example/'],
    ['/zh-tw/metrics/?x=1#y', '/zh-tw/metrics/?x=1'],
    ['alert(1)', '/alert(1)'],
    ['http://preview.example:4322/en/?a=b', '/en/?a=b'],
  ])('%j leads to %s', (to, expected) => {
    expect(sameOriginPath(to, base)).toBe(expected)
  })
})

describe('the draft-mode cookie', () => {
  it('is refused once revoked, or once every session ended', () => {
    const [one, two, three] = [draftCookieValue(), draftCookieValue(), draftCookieValue()]
    expect([one, two, three].every((c) => isDraftCookie(c))).toBe(true)
    expect(revokeDraftCookie(one)).toBe(true)
    expect(isDraftCookie(one)).toBe(false)
    expect(revokeDraftCookie(one), 'already revoked').toBe(false)
    expect(isDraftCookie(two)).toBe(true)
    endAllDraftSessions()
    expect(isDraftCookie(two) || isDraftCookie(three)).toBe(false)
    expect(isDraftCookie(draftCookieValue())).toBe(true)
  })

  it('is refused when forged or expired', () => {
    const value = draftCookieValue()
    const [expires, id, signature] = value.split('.')
    expect(isDraftCookie(`${expires}.other${id}.${signature}`)).toBe(false)
    expect(isDraftCookie(`${Number(expires) + 1}.${id}.${signature}`)).toBe(false)
    expect(isDraftCookie(value, (Number(expires) + 1) * 1000)).toBe(false)
  })
})
