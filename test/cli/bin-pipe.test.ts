/**
 * bin/syswire.js: a reader that stops early (`syswire numbers | head -1`)
 * ends the run quietly, as for any Unix filter: no EPIPE stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

describe('bin/syswire.js writing into a closed pipe', () => {
  it('numbers | head -1 prints one line and no error', () => {
    if (!existsSync(join(REPO_ROOT, 'dist/cli/run-cli.js'))) throw new Error("dist/ is missing: run 'npm run build' first (npm test does)");
    const res = spawnSync('sh', ['-c', `node bin/syswire.js numbers --tree '${TREE_612}' | head -1`], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n')[0]).toMatch(/^syscall\s+generic\s+alpha/);
  });
});
