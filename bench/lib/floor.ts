/**
 * The floor: a bare Astro project of N trivial pages, built by the command the site's pages
 * phase runs (Astro's CLI on this Node, in a process of its own). Its time is what any Astro
 * build of N pages pays (start-up, Vite, rendering and writing N files); site / floor is what
 * the site adds on top.
 *
 * The stack floor is the same project with the site's integrations (MDX, sitemap, Tailwind
 * through its Vite plugin) and `data-pagefind-body`. Followed by Pagefind on the site's pages,
 * it is the lower bound: the least a build of these pages with this stack can take. Pagefind
 * runs there as its own command (`npx pagefind`), one program after the other; the site's build
 * runs the same program through Pagefind's Node API, started while Astro renders.
 *
 * Generated under bench/work/; `astro` and the integrations resolve from the repository's
 * node_modules by Node's upward lookup, so the projects need no package.json or install.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { packageBin } from '../../scripts/lib/child.ts'
import { shellLine, shellQuote } from './timing.ts'

const ASTRO = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs')

/** The packages the stack floor's config imports: the site's integrations (a test compares them with astro.config.mjs). */
export const STACK_IMPORTS = {
  '@astrojs/mdx': 'mdx',
  '@astrojs/sitemap': 'sitemap',
  '@tailwindcss/vite': 'tailwindcss',
} as const

function config(stack: boolean): string {
  const imports = Object.entries(STACK_IMPORTS).map(([pkg, name]) => `import ${name} from '${pkg}'`)
  return [
    "import { defineConfig } from 'astro/config'",
    ...(stack ? imports : []),
    '',
    // The site's output shape, so both write the same files.
    'export default defineConfig({',
    "  output: 'static',",
    "  trailingSlash: 'always',",
    "  build: { format: 'directory' },",
    '  compressHTML: true,',
    '  prefetch: false,',
    '  devToolbar: { enabled: false },',
    ...(stack
      ? [
          // The sitemap needs a site URL; syntax highlighting is off in the site too.
          "  site: 'https://floor.example.org',",
          '  markdown: { syntaxHighlight: false },',
          '  integrations: [mdx(), sitemap()],',
          '  vite: { plugins: [tailwindcss()] },',
        ]
      : []),
    '})',
    '',
  ].join('\n')
}

function page(pages: number, stack: boolean): string {
  return [
    '---',
    ...(stack ? ["import '../styles/global.css'"] : []),
    'export function getStaticPaths() {',
    `  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`page-\${i + 1}\` }, props: { n: i + 1 } }))`,
    '}',
    'const { n } = Astro.props',
    '---',
    '<html lang="en">',
    '  <head><meta charset="utf-8" /><title>Page {n}</title></head>',
    `  <body${stack ? ' class="p-4 text-lg" data-pagefind-body' : ''}>`,
    `    <h1>Page {n} of ${pages}</h1>`,
    '    <p>Trivial content.</p>',
    '  </body>',
    '</html>',
    '',
  ].join('\n')
}

/** Writes a floor project (a stack floor with `stack`) of `pages` pages into `dir`, replacing what was there. */
export function writeFloorProject(dir: string, pages: number, { stack = false } = {}): void {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`A floor project needs at least one page (got ${pages}).`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true })
  writeFileSync(join(dir, 'astro.config.mjs'), config(stack))
  // Its own tsconfig, so Vite does not pick up the repository's.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/base', include: ['src'] }) + '\n')
  writeFileSync(join(dir, 'src', 'pages', '[slug].astro'), page(pages, stack))
  if (stack) {
    mkdirSync(join(dir, 'src', 'styles'))
    writeFileSync(join(dir, 'src', 'styles', 'global.css'), '@import "tailwindcss";\n')
  }
}

/** Astro's CLI building the project at `root` on this Node: what the site's pages phase runs. */
export const astroBuild = (root: string): string[] => [process.execPath, ASTRO, 'build', '--root', root]

/** The environment without `PAGEFIND_*` variables: Pagefind's command reads options from them. */
export function pagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^PAGEFIND_/i.test(name)))
}

/**
 * Pagefind's own command (the `pagefind` bin of its npm package, what `npx pagefind` runs) on
 * this Node: index every HTML file under `siteDir`, write the index to `outputDir`, print only
 * warnings and errors. Run it in an empty folder, with `env`: no `pagefind.*` file or
 * `PAGEFIND_*` variable changes what is indexed, as none does in the site's build.
 */
export function pagefindCommand(siteDir: string, outputDir: string, env: NodeJS.ProcessEnv = process.env): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  const bin = packageBin(join(import.meta.dirname, '..', '..'), 'pagefind')
  return { command: process.execPath, args: [bin, '--site', resolve(siteDir), '--output-path', resolve(outputDir), '--quiet'], env: pagefindEnv(env) }
}

/**
 * The lower bound as one command: the stack floor's build, then Pagefind's command
 * (`pagefindCommand`), started in `cwd`, an empty folder, so no `pagefind.*` config file applies.
 */
export function lowerBoundCommand(stackDir: string, pagefind: { command: string; args: string[] }, cwd: string): string[] {
  return ['sh', '-c', `${shellLine(astroBuild(stackDir))} && cd ${shellQuote(cwd)} && ${shellLine([pagefind.command, ...pagefind.args])}`]
}
