/**
 * The publishing set-up agrees with itself: the webhook filter and projection documented in
 * docs/publishing.md parse and evaluate (groq-js, delta mode, as Sanity validates them), the
 * filter lists exactly the schema's document types, the projection's event type is the one the
 * deploy workflow listens for, and the preview flag follows the environment.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { evaluate, parse } from 'groq-js'
import { documentTypes } from '../../schemas'
import { sourceFromEnv } from '../../src/content/source/index.ts'
import { projectFile } from '../support/project'

const doc = readFileSync(projectFile('docs/publishing.md'), 'utf8')
const workflow = readFileSync(projectFile('.github/workflows/deploy.yml'), 'utf8')

/** The fenced code block right after `<!-- name -->` in docs/publishing.md. */
function block(name: string): string {
  const match = new RegExp(`<!-- ${name} -->\\s*\`\`\`groq\\n([\\s\\S]*?)\\n\`\`\``).exec(doc)
  if (!match) throw new Error(`docs/publishing.md has no \`\`\`groq block after <!-- ${name} -->`)
  return match[1]!
}

async function delta(query: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const tree = parse(query, { mode: 'delta' })
  return (await evaluate(tree, { before, after, root: after ?? before })).get()
}

describe('the Sanity webhook in docs/publishing.md', () => {
  const filter = block('webhook-filter')
  const projection = block('webhook-projection')

  it('filters on exactly the document types of the schema', async () => {
    const listed = JSON.parse(/\[([^\]]*)\]/.exec(filter)![0]) as string[]
    expect([...listed].sort()).toEqual([...documentTypes].sort())
    for (const type of documentTypes) expect(await delta(filter, null, { _id: 'x', _type: type })).toBe(true)
    expect(await delta(filter, null, { _id: 'image-x', _type: 'sanity.imageAsset' })).toBe(false)
  })

  it('projects the body GitHub dispatches expect, for create, update and delete', async () => {
    const doc1 = { _id: 'industry-cybersecurity', _type: 'industry', summary: 'a' }
    const cases: [Record<string, unknown> | null, Record<string, unknown> | null, string][] = [
      [null, doc1, 'create'],
      [doc1, { ...doc1, summary: 'b' }, 'update'],
      [doc1, null, 'delete'],
    ]
    for (const [before, after, operation] of cases) {
      const body = (await delta(projection, before, after)) as { event_type: string; client_payload: Record<string, unknown> }
      expect(body).toEqual({ event_type: 'sanity-publish', client_payload: { _id: 'industry-cybersecurity', _type: 'industry', operation } })
      // GitHub: event_type up to 100 characters, client_payload up to 10 top-level properties.
      expect(body.event_type.length).toBeLessThanOrEqual(100)
      expect(Object.keys(body.client_payload).length).toBeLessThanOrEqual(10)
    }
  })

  it('names the endpoint and the headers GitHub needs', () => {
    expect(doc).toContain('https://api.github.com/repos/OWNER/REPO/dispatches')
    expect(doc).toContain('Accept: application/vnd.github+json')
    expect(doc).toMatch(/Contents: Read and write/)
  })
})

describe('.github/workflows/deploy.yml', () => {
  it('listens for the event the webhook sends, on push to main and daily', () => {
    expect(workflow).toMatch(/repository_dispatch:\s*\n\s*types: \[sanity-publish\]/)
    expect(workflow).toMatch(/push:\s*\n\s*branches: \[main\]/)
    expect(workflow).toMatch(/schedule:\s*\n\s*- cron: '[^']+'/)
  })

  it('builds with Node 22 and npm, published content only, and deploys dist/ to Pages', () => {
    expect(workflow).toMatch(/node-version: 22/)
    expect(workflow).toMatch(/run: npm ci\b/)
    expect(workflow).toMatch(/run: npm run build\b/)
    expect(workflow).toMatch(/SANITY_PERSPECTIVE: published/)
    expect(workflow).toMatch(/SANITY_API_READ_TOKEN: \$\{\{ secrets\.SANITY_API_READ_TOKEN \}\}/)
    expect(workflow).toMatch(/uses: actions\/upload-pages-artifact@v\d+\s*\n\s*with:\s*\n\s*path: dist/)
    expect(workflow).toMatch(/uses: actions\/github-script@v\d+\s*\n\s*with:\s*\n\s*script: \|[\s\S]*\.github\/scripts\/deploy-pages\.mjs/)
    expect(workflow).toMatch(/pages: write/)
    expect(workflow).toMatch(/id-token: write/)
    // Payload values reach the shell through env only, never as ${{ }} inside a run script.
    const runScripts = [...workflow.matchAll(/run: \|\n((?:\s{10,}.*\n)+)/g)].map((m) => m[1]!)
    expect(runScripts.length).toBeGreaterThan(0)
    for (const script of runScripts) expect(script).not.toMatch(/\$\{\{/)
  })
})

describe('the preview flag', () => {
  const live = { SANITY_PROJECT_ID: 'p', SANITY_DATASET: 'd', SANITY_API_HOST: 'http://127.0.0.1:9' }
  it('is set only for a live source with the drafts perspective', () => {
    expect(sourceFromEnv({ ...live, SANITY_PERSPECTIVE: 'drafts', SANITY_API_READ_TOKEN: 'sk-secret-123' }).preview).toBe(true)
    expect(sourceFromEnv({ ...live, SANITY_PERSPECTIVE: 'published' }).preview).toBe(false)
    expect(sourceFromEnv(live).preview).toBe(false)
    // Without a project the drafts perspective means nothing: the embedded dataset has no drafts.
    expect(sourceFromEnv({ SANITY_PERSPECTIVE: 'drafts' }).preview).toBe(false)
    expect(sourceFromEnv({}).preview).toBe(false)
  })
})
