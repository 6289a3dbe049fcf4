/**
 * The Studio builds offline, from the files in the checkout: the schema validates with the
 * Sanity CLI, `npm run studio:build` writes studio/dist/index.html, and the bundle holds our
 * structure and actions. Without SANITY_STUDIO_PROJECT_ID it builds on the placeholder project,
 * and `npm run studio:deploy` refuses to deploy that.
 */
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PLACEHOLDER_PROJECT_ID } from '../../studio/env'

const root = resolve(import.meta.dirname, '../..')
const studioDir = join(root, 'studio')
const sanityBin = join(root, 'node_modules/sanity/bin/sanity')

/** The environment without any Studio project settings, as on a fresh machine. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', SANITY_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' }
  for (const key of Object.keys(env)) if (/^SANITY_(STUDIO_)?(PROJECT_ID|DATASET|AUTH_TOKEN)$/.test(key)) delete env[key]
  return env
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: offlineEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      fail(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs / 1000} s:\n${output.slice(-3000)}`))
    }, timeoutMs)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, output })
    })
  })
}

/** `npm run <script>` with the npm that runs this test (its Node is the pinned Node 22). */
function npmRun(script: string, timeoutMs: number) {
  const npmCli = process.env.npm_execpath
  return npmCli ? run(process.execPath, [npmCli, 'run', script], root, timeoutMs) : run('npm', ['run', script], root, timeoutMs)
}

describe('studio build', () => {
  it('the schema passes `sanity schema validate`', async () => {
    expect(existsSync(sanityBin), `${sanityBin} is missing: run npm ci`).toBe(true)
    const { code, output } = await run(process.execPath, [sanityBin, 'schema', 'validate'], studioDir, 240_000)
    expect(code, output.slice(-4000)).toBe(0)
    expect(output).toMatch(/0 errors/)
  }, 300_000)

  it('`npm run studio:build` produces studio/dist/index.html offline', async () => {
    const { code, output } = await npmRun('studio:build', 240_000)
    expect(code, output.slice(-4000)).toBe(0)
    const index = join(studioDir, 'dist/index.html')
    expect(existsSync(index)).toBe(true)
    const html = readFileSync(index, 'utf8')
    expect(html).toMatch(/<div id="sanity"/)
    // The bundle carries our configuration: structure titles, the action, the placeholder warning.
    const staticDir = join(studioDir, 'dist/static')
    const bundle = readdirSync(staticDir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(staticDir, f), 'utf8'))
      .join('\n')
    for (const text of ['Figure groups', 'Metrics by industry', 'Open on the site', 'metric-with-source', PLACEHOLDER_PROJECT_ID, 'Studio not connected']) {
      expect(bundle, `"${text}" not found in the Studio bundle`).toContain(text)
    }
  }, 300_000)

  it('`npm run studio:deploy` stops before deploying the placeholder project, saying what to set', async () => {
    const { code, output } = await npmRun('studio:deploy', 120_000)
    expect(code).not.toBe(0)
    expect(output).toMatch(/Cannot deploy the Studio/)
    expect(output).toMatch(/SANITY_STUDIO_PROJECT_ID is not set/)
  }, 150_000)
})
