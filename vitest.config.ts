import { defineConfig } from 'vitest/config';

// The default suite: unit tests plus golden tests against the real 6.12
// and 6.1 trees (fetched by scripts/setup.sh).  The slow suite (cross
// compilers, headers_install for every arch) and the unit tier (no kernel
// trees) have their own configs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**', 'test/.tmp/**', 'node_modules/**'],
    // A missing golden fails, locally as in CI; only `vitest -u` writes
    // goldens (vitest's default writes a missing one and passes).
    update: 'none',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
