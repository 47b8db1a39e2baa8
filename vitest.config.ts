import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'scripts/**/*.test.ts', 'native-bridge/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Native modules (better-sqlite3, koffi) and child processes: forks are the safe pool.
    pool: 'forks',
  },
})
