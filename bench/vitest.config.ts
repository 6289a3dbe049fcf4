import { defineConfig } from 'vitest/config'

// The benchmark's own tests, outside the site's `npm test`: `npm test --workspace bench`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
  },
})
