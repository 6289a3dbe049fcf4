/**
 * Share cards: the picture a link preview shows (`og:image`, 1200×630), one per page of the
 * site (the page layer's `allPages`), made from an SVG template and rendered to PNG by the
 * files phase with the chart PNGs (png.ts). A card says what the page is ("產業",
 * "Figures"), its title, the site's name and the page's address; a figure's page and a
 * chart's embed page also show the chart. Every text from the CMS is escaped.
 *
 * `paths.shareCard(page.path)` (schemas/site-paths.ts) is the card's address: the head
 * (src/components/Head.astro) links it, and the files phase writes it there.
 */
import { defaultLocale, locales, type Locale } from '../../schemas/locales.ts'
import { groupChartSpec } from '../charts/metricGroupChart.ts'
import { wrapLabel } from '../charts/render.ts'
import { t } from '../../schemas/i18n/t.ts'
import { paths } from '../../schemas/site-paths.ts'
import type { IndustryView, MetricGroupView, MetricView, SiteView, SiteViews } from '../content/views.ts'
import { allPages, pageAt, type PageKindName } from '../page-model/index.ts'
import { escapeXml, figureGroup, placeChart, svgFontStack } from './standalone-svg.ts'
import type { Figure } from './figure.ts'
import { CARD_HEIGHT, CARD_WIDTH } from './share-card-size.ts'

const X = 80
const TEXT_WIDTH = CARD_WIDTH - 2 * X
const BRAND = '#0b5a87'
const INK = '#1f2328'
const MUTED = '#4a5058'

/** What a card shows. */
export interface CardText {
  /** BCP-47 tag of the card's language. */
  lang: string
  /** What the page is: "產業", "Figures", or the picker's prompt in every language. */
  kind: string
  /** The page's title, one or more lines (the root page: the site's name in each language). */
  title: string[]
  site: string
  /** The page's address without the scheme, e.g. six-core.example.org/en/metrics/x/. */
  address: string
  /** The figure whose chart the card shows. */
  figure?: Figure
}

/** The props of the page kinds a card reads (the page layer's props, loosely). */
interface CardProps {
  view?: SiteView
  metric?: MetricView
  industry?: IndustryView
  group?: MetricGroupView
}

/** A card's "what" label and title for a page of `kind` in `view`'s language. */
function kindAndTitle(kind: PageKindName, view: SiteView, props: CardProps): { kind: string; title: string; figure?: Figure } {
  const l = view.locale
  const site = view.settings.title.value
  switch (kind) {
    case 'home':
      return { kind: t(l, 'site.homeLink'), title: site }
    case 'policy':
    case 'policyBilingual':
      return { kind: t(l, 'nav.policy'), title: view.policy.title.value }
    case 'industries':
      return { kind: t(l, 'nav.industries'), title: t(l, 'industries.title') }
    case 'industry':
    case 'industryBilingual':
      return { kind: t(l, 'nav.industries'), title: props.industry?.name.value ?? site }
    case 'metrics':
    case 'metricsPage':
      return { kind: t(l, 'nav.metrics'), title: t(l, 'metrics.title') }
    case 'metric':
      return { kind: t(l, 'nav.metrics'), title: props.metric!.label.value, figure: { what: 'metric', item: props.metric! } }
    case 'embed':
      return { kind: t(l, 'embed.chart'), title: props.group!.title.value, figure: { what: 'group', item: props.group! } }
    case 'glossary':
    case 'glossaryPage':
      return { kind: t(l, 'nav.glossary'), title: t(l, 'glossary.title') }
    case 'updates':
      return { kind: t(l, 'updates.title'), title: t(l, 'updates.lead') }
    case 'about':
      return { kind: t(l, 'nav.about'), title: site }
    case 'search':
      return { kind: t(l, 'nav.search'), title: t(l, 'search.title') }
    default:
      return { kind: site, title: site }
  }
}

/** The card of the page at `path`, or undefined when the site has no such page. */
export function cardText(views: SiteViews, path: string, site: URL): CardText | undefined {
  const page = pageAt(views, path)
  if (!page) return undefined
  const address = new URL(path, site).toString().replace(/^https?:\/\//, '')
  const every = locales.map((l) => views[l.id])
  // The picker and the 404 page are in every language: so is their card.
  if (page.kind === 'root' || page.kind === 'notFound') {
    const kind = page.kind === 'root' ? 'picker.choose' : 'notFound.title'
    return { lang: defaultLocale.tag, kind: every.map((v) => t(v.locale, kind)).join(' · '), title: every.map((v) => v.settings.title.value), site: '', address }
  }
  const view = views[page.locale.id]
  const { kind, title, figure } = kindAndTitle(page.kind, view, (page.props ?? {}) as CardProps)
  return { lang: page.locale.tag, kind, title: [title], site: view.settings.title.value, address, ...(figure ? { figure } : {}) }
}

/** Text lines at x = X from `y` on, each wrapped to the width, at most `max` lines (the last cut with "…"). */
function lines(texts: string[], y: number, size: number, max: number, attrs: string): { markup: string; y: number } {
  let wrapped = texts.flatMap((text) => wrapLabel(text, TEXT_WIDTH, size))
  if (wrapped.length > max) wrapped = [...wrapped.slice(0, max - 1), `${wrapped[max - 1]!.replace(/.$/u, '')}…`]
  let markup = ''
  for (const line of wrapped) {
    y += Math.round(size * 1.25)
    markup += `<text x="${X}" y="${y}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`
  }
  return { markup, y }
}

/** The card as an SVG document, 1200×630. */
export function shareCardSvg(card: CardText, locale: Locale): string {
  const chart = Boolean(card.figure)
  const kind = lines([card.kind], 48, 30, 1, `font-weight="bold" fill="${BRAND}"`)
  const title = lines(card.title, kind.y + 16, chart ? 46 : 64, chart ? 2 : 3, `font-weight="bold" fill="${INK}"`)
  const footerY = CARD_HEIGHT - 56
  const figure =
    card.figure && placeChart(groupChartSpec(figureGroup(card.figure), locale), X, title.y + 28, { width: TEXT_WIDTH, height: footerY - 48 - (title.y + 28), scale: 2 })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" xml:lang="${escapeXml(card.lang)}" font-family="${escapeXml(svgFontStack(card.lang))}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>` +
    `<rect width="${CARD_WIDTH}" height="14" fill="${BRAND}"/>` +
    kind.markup +
    title.markup +
    (figure?.markup ?? '') +
    `<rect x="${X}" y="${footerY - 34}" width="${TEXT_WIDTH}" height="2" fill="#d0d7de"/>` +
    (card.site ? `<text x="${X}" y="${footerY}" font-size="26" font-weight="bold" fill="${INK}">${escapeXml(card.site)}</text>` : '') +
    `<text x="${X}" y="${footerY + 36}" font-size="22" fill="${MUTED}">${escapeXml(card.address)}</text>` +
    `</svg>\n`
  )
}

/** Every page's card: its path on the site and its SVG (made when asked). */
export function shareCards(views: SiteViews, site: URL): { path: string; svg: () => string }[] {
  return allPages(views).map((entry) => ({
    path: paths.shareCard(entry.path),
    svg: () => shareCardSvg(cardText(views, entry.path, site)!, entry.locale),
  }))
}
