/**
 * The static files of every figure and figure group (src/pages/data/{metrics,groups}/[file].ts):
 * `{slug}.json`, and `{slug}.{lang}.csv` and `{slug}.{lang}.svg` per language.
 */
import { defaultLocale, getLocale, locales, type LocaleId } from '../../schemas/locales'
import { getSiteView } from '../content/load'
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

/** `getStaticPaths` for one kind of figure: every file of every figure or group. */
export async function figureFilePaths(what: Figure['what']) {
  const view = await getSiteView(defaultLocale.id)
  const slugs = (what === 'metric' ? view.metrics : view.metricGroups).map((x) => x.slug)
  return slugs.flatMap((slug) => [
    { params: { file: `${slug}.json` }, props: { what, slug, kind: 'json' } satisfies FigureFileProps },
    ...locales.flatMap((l) =>
      (['csv', 'svg'] as const).map((kind) => ({ params: { file: `${slug}.${l.segment}.${kind}` }, props: { what, slug, kind, locale: l.id } satisfies FigureFileProps })),
    ),
  ])
}

const TYPES: Record<Kind, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', svg: 'image/svg+xml; charset=utf-8' }

/** The response for one file. */
export async function figureFileResponse(props: FigureFileProps, site: URL | undefined): Promise<Response> {
  const base = site ?? new URL('https://six-core-industries.example.org')
  const locale = getLocale(props.locale ?? defaultLocale.id)
  const view = await getSiteView(locale.id)
  const item = props.what === 'metric' ? view.metrics.find((m) => m.slug === props.slug) : view.metricGroups.find((g) => g.slug === props.slug)
  if (!item) throw new Error(`No ${props.what} with the slug "${props.slug}".`)
  const figure = { what: props.what, item } as Figure
  const body = props.kind === 'json' ? await figureJson(figure, base) : props.kind === 'csv' ? await figureCsv(figure, locale, base) : figureSvg(view, figure, base)
  return new Response(body, { headers: { 'Content-Type': TYPES[props.kind] } })
}
