/**
 * The open data's entry for the build (scripts/lib/open-data.ts loads it through Vite, as Astro
 * loads the pages: the chart renderer imports its own source with `?raw`).
 */
export { openDataFile, openDataFiles, writeOpenDataFiles, type OpenDataFile } from './files.ts'
export { setChartDiskCacheFile } from '../charts/render.ts'
