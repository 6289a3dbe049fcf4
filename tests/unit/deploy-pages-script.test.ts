/**
 * .github/scripts/deploy-pages.mjs against a stand-in for GitHub's Pages API: it creates the
 * deployment for the run's commit and artifact, waits for it, and never cancels it, also not
 * when the wait runs out (the deployment is left to GitHub, the step fails saying so).
 */
import { describe, expect, it } from 'vitest'
import { deployPages } from '../../.github/scripts/deploy-pages.mjs'

function fakeGitHub(statuses: (string | Error)[]) {
  const requests: { route: string; params: Record<string, unknown> }[] = []
  const github = {
    async request(route: string, params: Record<string, unknown>) {
      requests.push({ route, params })
      if (route.startsWith('POST')) return { data: { id: 4711, page_url: 'https://owner.github.io/repo/' } }
      const next = statuses.shift() ?? 'deployment_queued'
      if (next instanceof Error) throw next
      return { data: { status: next } }
    },
  }
  const failed: string[] = []
  const outputs: Record<string, string> = {}
  const core = { getIDToken: async () => 'oidc', info: () => {}, setOutput: (k: string, v: string) => void (outputs[k] = v), setFailed: (m: string) => void failed.push(m) }
  const run = (waitMs: number) =>
    deployPages({ github, core, context: { repo: { owner: 'owner', repo: 'repo' }, sha: 'abc123' }, artifactId: '99', waitMs, intervalMs: 1000, sleep: async () => {} })
  return { requests, failed, outputs, run }
}

describe('deploy-pages.mjs', () => {
  it('deploys the artifact for the commit and waits through the queue to success', async () => {
    const gh = fakeGitHub(['deployment_queued', Object.assign(new Error('502'), { status: 502 }), 'deployment_in_progress', 'succeed'])
    expect(await gh.run(60_000)).toBe('succeed')
    expect(gh.requests[0]).toEqual({
      route: 'POST /repos/{owner}/{repo}/pages/deployments',
      params: { owner: 'owner', repo: 'repo', artifact_id: 99, pages_build_version: 'abc123', oidc_token: 'oidc' },
    })
    expect(gh.requests.slice(1).every((r) => r.route === 'GET /repos/{owner}/{repo}/pages/deployments/{deploymentId}' && r.params.deploymentId === 4711)).toBe(true)
    expect(gh.outputs.page_url).toBe('https://owner.github.io/repo/')
    expect(gh.failed).toEqual([])
  })

  it('leaves a deployment still queued when the wait ends to GitHub: no cancel, the step fails saying so', async () => {
    const gh = fakeGitHub([])
    expect(await gh.run(30_000)).toBe('waiting')
    expect(gh.requests).toHaveLength(31)
    expect(gh.requests.filter((r) => !/^(POST .*\/deployments|GET )/.test(r.route) || /cancel/.test(r.route))).toEqual([])
    expect(gh.failed).toEqual([expect.stringMatching(/still "deployment_queued"\. It was not cancelled/)])
  })

  it('fails on a final error status with the way to redo it', async () => {
    const gh = fakeGitHub(['deployment_queued', 'deployment_failed'])
    expect(await gh.run(60_000)).toBe('failed')
    expect(gh.failed).toEqual([expect.stringMatching(/failed\. Run the workflow again by hand/)])
  })
})
