import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The unit tier (`npm run test:unit`): the tests that need no kernel tree,
// so it runs without scripts/setup.sh.  A test needs a tree when it names
// one of test/support/kernel-trees.ts's trees (TREE_612, TREE_61, TREE_73) or the
// cache they live in; those are left to the default suite.  SYSWIRE_UNIT_TIER
// makes requireTree() throw, so a test that reaches a tree some other way
// fails here instead of passing on a machine that happens to have one.
const root = fileURLToPath(new URL('.', import.meta.url));
// The hostile-input suite's worlds are scratch copies of 6.12 (support/hostile-world.ts).
const NEEDS_TREE = /\bTREE_(61|612|73)\b|\.cache\/kernel|support\/hostile-world/;
const needsTree = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('.tmp') && !f.startsWith('slow'))
  .filter((f) => NEEDS_TREE.test(readFileSync(join(root, 'test', f), 'utf8')))
  .map((f) => `test/${f}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**', 'test/.tmp/**', 'node_modules/**', ...needsTree],
    // A missing golden fails; only `vitest -u` writes goldens.
    update: 'none',
    env: { SYSWIRE_UNIT_TIER: '1' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
