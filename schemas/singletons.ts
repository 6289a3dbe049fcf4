/**
 * Singleton documents live on fixed ids: one of each, never created or deleted by editors.
 * Its own module with no imports, so the site's pages can read the ids without loading the
 * schema types (and, through @sanity/types, @sanity/client).
 */
export const singletons = { siteSettings: 'siteSettings', policy: 'policy', accessibilityStatement: 'accessibilityStatement' } as const

/** Document types that are singletons. */
export const singletonTypes = new Set<string>(Object.keys(singletons))

/**
 * Singletons the site can do without: when there is none, the page that shows it is not built
 * and nothing links to it. The others (site settings, the policy) must exist.
 */
export const optionalSingletonTypes: ReadonlySet<string> = new Set(['accessibilityStatement'])
