/**
 * The static files of every figure and figure group (src/pages/data/{metrics,groups}/[file].ts):
 * `{slug}.json`, and `{slug}.{lang}.csv` and `{slug}.{lang}.svg` per language.
 */
import { defaultLocale, getLocale, locales, type LocaleId } from '../../schemas/locales'
import { getSiteView } from '../content/load'
import { plainText } from '../utils/page'
import type { Figure } from './figures'
import { figureSvg } from './figures'
import { figureCsv, figureJson } from './figure-data'

type Kind = 'json' | 'csv' | 'svg'
export interface FigureFileProps {
  what: Figure['what']
  slug: string
  kind: Kind
  locale?: LocaleId
}

/**
 * The route of one kind of file of every figure or group: `[slug].json.ts` (`name` is the
 * slug), `[name].csv.ts` and `[name].svg.ts` (`name` is `{slug}.{lang}`). One route per file
 * extension, so the extension is part of the route and a server rendering on demand (the
 * preview server) matches the same addresses as the static build; it finds the file from its
 * name, the static build from `getStaticPaths`.
 */
export function figureFileRoute(what: Figure['what'], kind: Kind) {
  const perLocale = kind !== 'json'
  const getStaticPaths = async () => {
    const view = await getSiteView(defaultLocale.id)
    const slugs = (what === 'metric' ? view.metrics : view.metricGroups).map((x) => x.slug)
    return perLocale
      ? slugs.flatMap((slug) => locales.map((l) => ({ params: { name: `${slug}.${l.segment}` } })))
      : slugs.map((slug) => ({ params: { name: slug } }))
  }
  const GET = async ({ params, site }: { params: Record<string, string | undefined>; site: URL | undefined }) => {
    const file = fromName(what, kind, params.name ?? '')
    return file ? figureFileResponse(file, site) : new Response('Not found', { status: 404 })
  }
  return { getStaticPaths, GET }
}

/** The file a route's `name` names, or undefined for a language the site does not have. */
function fromName(what: Figure['what'], kind: Kind, name: string): FigureFileProps | undefined {
  if (kind === 'json') return { what, slug: name, kind }
  const dot = name.lastIndexOf('.')
  const locale = locales.find((l) => l.segment === name.slice(dot + 1))
  return dot > 0 && locale ? { what, slug: name.slice(0, dot), kind, locale: locale.id } : undefined
}

const TYPES: Record<Kind, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', svg: 'image/svg+xml; charset=utf-8' }

/** The response for one file. */
export async function figureFileResponse(props: FigureFileProps, site: URL | undefined): Promise<Response> {
  const base = site ?? new URL('https://six-core-industries.example.org')
  const locale = getLocale(props.locale ?? defaultLocale.id)
  const view = await getSiteView(locale.id)
  const item = props.what === 'metric' ? view.metrics.find((m) => m.slug === props.slug) : view.metricGroups.find((g) => g.slug === props.slug)
  if (!item) return new Response(`No ${props.what} with the slug "${props.slug}".`, { status: 404 })
  const figure = { what: props.what, item } as Figure
  const body = props.kind === 'json' ? await figureJson(figure, base) : props.kind === 'csv' ? await figureCsv(figure, locale, base) : figureSvg(view, figure, base)
  // Files to take away carry no edit marks, even from the preview server's draft mode.
  return new Response(plainText(body), { headers: { 'Content-Type': TYPES[props.kind] } })
}
