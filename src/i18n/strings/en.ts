/**
 * UI strings in English. This file defines the keys: every other locale's file must have
 * exactly the same keys (a missing one fails the type-check and tests/unit/i18n.test.ts).
 * Placeholders like {name} are filled by `t(locale, key, { name })`.
 *
 * Editing: add keys with small, targeted insertions (several people add keys at once).
 */
export const en = {
  // Site chrome
  'site.skipToContent': 'Skip to main content',
  'site.homeLink': 'Home',
  'nav.label': 'Main',
  'nav.policy': 'Policy',
  'nav.industries': 'Industries',
  'nav.metrics': 'Figures',
  'nav.glossary': 'Glossary',
  'nav.about': 'About',
  'nav.search': 'Search',
  'lang.switchLabel': 'Language',
  'lang.readIn': 'Read this page in {language}',
  'breadcrumb.label': 'Breadcrumb',

  // Footer
  'footer.publishedBy': 'Published by {publisher}',
  'footer.sourceBrief': 'Based on the policy brief: {source}',
  'footer.contact': 'Contact: {email}',
  'footer.data': 'Open data',
  'footer.dataCsv': 'All figures (CSV)',
  'footer.dataJson': 'All figures (JSON)',
  'footer.sitemap': 'Sitemap',

  // Links and notices
  'link.external': '(external link)',
  'fallback.notice': 'Not yet translated; shown in Traditional Chinese',
  'toc.label': 'On this page',
  // Translations that are out of date, and the side-by-side view
  'translation.staleNotice': 'This English text was translated from an earlier version of the Chinese original, which has changed since {date}.',
  'translation.staleUnconfirmed': 'This English text has not yet been checked against the current Chinese original.',
  'translation.readSource': 'Read the current Chinese',
  'translation.staleShort': '(older translation)',
  'translation.bilingualLink': 'Read this page in Chinese and English side by side',
  'translation.bilingualTitle': '{title}: Chinese and English side by side',
  'translation.bilingualCrumb': 'Side by side',
  'translation.bilingualLead': 'The Chinese original and its English translation, part by part. Parts marked as older translations were translated from an earlier version of the Chinese.',
  'translation.bilingualBack': 'Back to the page',
  'translation.bilingualMissing': 'Not written in this language yet.',
  'translation.bilingualStale': 'Older translation: the original has changed since {date}.',
  'translation.bilingualStaleUnconfirmed': 'Older translation: not yet checked against the current original.',
  'translation.bilingualSource': 'Original',

  // Home
  'home.title': 'Taiwan’s Six Core Strategic Industries, explained',
  'home.lead': 'The policy in three sentences',
  'home.readPolicy': 'Read the policy explained',
  'home.industriesHeading': 'The six industries at a glance',
  'home.allIndustries': 'All six industries',
  'home.figuresHeading': 'Headline figures',
  'home.allFigures': 'All figures and sources',
  'home.timelineHeading': 'Timeline',

  // Policy
  'policy.issuedBy': 'Issued by {issuer}, {date}',
  'policy.goal': 'The goal',
  'policy.frameworkHeading': 'How the pieces fit together',
  'policy.frameworkCaption': 'Figure 1 of the brief: Taiwan’s forward-looking industrial plan',
  'policy.frameworkFoundations': 'Foundations',
  'policy.frameworkMeasures': 'Enabling measures',
  'policy.frameworkStrategies': 'Strategies',
  'policy.frameworkIndustries': 'Six core strategic industries',
  'policy.frameworkInWords': 'The diagram in words',
  'policy.enablingHeading': 'Enabling measures',
  'policy.figuresInSection': 'Figures in this section',

  // Industries
  'industries.title': 'The six industries',
  'industries.lead': 'Six industries the government chose in 2020 to build on the 5+2 industrial innovation plans.',
  'industry.number': 'Industry {n} of {total}',
  'industry.goal': 'Goal',
  'industry.directions': 'Development directions',
  'industry.initiatives': 'Key initiatives',
  'industry.figures': 'Figures',
  'industry.allFigures': 'See these figures with charts and sources',
  'industry.noFigures': 'The brief states no figures for this industry.',
  'industry.related': 'Related parts of the brief',
  'industry.previous': 'Previous industry',
  'industry.next': 'Next industry',
  'industry.pagination': 'More industries',

  // Glossary
  'glossary.title': 'Glossary',
  'glossary.lead': 'Terms used in the brief and on this site, in both languages.',
  'glossary.aliases': 'Also known as: {aliases}',
  'glossary.otherLanguage': 'In {language}:',

  // Root language picker and 404
  'picker.choose': 'Choose your language',
  'preview.banner': 'Preview: this build shows unpublished drafts. Not for sharing.',
  'notFound.title': 'Page not found',
  'notFound.body': 'The page you asked for does not exist or has moved.',
  'notFound.home': 'Go to the home page',

  // Figures (plain list, used until the figure component exists)
  'figure.source': 'Source: {source}',
  'figure.asOf': 'As of {date}',

  // Figure formatting (src/i18n/format.ts): wording around Intl's numbers
  'format.currency.TWD': 'NT${amount}',
  'format.currency.USD': 'US${amount}',
  'format.rank': 'No. {n}',
  'format.count': '{n} {noun}',
  'format.comparator.exact': '{x}',
  'format.comparator.about': 'about {x}',
  'format.comparator.over': 'more than {x}',
  'format.comparator.atLeast': 'at least {x}',
  'format.comparatorShort.exact': '{x}',
  'format.comparatorShort.about': '≈ {x}',
  'format.comparatorShort.over': '> {x}',
  'format.comparatorShort.atLeast': '≥ {x}',
  // Figures pages, figure component, charts, sources
  'metrics.title': 'Figures and sources',
  'metrics.lead': 'Every figure the brief states, with its date and source. Charts compare figures that belong together; each figure has its own page.',
  'metrics.chartsHeading': 'Charts',
  'metrics.allHeading': 'All figures',
  'metrics.openDataHeading': 'Open data',
  'metrics.openDataLead': 'All figures in both languages with their sources, free to reuse with attribution.',
  'metrics.downloadCsv': 'Download CSV (UTF-8, opens in Excel)',
  'metrics.downloadJson': 'Download JSON',
  'metric.label': 'Figure',
  'metric.value': 'Value',
  'metric.plainValue': 'Number',
  'metric.unit': 'Unit',
  'metric.asOf': 'As of',
  'metric.note': 'Note',
  'metric.source': 'Source',
  'metric.citation': 'How to cite',
  'metric.citationText': '{label}: {value} ({date}). Source: {source}.',
  'metric.citedBy': 'Industries that cite this figure',
  'metric.citedByNone': 'No industry page cites this figure.',
  'metric.statedIn': 'Where the brief states it',
  'metric.chartHeading': 'Compared with related figures',
  'metric.tableHeading': 'The figure in a table',
  'metric.details': 'Details and source',
  'metric.allFigures': 'All figures',
  'metric.reuse': 'Reuse this figure',
  'metric.inlineDate': ' ({date})',
  'metric.unit.percent': 'percent',
  'metric.unit.rank': 'rank',
  'metric.unit.count': 'count',
  'metric.unit.days': 'days',
  'metric.unit.currency': 'money ({currency})',
  'chart.tableCaption': '{title}: the figures in the chart',
  'chart.sources': 'Sources',
  'source.citation': '{publisher}, “{title},” {date}',
  // Search page
  'search.title': 'Search',
  'search.lead': 'Search the English pages: the industries, the figures, the glossary and the policy explained.',
  'search.noscript': 'Search needs JavaScript. You can browse the industries, the figures and the glossary instead.',
  'search.filterIndustry': 'Industry',
} as const

/** A UI string key. */
export type StringKey = keyof typeof en
