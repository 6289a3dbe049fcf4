import { localeString } from './objects/localeString.ts'
import { localeText } from './objects/localeText.ts'
import { localePortableText } from './objects/localePortableText.ts'
import { portableText } from './objects/portableText.ts'
import { point } from './objects/point.ts'
import { translationProvenance } from './objects/translationProvenance.ts'
import { translationSource } from './objects/translationSource.ts'
import { translationSourceBlock } from './objects/translationSourceBlock.ts'
import { siteSettings } from './documents/siteSettings.ts'
import { policy } from './documents/policy.ts'
import { section } from './documents/section.ts'
import { industry } from './documents/industry.ts'
import { metric } from './documents/metric.ts'
import { metricGroup } from './documents/metricGroup.ts'
import { source } from './documents/source.ts'
import { glossaryTerm } from './documents/glossaryTerm.ts'
import { timelineEvent } from './documents/timelineEvent.ts'
import { update } from './documents/update.ts'
import { policyDevelopment } from './documents/policyDevelopment.ts'
import { accessibilityStatement } from './documents/accessibilityStatement.ts'
import { withTranslationFlags } from './lib/translation-flags.ts'

/**
 * The one content model: every schema type, shared by the Studio, the site build and the tests.
 * Document previews flag stale translations (schemas/lib/translation-flags.ts).
 */
export const schemaTypes = withTranslationFlags([
  // objects
  localeString,
  localeText,
  localePortableText,
  portableText,
  point,
  translationProvenance,
  translationSource,
  translationSourceBlock,
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
  update,
  policyDevelopment,
  accessibilityStatement,
])

export { optionalSingletonTypes, singletons, singletonTypes } from './singletons.ts'

/** Every document type name (objects excluded). */
export const documentTypes = schemaTypes.filter((t) => t.type === 'document').map((t) => t.name)

export { locales, defaultLocale, sourceLocale, getLocale, fallbackOrder, localeIds } from './locales.ts'
export type { Locale, LocaleId, LocaleSegment } from './locales.ts'
