import { localeString } from './objects/localeString'
import { localeText } from './objects/localeText'
import { localePortableText } from './objects/localePortableText'
import { portableText } from './objects/portableText'
import { point } from './objects/point'
import { siteSettings } from './documents/siteSettings'
import { policy } from './documents/policy'
import { section } from './documents/section'
import { industry } from './documents/industry'
import { metric } from './documents/metric'
import { metricGroup } from './documents/metricGroup'
import { source } from './documents/source'
import { glossaryTerm } from './documents/glossaryTerm'
import { timelineEvent } from './documents/timelineEvent'

/** The one content model: every schema type, shared by the Studio, the site build and the tests. */
export const schemaTypes = [
  // objects
  localeString,
  localeText,
  localePortableText,
  portableText,
  point,
  // documents
  siteSettings,
  policy,
  section,
  industry,
  metric,
  metricGroup,
  source,
  glossaryTerm,
  timelineEvent,
]

export { singletons, singletonTypes } from './singletons'

/** Every document type name (objects excluded). */
export const documentTypes = schemaTypes.filter((t) => t.type === 'document').map((t) => t.name)

export { locales, defaultLocale, getLocale, fallbackOrder, localeIds } from './locales'
export type { Locale, LocaleId, LocaleSegment } from './locales'
