/** /data/metrics/{slug}.json: one figure's json file (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFileRoute } from '../../../reuse/endpoint'

const route = figureFileRoute('metric', 'json')
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths
export const GET: APIRoute = route.GET
