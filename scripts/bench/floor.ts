/**
 * The floor: a bare Astro 7 project that builds N pages with trivial content, generated
 * under bench/work/floor-N. It resolves `astro` from the repository's node_modules (Node
 * walks up from bench/work/floor-N), so it needs no package.json or install.
 *
 * It is built the way the site's `npm run build` builds its pages: a TypeScript script run
 * by the same Node with the same tsx loader, calling Astro's programmatic `build()` (the
 * path scripts/build.ts takes for its "pages" phase). So the floor's whole-process time
 * holds what any Astro build of N pages pays (Node and tsx start-up, Astro and Vite
 * start-up, rendering and writing N files) and nothing of the site's own work; the ratio
 * site / floor is what the site adds on top: content, validation, its templates, charts,
 * integrations (MDX, sitemap, Tailwind) and Pagefind.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Writes (or rewrites) a floor project with `pages` pages; returns the script to run. */
export function writeFloorProject(dir: string, pages: number): { script: string; outDir: string } {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`A floor project needs at least one page (got ${pages}).`)
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true })
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config'",
      '',
      '// Same output shape as the site: static, directory format, trailing slashes, compressed HTML.',
      'export default defineConfig({',
      "  output: 'static',",
      "  trailingSlash: 'always',",
      "  build: { format: 'directory' },",
      '  compressHTML: true,',
      '  prefetch: false,',
      '  devToolbar: { enabled: false },',
      '})',
      '',
    ].join('\n'),
  )
  // A tsconfig of its own, so Vite does not pick up the repository's.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['src'] }, null, 2) + '\n')
  writeFileSync(
    join(dir, 'src', 'pages', '[slug].astro'),
    [
      '---',
      `const PAGES = ${pages}`,
      'export function getStaticPaths() {',
      `  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`page-\${i + 1}\` }, props: { n: i + 1 } }))`,
      '}',
      'const { n } = Astro.props',
      '---',
      '<html lang="en">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <title>Page {n}</title>',
      '  </head>',
      '  <body>',
      '    <h1>Page {n} of {PAGES}</h1>',
      '    <p>Trivial content.</p>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  )
  const outDir = join(dir, 'dist')
  const script = join(dir, 'build.ts')
  writeFileSync(
    script,
    [
      "import { build } from 'astro'",
      "import { fileURLToPath } from 'node:url'",
      '',
      "process.env.ASTRO_TELEMETRY_DISABLED = '1'",
      "const root = fileURLToPath(new URL('.', import.meta.url))",
      'const started = performance.now()',
      "await build({ root, logLevel: 'warn' })",
      "console.log(`pages ${((performance.now() - started) / 1000).toFixed(2)}s · process ${process.uptime().toFixed(2)}s`)",
      '',
    ].join('\n'),
  )
  return { script, outDir }
}
