import { defineConfig } from 'vitest/config';

// The slow suite: every arch's headers_install, cross-compiler layouts,
// the live syscall test.  `.ci/run` runs it after the default suite.  A
// compiler it needs that is missing fails the run in CI (CI set) and skips
// its test with the reason otherwise (test/support/kernel-build.ts).
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    exclude: ['test/.tmp/**', 'node_modules/**'],
    // A missing golden fails; only `vitest -u` writes goldens.
    update: 'none',
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
