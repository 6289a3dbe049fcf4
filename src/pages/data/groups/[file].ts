/** /data/groups/{slug}.json, /data/groups/{slug}.{lang}.csv and .svg: one figure group's files (src/reuse/). */
import type { APIRoute, GetStaticPaths } from 'astro'
import { figureFilePaths, figureFileResponse, type FigureFileProps } from '../../../reuse/endpoint'

export const getStaticPaths = (() => figureFilePaths('group')) satisfies GetStaticPaths

export const GET: APIRoute = ({ props, site }) => figureFileResponse(props as FigureFileProps, site)
