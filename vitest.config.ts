import { defineConfig } from 'vitest/config'

// The same suite runs twice: once on embedded SQLite, once on PostgreSQL (scripts/test.mjs picks).
const project = (name: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: { name, env: { KASSA_TEST_DB: name } },
})

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/*/e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [project('sqlite'), project('postgres')],
  },
})
