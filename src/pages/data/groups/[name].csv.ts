/** /data/groups/{slug}.{lang}.csv: one figure group's csv file (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFileRoute } from '../../../reuse/endpoint'

const route = figureFileRoute('group', 'csv')
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths
export const GET: APIRoute = route.GET
