/** /data/metrics/{slug}.{lang}.csv: one figure's csv file (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFileRoute } from '../../../reuse/endpoint'

const route = figureFileRoute('metric', 'csv')
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths
export const GET: APIRoute = route.GET
