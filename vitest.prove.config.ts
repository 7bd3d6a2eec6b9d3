import { defineConfig } from 'vitest/config';

// `npm run test:prove`: only the QEMU boots of `syswire prove`
// (test/slow/prove*.test.ts), which the slow suite runs too.  Kernel
// builds are long and use every core, so files run one at a time.
export default defineConfig({
  test: {
    include: ['test/slow/prove*.test.ts'],
    exclude: ['test/.tmp/**', 'node_modules/**'],
    update: 'none',
    testTimeout: 2_400_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
