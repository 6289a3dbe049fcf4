/**
 * The document types the site shows, which an update can concern and whose `_updatedAt` dates
 * the pages. Site settings stands for the whole site. Its own module with no imports, like
 * singletons.ts, so the site's loader can read it without loading the schema types.
 */
export const updateTargetTypes = [
  'siteSettings',
  'policy',
  'section',
  'industry',
  'metric',
  'metricGroup',
  'source',
  'glossaryTerm',
  'timelineEvent',
  'policyDevelopment',
  'accessibilityStatement',
] as const

/** One of {@link updateTargetTypes}. */
export type UpdateTargetType = (typeof updateTargetTypes)[number]
