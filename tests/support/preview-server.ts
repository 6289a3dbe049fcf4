/**
 * The preview server in tests: built once per test run into a folder of its own (as
 * `npm run preview:build` does, with `--out`), started as `npm run preview:live -- --no-build`
 * starts it, on a free port of 127.0.0.1, against a fake Sanity API. The process is ended by
 * its own id when the test is done.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv, projectRoot, run } from './live-run'
import type { FakeSanityServer } from './fake-sanity-server'

export const PREVIEW_SCRIPT = join(projectRoot, 'scripts/preview-live.ts')

/** Builds the preview server into `out` (once: an existing build there is reused). */
export async function buildPreviewServer(out = join(projectRoot, '.tmp/test-preview-server')): Promise<string> {
  if (existsSync(join(out, 'server/entry.mjs')) && process.env.PREVIEW_SERVER_REUSE === '1') return out
  mkdirSync(out, { recursive: true })
  const result = await run(process.execPath, [PREVIEW_SCRIPT, '--build-only', '--out', out], {}, 300_000)
  if (result.code !== 0) throw new Error(`The preview server did not build (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`)
  return out
}

/** The environment that points a preview server at a fake API. */
export function previewEnv(api: FakeSanityServer, token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { SANITY_PROJECT_ID: api.projectId, SANITY_DATASET: api.dataset, SANITY_API_HOST: api.url, SANITY_API_READ_TOKEN: token, ...extra }
}

export interface RunningPreview {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** Starts a built preview server; resolves when it listens (PORT=0 unless `env` names one). */
export function startPreviewServer(out: string, env: Record<string, string>): Promise<RunningPreview> {
  const child: ChildProcess = spawn(process.execPath, [PREVIEW_SCRIPT, '--no-build', '--out', out], {
    cwd: projectRoot,
    env: childEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview server did not start in 30 s:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const found = /listening on (http:\/\/[\d.]+:\d+)/i.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve({ url: found[1]!, output: () => output, stop })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The preview server exited with ${code} before listening:\n${output}`))
    })
  })
}

/** A preview-URL secret as the Presentation tool stores it (a draft of `sanity.previewUrlSecret`). */
export function previewSecret(secret: string, updatedAt = new Date()) {
  return {
    _id: `drafts.secret-${secret}`,
    _type: 'sanity.previewUrlSecret',
    secret,
    source: 'test',
    studioUrl: 'http://127.0.0.1:3333',
    userId: 'p-editor',
    _updatedAt: updatedAt.toISOString(),
  }
}
