/**
 * The GitHub workflows, read with a YAML parser: every one parses; CI runs on pushes and pull
 * requests and runs the same npm commands as .ci/run, in the same order; the deploy installs
 * only the site's packages with the very command .ci/deploy-install checks in a clean clone,
 * and deploys without actions/deploy-pages' ten-minute cancel.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { projectFile } from '../support/project'

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  'timeout-minutes'?: number
  env?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

const workflowDir = projectFile('.github/workflows')
const read = (name: string) => parse(readFileSync(`${workflowDir}/${name}`, 'utf8')) as Workflow
const NPM = /^\s*(npm (?:ci|test|run [\w:-]+)\b.*?)\s*$/

/** The npm commands and project scripts a shell text runs, in order (comments left out). */
function commands(shell: string): string[] {
  return shell
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => {
      const npm = NPM.exec(line)?.[1]
      if (npm) return [npm]
      return /^\s*(\.ci\/[\w-]+)\s*$/.exec(line)?.[1] ?? []
    })
}

const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? commands(s.run) : []))

describe('.github/workflows', () => {
  it('every workflow parses, with triggers and jobs', () => {
    const files = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f))
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml']))
    for (const file of files) {
      const w = read(file)
      expect(Object.keys(w.on ?? {}), file).not.toHaveLength(0)
      for (const [id, job] of Object.entries(w.jobs ?? {})) expect(job.steps?.length, `${file} ${id}`).toBeGreaterThan(0)
    }
  })
})

describe('ci.yml', () => {
  const ci = read('ci.yml')

  it('runs on every push and pull request', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    expect(ci.on.push ?? null).toBeNull()
    expect(ci.on.pull_request ?? null).toBeNull()
  })

  it('runs the npm commands of .ci/run, in the same order', () => {
    const local = commands(readFileSync(projectFile('.ci/run'), 'utf8'))
    expect(local).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', '.ci/deploy-install', 'npm run lint', 'npm run build', 'npm test', 'npm run test:e2e']))
    expect(Object.values(ci.jobs).flatMap(runs)).toEqual(local)
  })
})

describe('deploy.yml', () => {
  const deploy = read('deploy.yml')
  const steps = Object.values(deploy.jobs).flatMap((j) => j.steps)

  it("installs the site's packages only, with the command .ci/deploy-install checks", () => {
    const install = Object.values(deploy.jobs)
      .flatMap(runs)
      .filter((c) => c.startsWith('npm ci'))
    expect(install).toHaveLength(1)
    expect(install[0]).toMatch(/--omit=dev\b/)
    // Without it, the optional peers of the site's packages (TypeScript, Vitest, jsdom) come along.
    expect(install[0]).toMatch(/--legacy-peer-deps\b/)
    expect(commands(readFileSync(projectFile('.ci/deploy-install'), 'utf8')).filter((c) => c.startsWith('npm ci'))).toEqual(install)
  })

  it('builds after the install and can be run by hand (the way to redo a deploy)', () => {
    const all = Object.values(deploy.jobs).flatMap(runs)
    expect(all.indexOf('npm run build')).toBeGreaterThan(all.findIndex((c) => c.startsWith('npm ci')))
    expect(Object.keys(deploy.on)).toContain('workflow_dispatch')
  })

  it('never lets a deployment be cancelled after ten minutes: no actions/deploy-pages, a longer wait within the job', () => {
    expect(steps.filter((s) => s.uses?.startsWith('actions/deploy-pages'))).toEqual([])
    const job = deploy.jobs.deploy!
    const wait = Number(job.env?.DEPLOY_WAIT_MINUTES)
    expect(wait).toBeGreaterThan(10)
    expect(job['timeout-minutes']).toBeGreaterThan(wait)
    const script = job.steps.find((s) => s.uses?.startsWith('actions/github-script'))?.with?.script
    expect(script).toMatch(/deploy-pages\.mjs/)
    expect(script).toMatch(/DEPLOY_WAIT_MINUTES/)
    expect(job.env?.ARTIFACT_ID).toMatch(/^\$\{\{ needs\.build\.outputs\.artifact_id \}\}$/)
  })
})
