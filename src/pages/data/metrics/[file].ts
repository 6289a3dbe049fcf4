/** /data/metrics/{slug}.json, /data/metrics/{slug}.{lang}.csv and .svg: one figure's files (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFilePaths, figureFileResponse, type FigureFileProps } from '../../../reuse/endpoint'

export const getStaticPaths = (() => figureFilePaths('metric')) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) => figureFileResponse(props as FigureFileProps, site)
