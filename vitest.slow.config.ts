import { defineConfig } from 'vitest/config';

// The slow suite: every arch's headers_install, cross-compiler layouts,
// the live syscall test.  `.ci/run` runs it after the default suite.
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
