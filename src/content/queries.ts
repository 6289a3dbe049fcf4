import { defineQuery } from 'groq'

/**
 * All GROQ queries of the site, in one module. Values always travel as `$params`, never
 * by string interpolation. Localized fields come back whole (`{zhTW, en}`); the loader
 * resolves the reader's language and marks fallbacks once, in `localize.ts`.
 *
 * Every list is ordered explicitly: editorial order (`orderRank`) for the brief's parts,
 * the six industries and the figure groups; slug or date elsewhere.
 */

/**
 * Everything the site renders, in one round trip: the live API answers it in one request,
 * and the local source evaluates it once per build.
 */
export const siteContentQuery = defineQuery(`{
  "settings": *[_type == "siteSettings" && _id == $settingsId][0]{
    title, description, publisher, siteUrl, contactEmail, dateCalendar, licence,
    "socialImage": socialImage{ "url": asset->url, alt }
  },
  "policy": *[_type == "policy" && _id == $policyId][0]{
    title, subtitle, issuer, date, summary, vision, frameworkSummary,
    enablingMeasures[]{ _key, title, description },
    foundations[]{ _key, title, description },
    strategies[]{ _key, title, description },
    "source": source->{ _id, publisher, abbreviation, title, date, url }
  },
  "sections": *[_type == "section" && defined(slug.current)] | order(orderRank asc) {
    _id, "slug": slug.current, title, summary, body,
    points[]{ _key, title, description }
  },
  "industries": *[_type == "industry" && defined(slug.current)] | order(orderRank asc) {
    _id, "slug": slug.current, name, shortName, summary, goal, body, directions, initiatives,
    "metrics": metrics[]->slug.current,
    "sections": sections[]->slug.current
  },
  "metrics": *[_type == "metric" && defined(slug.current)] | order(slug.current asc) {
    _id, "slug": slug.current, label, value, comparator, unit, currency, countNoun, asOf, note,
    "source": source->{ _id, publisher, abbreviation, title, date, url },
    "statedIn": statedIn->slug.current
  },
  "metricGroups": *[_type == "metricGroup" && defined(slug.current)] | order(orderRank asc) {
    _id, "slug": slug.current, title, summary,
    "metrics": metrics[]->slug.current
  },
  "sources": *[_type == "source"] | order(_id asc) { _id, publisher, abbreviation, title, date, url },
  "glossary": *[_type == "glossaryTerm" && defined(slug.current)] | order(slug.current asc) {
    _id, "slug": slug.current, term, definition, alsoKnownAs, aliases
  },
  "timeline": *[_type == "timelineEvent"] | order(date asc, _id asc) { _id, date, title, description },
  "updates": *[_type == "update" && defined(date)] | order(date desc, _id asc) {
    _id, date, title, note, significance, "documents": documents[]._ref
  },
  "developments": *[_type == "policyDevelopment" && defined(date)] | order(date desc, _id asc) {
    _id, date, title, summary, "source": source{ publisher, title, url }
  },
  "accessibility": *[_type == "accessibilityStatement" && _id == $accessibilityId][0]{
    title, standard, conformance, testing, knownIssues, reporting, reviewed
  },
  "changes": *[_type in $contentTypes] | order(_id asc) { _id, _type, _rev, _updatedAt }
}`)
