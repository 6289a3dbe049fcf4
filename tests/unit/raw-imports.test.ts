/** The build loads src/open-data/ with Node's own loader: `?raw` imports give the file's text there too (scripts/lib/raw-imports.ts). */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const hooks = pathToFileURL(join(root, 'scripts/lib/raw-imports.ts')).href
const renderer = pathToFileURL(join(root, 'src/charts/render.ts')).href

/** Runs an ES module in a Node of its own (the hook changes that process's loader); returns what it prints. */
const runModule = (code: string) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

describe('raw imports in Node', () => {
  it("give a file's text as its default export, once allowed", () => {
    const printed = runModule(
      `import { allowRawImports } from '${hooks}'; allowRawImports(); allowRawImports(); const { default: text } = await import('${renderer}?raw'); process.stdout.write(text)`,
    )
    expect(printed).toBe(readFileSync(join(root, 'src/charts/render.ts'), 'utf8'))
  })

  it('fail without the hook, as Node alone cannot load them', () => {
    expect(() => runModule(`await import('${renderer}?raw')`)).toThrow()
  })

  it('let the open data load in Node, the chart renderer included', () => {
    const printed = runModule(
      `import { allowRawImports } from '${hooks}'; allowRawImports(); const { openDataFiles } = await import('${pathToFileURL(join(root, 'src/open-data/index.ts')).href}'); process.stdout.write(typeof openDataFiles)`,
    )
    expect(printed).toBe('function')
  })
})
