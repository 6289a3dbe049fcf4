/**
 * The preview server over HTTP, against the fake Sanity API on 127.0.0.1 holding the embedded
 * dataset: published content by default, Sanity's preview-URL secret flow (valid, wrong,
 * expired), draft mode with stega only in display text and data-sanity on figures, the
 * drafts' validation errors, the change stream, the language switch, 404 and 503 pages, the
 * start-up checks, and the token in no response. The server is the real build
 * (astro.preview.config.mjs), started as `npm run preview:live -- --no-build` starts it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { parse } from 'node-html-parser'
import { startFakeSanityServer, type FakeDocument, type FakeSanityServer } from '../support/fake-sanity-server'
import { embeddedDataset, recognisableToken } from '../support/live-fixtures'
import { projectRoot, run } from '../support/live-run'
import { buildPreviewServer, PREVIEW_SCRIPT, previewEnv, previewSecret, startPreviewServer, type RunningPreview } from '../support/preview-server'
import { findStega, misplacedStega } from '../support/stega-scan'
import { siteContentQuery } from '../../src/content/queries'

const TOKEN = recognisableToken('preview')
const WRITE = recognisableToken('write')
const dataset = embeddedDataset() as FakeDocument[]
const industry = dataset.find((d) => d._id === 'industry-cybersecurity')!
const slug = (industry.slug as { current: string }).current
const published = (industry.name as { en: string }).en
const industryPath = `/en/industries/${slug}/`

let api: FakeSanityServer
let server: RunningPreview
let out: string
/** Every body the server answered, to look for the token in. */
const bodies: string[] = []

const get = async (path: string, cookie?: string) => {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} })
  const body = await response.text()
  bodies.push(body, JSON.stringify([...response.headers]))
  return { status: response.status, body, headers: response.headers }
}
/** Enters draft mode through the secret flow; returns the cookie to send. */
const enter = async (secret: string, pathname = industryPath) => {
  const answer = await get(`/api/draft-mode/enable/?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(pathname)}`)
  const cookie = answer.headers.get('set-cookie')
  return { ...answer, cookie: cookie ? cookie.split(';')[0]! : undefined }
}
/** A draft session the tests use to hear the server's change stream. */
let watcher: string
/**
 * Replaces the fake API's documents and waits until the preview server has heard of the
 * change (its views cache then loads again): the server tells its pages after it starts a new
 * revision, so once the change events have come through, no request sees the views from before.
 */
const change = async (documents: FakeDocument[]) => {
  const response = await fetch(`${server.url}/api/preview/events`, { headers: { cookie: watcher } })
  expect(response.status, 'the watching session').toBe(200)
  const reader = response.body!.getReader()
  let text = ''
  const read = async (quietMs?: number) => {
    const chunk = reader.read()
    const next = quietMs === undefined ? await chunk : await Promise.race([chunk, new Promise<undefined>((done) => setTimeout(done, quietMs))])
    if (next?.value) text += new TextDecoder().decode(next.value)
    return next !== undefined
  }
  while (!text.includes('retry:')) await read()
  api.setDocuments(documents)
  while (!text.includes('event: change')) await read()
  // One change event per document, in one burst: wait until it has passed.
  while (await read(300));
  await reader.cancel()
}
/** The fake API holds `published` (the embedded dataset unless given), the secret and a draft of the industry with `changes`. */
const withDraft = (changes: Record<string, unknown>, published: FakeDocument[] = dataset) =>
  change([...published, previewSecret('good-secret'), { ...industry, ...changes, _id: `drafts.${industry._id}` }])
/** The draft most tests show: the industry with another English name. */
const draftName = () => ({ name: { ...(industry.name as object), en: 'A draft name' } })

beforeAll(async () => {
  out = await buildPreviewServer(join(projectRoot, '.tmp/test-preview-server-unit'))
  api = await startFakeSanityServer({ documents: [...dataset, previewSecret('good-secret')], readTokens: [TOKEN], writeTokens: [WRITE] })
  server = await startPreviewServer(out, previewEnv(api, TOKEN, { SANITY_STUDIO_URL: 'http://127.0.0.1:3333' }))
  watcher = (await enter('good-secret')).cookie!
}, 300_000)
afterAll(async () => {
  await server?.stop()
  await api?.close()
})

