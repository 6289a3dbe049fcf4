/**
 * Deploys the build's Pages artifact and waits for GitHub to publish it, run by
 * actions/github-script in .github/workflows/deploy.yml. It does what actions/deploy-pages does
 * (the same two API calls), except give up by cancelling: that action caps its `timeout` input at
 * ten minutes and then cancels the deployment, and GitHub never deploys a commit whose
 * deployment was cancelled, so every later publish of the same commit failed until a new
 * commit. Here a deployment still queued when the wait ends is left to GitHub, which finishes
 * it; the step fails only so that the run says so.
 */

const FINAL_ERRORS = {
  deployment_failed: 'GitHub reports the deployment failed.',
  deployment_content_failed: 'GitHub could not deploy the artifact (links, or over the size limit).',
  deployment_cancelled: 'The deployment was cancelled on GitHub.',
  deployment_lost: 'GitHub lost track of the deployment.',
}

/**
 * @param {object} options
 * @param {{ request: (route: string, params: Record<string, unknown>) => Promise<{ data: any }> }} options.github
 * @param {{ repo: { owner: string, repo: string }, sha: string }} options.context
 * @param {{ getIDToken: () => Promise<string>, info: (m: string) => void, setOutput: (k: string, v: string) => void, setFailed: (m: string) => void }} options.core
 * @param {string | number} options.artifactId the `artifact_id` output of actions/upload-pages-artifact
 * @param {number} options.waitMs how long to wait for GitHub to publish
 * @param {number} [options.intervalMs] between status reads
 * @param {(ms: number) => Promise<void>} [options.sleep]
 * @returns {Promise<'succeed' | 'failed' | 'waiting'>}
 */
export async function deployPages({ github, context, core, artifactId, waitMs, intervalMs = 15_000, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }) {
  const { owner, repo } = context.repo
  const { data: created } = await github.request('POST /repos/{owner}/{repo}/pages/deployments', {
    owner,
    repo,
    artifact_id: Number(artifactId),
    pages_build_version: context.sha,
    oidc_token: await core.getIDToken(),
  })
  const deploymentId = created.id ?? created.status_url?.split('/').pop() ?? context.sha
  core.setOutput('page_url', created.page_url ?? '')
  core.info(`Deployment ${deploymentId} of ${context.sha} created.`)
  let status = 'created'
  for (let waited = 0; waited < waitMs; waited += intervalMs) {
    await sleep(intervalMs)
    try {
      status = (await github.request('GET /repos/{owner}/{repo}/pages/deployments/{deploymentId}', { owner, repo, deploymentId })).data.status
    } catch (error) {
      core.info(`Reading the deployment's status failed (${error.status ?? error.message}); trying again.`)
      continue
    }
    core.info(`Status: ${status}`)
    if (status === 'succeed') return 'succeed'
    if (FINAL_ERRORS[status]) {
      core.setFailed(`${FINAL_ERRORS[status]} Run the workflow again by hand (docs/publishing.md, "A deploy that did not finish").`)
      return 'failed'
    }
  }
  core.setFailed(
    `After ${Math.round(waitMs / 60_000)} minutes the deployment is still "${status}". It was not cancelled: GitHub publishes it when its queue moves, and the Studio's badge turns to Live then. See docs/publishing.md, "A deploy that did not finish".`,
  )
  return 'waiting'
}
