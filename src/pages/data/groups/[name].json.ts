/** /data/groups/{slug}.json: one figure group's json file (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFileRoute } from '../../../reuse/endpoint'

const route = figureFileRoute('group', 'json')
export const getStaticPaths = route.getStaticPaths satisfies GetStaticPaths
export const GET: APIRoute = route.GET
