import { defineConfig } from 'vitest/config'

/** Browser tests (Debian's Chromium through playwright-core): `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One browser at a time: the machine is shared and Chromium is heavy.
    fileParallelism: false,
  },
})
