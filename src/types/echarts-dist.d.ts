/**
 * ECharts ships its single-file ES build (`echarts/dist/echarts.esm.min`) without type
 * declarations; it is the same API as the package's main entry, so it borrows those types.
 */
declare module 'echarts/dist/echarts.esm.min' {
  export * from 'echarts'
}
