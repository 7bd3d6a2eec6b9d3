import { defineConfig } from 'vitest/config';

// The default suite: unit tests plus golden tests against the real 6.12
// and 6.1 trees (fetched by scripts/setup.sh).  The slow suite (cross
// compilers, headers_install for every arch) has its own config.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
