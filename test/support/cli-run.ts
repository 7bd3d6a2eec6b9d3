/** Run the CLI in-process from the repository root, capturing its output. */
import { runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from './kernel-trees.js';

export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: REPO_ROOT, env: {} });
  return { code, out, err };
}
