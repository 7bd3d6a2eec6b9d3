// Goldens never write themselves: under each of the repository's vitest
// configs, a toMatchFileSnapshot whose file is missing fails the run and
// writes nothing, with CI unset (vitest's own default writes the file and
// passes there).  `vitest -u` still writes it, so the failure is the
// policy and not a broken scratch test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');
// Inside the checkout, so the scratch test resolves 'vitest'; every config
// excludes test/.tmp/ from the real suites.
mkdirSync(join(ROOT, 'test/.tmp'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, 'test/.tmp/missing-golden-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TEST = "import { expect, it } from 'vitest';\nit('matches its golden', async () => {\n  await expect('text\\n').toMatchFileSnapshot('./golden.txt');\n});\n";
// One scratch test where the default and unit configs look, one where the slow one does.
for (const dir of ['test', 'test/slow']) {
  mkdirSync(join(scratch, dir), { recursive: true });
  writeFileSync(join(scratch, dir, 'scratch.test.ts'), TEST);
}

function runVitest(config: string, extra: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['CI', 'UPDATE_SNAPSHOT', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'SYSWIRE_UNIT_TIER', 'FORCE_COLOR']) delete env[name];
  return spawnSync(process.execPath, [VITEST, 'run', '--config', join(ROOT, config), '--root', scratch, '--reporter', 'dot', ...extra], { cwd: scratch, env, encoding: 'utf8' });
}

describe.each([
  ['vitest.config.ts', 'test/golden.txt'],
  ['vitest.unit.config.ts', 'test/golden.txt'],
  ['vitest.slow.config.ts', 'test/slow/golden.txt'],
])('%s', (config, golden) => {
  it('fails on a missing golden and does not write it', () => {
    rmSync(join(scratch, golden), { force: true });
    const r = runVitest(config);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/Snapshot `matches its golden 1` mismatched/);
    expect(existsSync(join(scratch, golden))).toBe(false);
  });
});

it('vitest -u writes the missing golden', () => {
  rmSync(join(scratch, 'test/golden.txt'), { force: true });
  const r = runVitest('vitest.config.ts', ['-u']);
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(existsSync(join(scratch, 'test/golden.txt'))).toBe(true);
});