describe('starting', () => {
  it.each([
    ['SANITY_API_READ_TOKEN', { SANITY_API_READ_TOKEN: '' }],
    ['SANITY_PROJECT_ID', { SANITY_PROJECT_ID: '' }],
  ])('refuses to start without %s, and names the fix', async (name, blank) => {
    const result = await run(process.execPath, [PREVIEW_SCRIPT, '--no-build', '--out', out], { ...previewEnv(api, TOKEN), ...blank, PORT: '0' }, 30_000)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${name} is not set`)
    expect(result.stderr).toMatch(/Fix: Set .*sanity\.io\/manage/)
  })
})

describe('published content by default', () => {
  it('renders the same page as the public site, with no draft, stega or data-sanity', async () => {
    await withDraft(draftName())
    const page = await get(industryPath)
    expect(page.status).toBe(200)
    expect(page.body).toContain(published)
    expect(page.body).not.toContain('A draft name')
    expect(page.body).not.toContain('data-sanity')
    expect(page.body).not.toContain('data-preview-banner')
    expect(findStega(page.body)).toEqual([])
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/)
    const policy = page.headers.get('content-security-policy')!.split(/;\s*/)
    expect(policy).toContain("frame-ancestors 'self' http://127.0.0.1:3333")
    expect(policy).toContain("object-src 'none'")
    expect(policy.find((d) => d.startsWith('script-src '))).toMatch(/^script-src 'self'/)
    expect(policy.join(';'), 'scripts only: the overlay injects its styles').not.toMatch(/unsafe-inline|unsafe-eval|style-src/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('answers 404 for a slug or a language the site does not have', async () => {
    expect((await get('/en/industries/no-such-industry/')).status).toBe(404)
    const french = await get('/fr/')
    expect(french.status).toBe(404)
    expect(french.body).toContain('Page not found')
  })
})

describe('the preview-URL secret', () => {
  it('a valid secret sets an HttpOnly cookie that works in the Studio iframe, and goes to the page', async () => {
    const answer = await enter('good-secret')
    expect(answer.status).toBe(307)
    expect(answer.headers.get('location')).toBe(industryPath)
    const cookie = answer.headers.get('set-cookie')!
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/']) expect(cookie).toContain(attribute)
    // The check was Sanity's one query, with the token, in the raw perspective.
    const check = api
      .requestsTo('query')
      .filter((r) => r.query?.includes('sanity.previewUrlSecret'))
      .at(-1)!
    expect(check.params).toEqual({ secret: 'good-secret' })
    expect(check.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it.each([
    ['a wrong secret', 'not-the-secret', [previewSecret('good-secret')]],
    ['an expired secret', 'old-secret', [previewSecret('old-secret', new Date(Date.now() - 2 * 3600_000))]],
    ['no secret', '', []],
  ])('%s gets 401 with the way out, and no cookie', async (_, secret, extra) => {
    api.setDocuments([...dataset, ...extra])
    const answer = await enter(secret)
    expect(answer.status).toBe(401)
    expect(answer.cookie).toBeUndefined()
    expect(answer.body).toContain('wrong or has expired')
    expect(answer.body).toContain('Presentation tool')
  })

  it('a forged or expired cookie is not draft mode', async () => {
    await withDraft(draftName())
    const forged = await get(industryPath, `preview-draft-mode=${Math.floor(Date.now() / 1000) + 3600}.forged`)
    expect(forged.body).not.toContain('A draft name')
  })
})

describe('draft mode', () => {
  let cookie: string
  beforeAll(async () => {
    await withDraft(draftName())
    cookie = (await enter('good-secret')).cookie!
  })

  it('shows the draft, with stega in the text only', async () => {
    const page = await get(industryPath, cookie)
    expect(page.status).toBe(200)
    const root = parse(page.body)
    const h1 = root.querySelector('h1')!
    expect(h1.text).toContain('A draft name')
    const edits = findStega(h1.outerHTML)
    expect(edits.length).toBeGreaterThan(0)
    expect(edits[0]!.href).toMatch(/^http:\/\/127\.0\.0\.1:3333\/intent\/edit\/mode=presentation;id=industry-cybersecurity;type=industry;path=name\.en/)
    expect(misplacedStega(page.body)).toEqual([])
    expect(root.querySelector('[data-draft-mode]')).not.toBeNull()
  })

  it.each([
    '/en/',
    '/zh-tw/',
    '/en/metrics/',
    '/en/metrics/foundry-market-share/',
    '/zh-tw/policy/',
    '/en/glossary/',
    '/en/about/',
    '/en/updates/',
    '/en/embed/semiconductor-market-share/',
    '/zh-tw/policy/bilingual/',
    '/en/industries/cybersecurity/bilingual/',
    '/',
  ])('keeps stega out of URLs, lang, numbers, the head and JSON-LD on %s', async (path) => {
    const page = await get(path, cookie)
    expect(page.status).toBe(200)
    expect(
      findStega(page.body).some((f) => f.where === 'text'),
      'draft mode marks the text',
    ).toBe(true)
    expect(misplacedStega(page.body)).toEqual([])
    const root = parse(page.body)
    for (const data of root.querySelectorAll('data')) expect(findStega(data.outerHTML), data.outerHTML).toEqual([])
    for (const script of root.querySelectorAll('script[type="application/ld+json"]')) expect(() => JSON.parse(script.text)).not.toThrow()
  })

  it('marks figures and charts with data-sanity for click-to-edit', async () => {
    const page = parse((await get('/en/metrics/', cookie)).body)
    const figures = page.querySelectorAll('data[data-sanity]')
    expect(figures.length).toBeGreaterThan(10)
    expect(figures[0]!.getAttribute('data-sanity')).toMatch(/id=metric-[^;]+;type=metric;path=value/)
    expect(page.querySelectorAll('.chart-svg[data-sanity]').length).toBeGreaterThan(0)
  })

  it('serves the open data files as published data, without edit marks', async () => {
    const perFigure = ['/data/metrics/foundry-market-share.json', '/data/metrics/foundry-market-share.en.csv', '/data/groups/semiconductor-market-share.zh-tw.svg']
    for (const path of ['/data/metrics.json', '/data/metrics.csv', ...perFigure]) {
      const file = await get(path, cookie)
      expect(file.status, `${path}: ${file.body.slice(0, 300)}`).toBe(200)
      expect(findStega(`<p>${file.body}</p>`), path).toEqual([])
    }
  })

  it('serves a published edit in the next data file, as the pages do', async () => {
    const metric = dataset.find((d) => d._id === 'metric-foundry-market-share')!
    const before = JSON.parse((await get('/data/metrics/foundry-market-share.json', cookie)).body) as { value: number }
    expect(before.value).toBe(metric.value)
    await withDraft(
      draftName(),
      dataset.map((d) => (d._id === metric._id ? { ...d, value: 76 } : d)),
    )
    try {
      expect((JSON.parse((await get('/data/metrics/foundry-market-share.json', cookie)).body) as { value: number }).value).toBe(76)
      for (const lang of ['en', 'zh-tw']) expect((await get(`/data/metrics/foundry-market-share.${lang}.csv`, cookie)).body, lang).toContain(',76,')
    } finally {
      await withDraft(draftName())
    }
  })

  it('renders the side-by-side views on demand, with the draft in its column', async () => {
    const industry = await get(`${industryPath}bilingual/`, cookie)
    expect(industry.status).toBe(200)
    expect(parse(industry.body).querySelector('article')?.text).toContain('A draft name')
    expect((await get('/en/policy/bilingual/', cookie)).status).toBe(200)
    expect((await get('/en/industries/no-such-industry/bilingual/', cookie)).status).toBe(404)
  })

  it("renders a figure group's embed page and finds a figure's files by name, on demand", async () => {
    const embed = await get('/en/embed/semiconductor-market-share/', cookie)
    expect(embed.status).toBe(200)
    expect(parse(embed.body).querySelector('h1')?.text).toBeTruthy()
    expect((await get('/en/embed/no-such-group/', cookie)).status).toBe(404)
    expect((await get('/data/metrics/no-such-figure.json', cookie)).status).toBe(404)
    expect((await get('/data/metrics/foundry-market-share.xx.csv', cookie)).status).toBe(404)
  })

  it('the language switch leads to the same page in draft mode', async () => {
    const page = parse((await get(industryPath, cookie)).body)
    const href = page.querySelector('a[data-lang-switch=""]')!.getAttribute('href')!
    expect(href).toBe(`/zh-tw/industries/${slug}/`)
    const other = parse((await get(href, cookie)).body)
    expect(other.querySelector('html')!.getAttribute('lang')).toBe('zh-Hant-TW')
    expect(other.querySelector('[data-draft-mode]')).not.toBeNull()
  })

  it('a missing translation shows its notice, as on the public site', async () => {
    await withDraft({ goal: { _type: 'localeText', zhTW: (industry.goal as { zhTW: string }).zhTW, en: '' } })
    const page = parse((await get(industryPath, cookie)).body)
    const fallback = page.querySelectorAll('[data-fallback]')
    expect(fallback.length).toBeGreaterThan(0)
    expect(fallback.map((f) => f.text).join(' ')).toContain('Not yet translated')
  })

  it('a draft that would not publish still renders, with a banner listing its errors', async () => {
    await withDraft({ name: { _type: 'localeString', zhTW: '', en: '' } })
    const page = await get(industryPath, cookie)
    expect(page.status).toBe(200)
    const problems = parse(page.body)
      .querySelectorAll('[data-problem]')
      .map((li) => li.getAttribute('data-problem'))
    expect(problems).toContain('industry-cybersecurity:name')
    // Problems of documents on other pages are not listed here.
    expect(problems.every((p) => p!.startsWith('industry-cybersecurity:'))).toBe(true)
  })

  it('announces changes on its event stream, and outlives readers that leave', async () => {
    const open = async () => {
      const leave = new AbortController()
      const response = await fetch(`${server.url}/api/preview/events`, { headers: { cookie }, signal: leave.signal })
      expect(response.status).toBe(200)
      const reader = response.body!.getReader()
      let text = ''
      /** Reads until `until` is in the stream; returns all read so far. */
      const readUntil = async (until: string) => {
        while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value)
        return text
      }
      return { readUntil, leave: () => leave.abort() }
    }
    const page = await open()
    await page.readUntil('retry:')
    // The server's one Sanity listener (for its views cache) serves its pages too; a change made then reaches the page.
    await vi.waitFor(() => expect(api.listeners()).toBe(1), { timeout: 10_000 })
    await withDraft({ name: { ...(industry.name as object), en: 'A draft name, again' } })
    const text = await page.readUntil('event: change')
    expect(text).toContain(`data: {"documentId":"drafts.${industry._id}"}`)
    expect(text, 'ids only, no content').not.toContain('A draft name, again')
    page.leave()
    // Pages that close at once, several at a time, as the Presentation tool's reloads do.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const other = await open()
        await other.readUntil('retry:')
        other.leave()
      }),
    )
    // Pages coming and going open no listener of their own, and the server goes on serving.
    expect(api.listeners()).toBe(1)
    expect((await get('/en/', cookie)).status).toBe(200)
    expect(server.output()).not.toMatch(/ERR_INVALID_STATE|already closed/)
    expect((await fetch(`${server.url}/api/preview/events`)).status, 'without the cookie').toBe(401)
  })

  it('leaving draft mode clears the cookie', async () => {
    const answer = await get(`/api/draft-mode/disable/?to=${encodeURIComponent(industryPath)}`, cookie)
    expect(answer.status).toBe(307)
    expect(answer.headers.get('location')).toBe(industryPath)
    expect(answer.headers.get('set-cookie')).toMatch(/preview-draft-mode=[^;]*;.*Expires=Thu, 01 Jan 1970/i)
  })
})

describe('the way back from the draft-mode routes', () => {
  beforeAll(() => withDraft(draftName()))

  // [what, the parameter as it appears in the query string, where it must lead]
  const targets: Array<[string, string, string | undefined]> = [
    ['a tab', encodeURIComponent('/\t/evil.example/'), '/'],
    ['an encoded tab as sent', '/%09/evil.example/', '/'],
    ['CR and LF', encodeURIComponent('/\r\n/evil.example/'), '/'],
    ['a backslash', encodeURIComponent('/\\evil.example'), '/'],
    ['a protocol-relative URL', encodeURIComponent('//evil.example'), '/'],
    ['another origin', encodeURIComponent('https://evil.example/'), '/'],
    ['a dot segment before //', encodeURIComponent('/.//evil.example/'), '/'],
    // Stays on this server, as a path; which one does not matter, only that the header is valid.
    ['a full-width space', encodeURIComponent('/\u3000/evil.example/'), undefined],
    ['a leading full-width space', encodeURIComponent('\u3000//evil.example'), undefined],
    // `/` when leaving; the Sanity library hands the enable route its path, `alert(1)`.
    ['javascript:', encodeURIComponent('javascript:alert(1)'), undefined],
    ['a page of the site', encodeURIComponent('/zh-tw/metrics/?x=1#y'), '/zh-tw/metrics/?x=1'],
  ]
  const check = (answer: { status: number; headers: Headers }, expected: string | undefined) => {
    expect(answer.status).toBe(307)
    const location = answer.headers.get('location')!
    expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/)
    expect(new URL(location, server.url).origin).toBe(new URL(server.url).origin)
    if (expected !== undefined) expect(location).toBe(expected)
  }

  it.each(targets)('leaving draft mode with %s in `to` stays on this server', async (_, to, expected) => {
    check(await get(`/api/draft-mode/disable/?to=${to}`), expected)
  })

  it.each(targets)('entering draft mode with %s in the pathname stays on this server', async (_, to, expected) => {
    const answer = await get(`/api/draft-mode/enable/?sanity-preview-secret=good-secret&sanity-preview-pathname=${to}`)
    check(answer, expected)
  })
})

describe('revoking draft mode', () => {
  const showsDraft = async (cookie: string) => (await get(industryPath, cookie)).body.includes('A draft name')

  it('a cookie whose session left draft mode no longer turns it on', async () => {
    await withDraft(draftName())
    const { cookie } = await enter('good-secret')
    expect(await showsDraft(cookie!)).toBe(true)
    await get('/api/draft-mode/disable/', cookie)
    // The browser dropped the cookie; a copy of it sent again is refused.
    expect(await showsDraft(cookie!)).toBe(false)
    expect((await fetch(`${server.url}/api/preview/events`, { headers: { cookie: cookie! } })).status).toBe(401)
    expect(await showsDraft(watcher), 'other sessions go on').toBe(true)
  })

  it('ending draft mode everywhere ends every session, and a new one starts as before', async () => {
    const [one, other] = [(await enter('good-secret')).cookie!, (await enter('good-secret')).cookie!]
    expect(await showsDraft(other)).toBe(true)
    await get('/api/draft-mode/disable/?everywhere', one)
    expect(await showsDraft(other)).toBe(false)
    expect(await showsDraft(watcher)).toBe(false)
    watcher = (await enter('good-secret')).cookie!
    expect(await showsDraft(watcher)).toBe(true)
  })

  it('a request without a session cannot end the others', async () => {
    await get('/api/draft-mode/disable/?everywhere')
    expect(await showsDraft(watcher)).toBe(true)
  })
})

describe('many editors at once', () => {
  it('50 concurrent draft-mode page loads all answer, from far fewer site queries', async () => {
    await withDraft(draftName())
    const siteQueries = () => api.requestsTo('query').filter((r) => r.query === siteContentQuery).length
    const before = siteQueries()
    const paths = [industryPath, '/en/', '/zh-tw/', '/en/metrics/', '/en/glossary/']
    const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => get(paths[i % paths.length]!, watcher)))
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200))
    expect(pages.every((p) => p.body.includes('data-draft-mode'))).toBe(true)
    // One load of the drafts serves them all (a second at most, should the safety net expire).
    expect(siteQueries() - before).toBeLessThanOrEqual(2)
  })
})

describe('when Sanity is down', () => {
  it('answers 503 with what happened and what to do', async () => {
    // A change first: the views the server keeps would otherwise answer without asking the API.
    await withDraft(draftName())
    api.failNext(4, { status: 503 }, 'query')
    const page = await get(industryPath)
    api.clearFaults()
    expect(page.status).toBe(503)
    expect(page.body).toContain('Sanity cannot be reached')
    expect(page.body).toContain('HTTP status 503')
    expect(page.body).toContain('Fix:')
  })
})

describe('the token', () => {
  it('is in no response the server gave', async () => {
    // The page script and its chunks too.
    const page = parse((await get('/en/')).body)
    for (const src of page.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!)) await get(src)
    expect(bodies.length).toBeGreaterThan(40)
    expect(bodies.filter((b) => b.includes(TOKEN))).toEqual([])
    expect(server.output()).not.toContain(TOKEN)
  })
})
