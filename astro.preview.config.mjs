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
  // The page script loads visual editing from the server itself; the Studio frames the pages
  // (frame-ancestors is set per response by the middleware).
  security: { ...site.security, csp: false },
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
