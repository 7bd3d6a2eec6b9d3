/** Helpers for CLI tests: run the CLI in-process, temporary directories. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from './kernel-trees.js';

/** Run the CLI in-process from the repository root, capturing its output. */
export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: REPO_ROOT, env: {} });
  return { code, out, err };
}

/** Temporary directories (and other clean-ups) undone after the test file. */
export function useTempDirs(prefix: string): { tmp: () => string; defer: (cleanup: () => void) => void } {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));
  return {
    tmp: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    defer: (cleanup) => cleanups.push(cleanup),
  };
}
