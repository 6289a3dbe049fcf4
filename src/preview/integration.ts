/**
 * The preview server as an Astro integration, added only by astro.preview.config.mjs: the
 * middleware that loads content per request, the draft-mode and change-stream routes, and
 * the page script that starts visual editing in draft mode. `npm run build` never loads it.
 */
import type { AstroIntegration } from 'astro'

const here = (file: string) => new URL(file, import.meta.url).pathname

export function previewServer(): AstroIntegration {
  return {
    name: 'six-core:preview-server',
    hooks: {
      'astro:config:setup': ({ addMiddleware, injectRoute, injectScript }) => {
        addMiddleware({ entrypoint: here('./middleware.ts'), order: 'pre' })
        injectRoute({ pattern: '/api/draft-mode/enable', entrypoint: here('./routes/draft-mode-enable.ts'), prerender: false })
        injectRoute({ pattern: '/api/draft-mode/disable', entrypoint: here('./routes/draft-mode-disable.ts'), prerender: false })
        injectRoute({ pattern: '/api/preview/events', entrypoint: here('./routes/preview-events.ts'), prerender: false })
        injectScript('page', `import ${JSON.stringify(here('./client/visual-editing.ts'))}`)
      },
    },
  }
}
