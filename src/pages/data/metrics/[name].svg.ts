/** /data/metrics/{slug}.{lang}.svg: one figure's svg file (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFileRoute } from '../../../reuse/endpoint'

const route = figureFileRoute('metric', 'svg')
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths
export const GET: APIRoute = route.GET
