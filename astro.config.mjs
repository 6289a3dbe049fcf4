// @ts-check
import { defineConfig } from 'astro/config'
import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import tailwindcss from '@tailwindcss/vite'
import { defaultLocale, locales } from './schemas/locales.ts'
import { headersFileIntegration } from './src/integrations/headers-file.ts'
import { pageDates } from './src/integrations/page-dates.ts'
import { cspConfig } from './src/utils/csp-policy.ts'
import { siteUrlFromEnv } from './src/utils/site-url.ts'

/** The public address of the built site: SITE_URL, else the settings default. */
const site = siteUrlFromEnv()

/** Pages that exist but do not belong in the sitemap: the root language picker and the 404 page. */
const notInSitemap = new Set([`${site}/`, `${site}/404/`])
/** Side-by-side views of pages in both languages: each is canonical to its page. */
const isBilingualView = (/** @type {string} */ page) => page.endsWith('/bilingual/')

/** Each built page's own date, for the sitemap's `<lastmod>` (collected before the sitemap is written). */
const dates = pageDates()

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Four pages in flight: while one page's file is written (libuv's thread pool), the next
    // renders. Output is byte-identical (pages are written to their own paths; the sitemap is
    // sorted).
    concurrency: 4,
  },
  // Lossless whitespace removal: keeps the space between inline elements that Astro 7's
  // default ('jsx') would drop, so text split across template lines still reads right.
  compressHTML: true,
  i18n: {
    // Astro matches routes by `path` (our lowercase URL segment); `codes` are the BCP-47 tags.
    defaultLocale: defaultLocale.segment,
    locales: locales.map((l) => ({ path: l.segment, codes: /** @type {[string, ...string[]]} */ ([l.tag, l.htmlLang]) })),
    routing: {
      prefixDefaultLocale: true,
      // No automatic redirect: src/pages/index.astro is our own language picker.
      redirectToDefaultLocale: false,
    },
  },
  // The MDX pages have no code blocks: no Shiki, whose grammars and WASM engine would load
  // on every build for nothing.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    dates.integration,
    headersFileIntegration(),
    sitemap({
      filter: (page) => !notInSitemap.has(page) && !page.includes('/embed/') && !isBilingualView(page),
      serialize: (item) => ({ ...item, lastmod: dates.lastmod(item.url) }),
      i18n: {
        defaultLocale: defaultLocale.segment,
        locales: Object.fromEntries(locales.map((l) => [l.segment, l.tag])),
      },
    }),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
  // The build's cache folder, when one is named, holds Astro's cache too: a test or a benchmark
  // that gives its build a folder of its own shares nothing with the developer's builds.
  ...(process.env.BUILD_CACHE_DIR?.trim() ? { cacheDir: `${process.env.BUILD_CACHE_DIR.trim()}/astro` } : {}),
  // A strict Content Security Policy on every page, as a <meta> (GitHub Pages reads no headers;
  // src/integrations/headers-file.ts writes the same policy as headers for hosts that do).
  // Astro hashes the styles it emits; inline scripts and styles of our own add their hashes
  // per page (src/utils/csp.ts). Only the search page adds 'wasm-unsafe-eval' (Pagefind).
  security: { csp: cspConfig },
  // No client JavaScript by default: no prefetch script, no dev toolbar in output.
  prefetch: false,
  devToolbar: { enabled: false },
})
