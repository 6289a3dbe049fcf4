/**
 * The preview server's render time: the real server (built as `npm run preview:build` builds
 * it) against the fake Sanity API on 127.0.0.1 holding the dataset, in draft mode (the
 * editor's case: drafts perspective, stega, the drafts' validation). Each page is requested
 * twice untimed, then `requests` times one after another; the figure is the median of the
 * time from request to the last byte. Then the first page is asked `burst` times at once, as a
 * room of editors would: every request must answer, and the row says how many did not.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { startFakeSanityServer, type FakeDocument } from '../../tests/support/fake-sanity-server.ts'

export interface PreviewTiming {
  label: string
  path: string
  requests: number
  medianMs: number
  minMs: number
  maxMs: number
  /** For a burst: how many requests were in flight at once, and how many did not answer 200. */
  concurrent?: number
  failed?: number
}

/** Median, min and max of request times, in whole milliseconds. */
export function summarize(label: string, path: string, times: number[]): PreviewTiming {
  if (times.length === 0) throw new Error(`No request was timed for ${path}.`)
  const sorted = [...times].sort((a, b) => a - b)
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { label, path, requests: times.length, medianMs: Math.round(median), minMs: Math.round(sorted[0]!), maxMs: Math.round(sorted.at(-1)!) }
}

const TOKEN = 'bench-preview-read-token'

function node(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, args, { cwd, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Builds and starts the preview server, times `pages` in draft mode, stops it. */
export async function benchPreview(
  repo: string,
  work: string,
  documents: FakeDocument[],
  pages: { label: string; path: string }[],
  requests = 20,
  burst = 50,
): Promise<PreviewTiming[]> {
  const out = join(work, 'preview-server')
  const script = join(repo, 'scripts', 'preview-live.ts')
  const build = node([script, '--build-only', '--out', out], repo, process.env)
  let log = ''
  build.stdout.on('data', (c: Buffer) => (log += c))
  build.stderr.on('data', (c: Buffer) => (log += c))
  const code = await new Promise<number | null>((done) => build.on('close', done))
  if (code !== 0) throw new Error(`The preview server did not build (exit ${code}):\n${log.slice(-3000)}`)

  const secret = { _id: 'drafts.bench-secret', _type: 'sanity.previewUrlSecret', secret: 'bench-secret', studioUrl: 'http://127.0.0.1:3333', _updatedAt: new Date().toISOString() }
  const api = await startFakeSanityServer({ documents: [...documents, secret], readTokens: [TOKEN] })
  const env = {
    ...process.env,
    SANITY_PROJECT_ID: api.projectId,
    SANITY_DATASET: api.dataset,
    SANITY_API_HOST: api.url,
    SANITY_API_READ_TOKEN: TOKEN,
    HOST: '127.0.0.1',
    PORT: '0',
  }
  const server = node([script, '--no-build', '--out', out], repo, env)
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`The preview server did not start:\n${output}`)), 30_000)
      const read = (c: Buffer) => {
        output += c
        const found = /listening on (http:\/\/[\d.]+:\d+)/i.exec(output)
        if (found) {
          clearTimeout(timer)
          resolve(found[1]!)
        }
      }
      server.stdout.on('data', read)
      server.stderr.on('data', read)
      server.on('close', (c) => reject(new Error(`The preview server exited with ${c}:\n${output}`)))
    })
    const enable = await fetch(`${url}/api/draft-mode/enable/?sanity-preview-secret=bench-secret&sanity-preview-pathname=/`, { redirect: 'manual' })
    const cookie = enable.headers.get('set-cookie')?.split(';')[0]
    if (enable.status !== 307 || !cookie) throw new Error(`Draft mode was refused (HTTP ${enable.status}).`)
    const time = async (path: string) => {
      const started = performance.now()
      const response = await fetch(`${url}${path}`, { headers: { cookie } })
      const body = await response.text()
      if (response.status !== 200 || !body.includes('data-draft-mode')) throw new Error(`${path} answered HTTP ${response.status} without draft mode.`)
      return performance.now() - started
    }
    const results: PreviewTiming[] = []
    for (const page of pages) {
      for (let i = 0; i < 2; i++) await time(page.path)
      const times: number[] = []
      for (let i = 0; i < requests; i++) times.push(await time(page.path))
      results.push(summarize(page.label, page.path, times))
    }
    const first = pages[0]
    if (first && burst > 0) {
      const answers = await Promise.all(
        Array.from({ length: burst }, () =>
          time(first.path).then(
            (ms) => ms,
            () => undefined,
          ),
        ),
      )
      const times = answers.filter((ms): ms is number => ms !== undefined)
      results.push({ ...summarize(`${burst} at once: ${first.label}`, first.path, times), concurrent: burst, failed: burst - times.length })
    }
    return results
  } finally {
    server.kill('SIGTERM')
    await api.close()
  }
}
