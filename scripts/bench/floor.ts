/**
 * The floor: a bare Astro 7 project that builds N pages with trivial content, generated
 * under bench/work/floor-N. It resolves `astro` from the repository's node_modules (Node
 * walks up from bench/work/floor-N), so it needs no package.json or install.
 *
 * It is built exactly the way `npm run build` builds the site's pages: Astro's CLI,
 * `node node_modules/astro/bin/astro.mjs build --root <dir>`, on the same Node, as a process
 * of its own (scripts/build.ts runs that same command as a child in its "pages" phase).
 * So the floor's whole-process time is what any Astro build of N pages pays (Node and
 * Astro start-up, Vite, rendering and writing N files) and nothing of the site's own work;
 * site / floor is what the site adds on top: the build script, content, validation,
 * its templates, charts, integrations (MDX, sitemap, Tailwind) and Pagefind.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes (or rewrites) a floor project with `pages` pages.
 *
 * With `stack: true` it is the *stack floor*: the same trivial pages, but built with the
 * integrations the site's Astro config adds (MDX, the sitemap, Tailwind through its Vite
 * plugin, with one stylesheet that imports Tailwind and a few utility classes on the page) and
 * `data-pagefind-body` on the page body. The benchmark times it next to the floor, and adds
 * Pagefind indexing the site's own pages, to show the least a build of this site's pages
 * with this stack could take (see bench.ts, "lower bound").
 */
export function writeFloorProject(dir: string, pages: number, options: { stack?: boolean } = {}): { outDir: string } {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`A floor project needs at least one page (got ${pages}).`)
  const stack = options.stack ?? false
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true })
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config'",
      ...(stack ? ["import mdx from '@astrojs/mdx'", "import sitemap from '@astrojs/sitemap'", "import tailwindcss from '@tailwindcss/vite'"] : []),
      '',
      '// Same output shape as the site: static, directory format, trailing slashes, compressed HTML.',
      'export default defineConfig({',
      ...(stack ? ["  site: 'https://floor.example.org',"] : []),
      "  output: 'static',",
      "  trailingSlash: 'always',",
      "  build: { format: 'directory' },",
      '  compressHTML: true,',
      ...(stack
        ? [
            "  // The site's integrations, as in its astro.config.mjs.",
            '  markdown: { syntaxHighlight: false },',
            '  integrations: [mdx(), sitemap()],',
            '  vite: { plugins: [tailwindcss()] },',
          ]
        : []),
      '  prefetch: false,',
      '  devToolbar: { enabled: false },',
      '})',
      '',
    ].join('\n'),
  )
  // A tsconfig of its own, so Vite does not pick up the repository's.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['src'] }, null, 2) + '\n')
  if (stack) {
    mkdirSync(join(dir, 'src', 'styles'), { recursive: true })
    writeFileSync(join(dir, 'src', 'styles', 'global.css'), '@import "tailwindcss";\n')
  }
  writeFileSync(
    join(dir, 'src', 'pages', '[slug].astro'),
    [
      '---',
      ...(stack ? ["import '../styles/global.css'"] : []),
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
      stack ? '  <body class="p-4 text-lg" data-pagefind-body>' : '  <body>',
      '    <h1>Page {n} of {PAGES}</h1>',
      '    <p>Trivial content.</p>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  )
  return { outDir: join(dir, 'dist') }
}

/** The command that builds a floor project: Astro's CLI on this Node. */
export function floorCommand(repo: string, dir: string): [string, string[]] {
  return [process.execPath, [join(repo, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', dir]]
}

/** Astro's own build time from its log ("88 page(s) built in 3.39s"), seconds. */
export function astroBuiltSeconds(output: string): number | undefined {
  const m = /page\(s\) built in (\d+(?:\.\d+)?)(ms|s)\b/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''))
  return m ? Number(m[1]) / (m[2] === 'ms' ? 1000 : 1) : undefined
}
