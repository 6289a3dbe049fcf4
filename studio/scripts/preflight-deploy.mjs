// Runs before `sanity deploy` (npm run studio:deploy) and stops with the fix when deploying
// cannot work: no project id (the Studio would go to the placeholder project), or a Sanity CLI
// whose deploy command cannot load (@sanity/cli 8.13 imports `checkBuiltOutput` from
// @sanity/workbench-cli, which 2.15.1, the only 2.8+ version on the registry reachable here,
// no longer exports).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const studioDir = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The variables `sanity deploy` will see: studio/.env files (production mode), then the environment. */
function deployEnv() {
  const env = {}
  for (const file of ['.env', '.env.local', '.env.production', '.env.production.local']) {
    const path = join(studioDir, file)
    if (!existsSync(path)) continue
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
      if (match) env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2')
    }
  }
  return { ...env, ...process.env }
}

const problems = []
const env = deployEnv()
if (!env.SANITY_STUDIO_PROJECT_ID?.trim()) {
  problems.push(
    'SANITY_STUDIO_PROJECT_ID is not set, so the Studio would be deployed to the placeholder project.\n' +
      '  Fix: put SANITY_STUDIO_PROJECT_ID=<your project id> and SANITY_STUDIO_DATASET=production in studio/.env\n' +
      '  (or the environment), then run `npm run studio:deploy` again.',
  )
}

try {
  const require = createRequire(join(studioDir, 'package.json'))
  const cliEntry = require.resolve('@sanity/cli/package.json', { paths: [require.resolve('sanity/package.json')] })
  const workbenchEntry = createRequire(cliEntry).resolve('@sanity/workbench-cli/deploy')
  const workbench = await import(pathToFileURL(workbenchEntry).href)
  if (typeof workbench.checkBuiltOutput !== 'function') {
    const version = JSON.parse(readFileSync(join(dirname(cliEntry), 'package.json'), 'utf8')).version
    problems.push(
      `The installed Sanity CLI (@sanity/cli ${version}) cannot run \`sanity deploy\`: it needs \`checkBuiltOutput\` from\n` +
        '  @sanity/workbench-cli, which the installed version does not export (2.15.1 is the only 2.8+ release\n' +
        '  on the registry reachable here; the CLI was built against an earlier 2.x). Fixes: deploy from a\n' +
        '  machine where npm resolves a @sanity/workbench-cli that exports it, or host the static build\n' +
        '  instead: `npm run studio:build`, upload studio/dist to any static host, and add that address as\n' +
        '  a CORS origin (with credentials) in\n' +
        '  sanity.io/manage. See docs/editors-guide.md.',
    )
  }
} catch (error) {
  problems.push(`Could not check the Sanity CLI's deploy command: ${error.message}`)
}

if (problems.length > 0) {
  console.error(`\nCannot deploy the Studio:\n\n- ${problems.join('\n\n- ')}\n`)
  process.exit(1)
}
