// @ts-check
/**
 * The preview server (`npm run preview:live`): the site's own config, rendered on demand by
 * Astro's Node adapter, plus the preview integration (src/preview/). Same pages, components
 * and queries as the static build; `npm run build` never reads this file.
 */
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'
import site from './astro.config.mjs'
import { previewServer } from './src/preview/integration.ts'

/** Where `npm run preview:build` writes the server. */
export const PREVIEW_OUT_DIR = './dist-preview'

export default defineConfig({
  ...site,
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  outDir: PREVIEW_OUT_DIR,
  // HOST and PORT override these when the server starts.
  server: { host: '127.0.0.1', port: 4322 },
  // The sitemap lists the public site's pages; the preview server has none to list.
  integrations: [...(site.integrations ?? []).filter((i) => i && 'name' in i && i.name !== '@astrojs/sitemap'), previewServer()],
  // Astro's policy names the page's scripts (same-origin files, hashes of the site's inline
  // scripts); the middleware keeps its script directives and adds frame-ancestors for the
  // Studio (src/preview/headers.ts). Its style rules are dropped: the visual-editing overlay
  // injects styles at run time.
  security: site.security,
  vite: {
    ...site.vite,
    build: {
      rollupOptions: {
        // visual-editing's dependencies mark modules "use client" (a React Server Components
        // hint); bundling for the browser drops it, as it should. Every other warning shows.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
        },
      },
    },
  },
})
