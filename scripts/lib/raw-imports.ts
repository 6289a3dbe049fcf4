/**
 * Vite's `?raw` imports (a file's text as its default export), taught to Node's own loader. The
 * chart renderer imports its own source that way (src/charts/render.ts: a change to it must
 * invalidate the charts cached by earlier builds); with this the build loads src/open-data/ as
 * it loads the rest of its code, without starting Vite beside Astro.
 *
 * Runs on Node's own type stripping (imported by scripts/build.ts): node built-ins only.
 */
import { readFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'

const RAW = '?raw'
let registered = false

/** From now on, in this process, `import text from './file?raw'` gives the file's text. */
export function allowRawImports(): void {
  if (registered) return
  registered = true
  registerHooks({
    load(url, context, next) {
      if (!url.startsWith('file:') || !url.endsWith(RAW)) return next(url, context)
      const text = readFileSync(fileURLToPath(url.slice(0, -RAW.length)), 'utf8')
      return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
    },
  })
}
