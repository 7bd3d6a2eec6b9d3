// Broken trees: `syswire generate --apply` on a scratch copy of 6.12 with
// one defect each.  Every run must fail with a clear file:line error and
// leave every file of the tree byte-identical (hashes before and after),
// with no temporary file left behind.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadKernelTree } from '../../src/kernel/tree-loader.js';
import { REPO_ROOT, scratchTree, TREE_612 } from '../support/kernel-trees.js';

const X86_64 = 'arch/x86/entry/syscalls/syscall_64.tbl';
const ALPHA = 'arch/alpha/kernel/syscalls/syscall.tbl';
const UNISTD = 'include/uapi/asm-generic/unistd.h';

function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const ent of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) walk(path);
      else out.set(path, `${statSync(join(root, path)).mode.toString(8)} ${createHash('sha256').update(readFileSync(join(root, path))).digest('hex')}`);
    }
  };
  walk('');
  return out;
}

async function generate(root: string, defs = 'defs/sframe.yaml'): Promise<{ code: number; err: string; out: string }> {
  let out = '';
  let err = '';
  const outDir = mkdtempSync(join(tmpdir(), 'syswire-out-'));
  cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
  const ctx = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: REPO_ROOT, env: {} };
  const code = await runCli(['generate', defs, '--tree', root, '--out', outDir, '--apply'], ctx);
  return { code, err, out };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Every arch's uapi asm/unistd.h too: the bindings read the ABI bases there. */
const UAPI_UNISTD = readdirSync(join(TREE_612, 'arch'))
  .map((a) => `arch/${a}/include/uapi/asm/unistd.h`)
  .filter((p) => existsSync(join(TREE_612, p)));

function scratch(): string {
  const t = scratchTree(TREE_612, UAPI_UNISTD);
  cleanups.push(t.cleanup);
  return t.root;
}

function edit(root: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
}

/** Run generate --apply on a broken tree; expect exit 1, `pattern` on stderr, nothing changed. */
async function expectRefused(root: string, pattern: RegExp, defs?: string): Promise<string> {
  const before = snapshot(root);
  const r = await generate(root, defs);
  expect(r.code, r.err + r.out).toBe(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/internal error/);
  expect(snapshot(root)).toEqual(before);
  return r.err;
}

describe('generate --apply refuses broken trees and leaves them byte-identical', () => {
  it('the intact scratch tree is patched (the control case)', async () => {
    const root = scratch();
    const before = snapshot(root);
    const r = await generate(root);
    expect(r.code, r.err).toBe(0);
    expect(snapshot(root)).not.toEqual(before);
  });

  it('git conflict markers in a table', async () => {
    const root = scratch();
    edit(root, X86_64, (t) => t.replace(/^(462\s.*)$/m, '<<<<<<< HEAD\n$1\n=======\n462\tcommon\tother\tsys_other\n>>>>>>> topic'));
    await expectRefused(root, new RegExp(`^${X86_64}:\\d+: error: unresolved merge conflict marker`, 'm'));
  });

  it('CRLF line endings in asm-generic/unistd.h', async () => {
    const root = scratch();
    edit(root, UNISTD, (t) => t.replace(/\n/g, '\r\n'));
    await expectRefused(root, new RegExp(`^${UNISTD.replace(/\./g, '\\.')}:1: error: CRLF line endings`, 'm'));
  });

  it('a missing table: the tree no longer has it, and a definition naming it is an error', async () => {
    const root = scratch();
    rmSync(join(root, ALPHA));
    expect(loadKernelTree(root).tables.map((t) => t.path)).not.toContain(ALPHA);
    const defs = join(mkdtempSync(join(tmpdir(), 'syswire-defs-')), 'exclude-alpha.yaml');
    cleanups.push(() => rmSync(join(defs, '..'), { recursive: true, force: true }));
    writeFileSync(defs, readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8').replace('    configurable: true\n', '    configurable: true\n    exclude: [alpha]\n'));
    await expectRefused(root, /exclude-alpha\.yaml:\d+:\d+: error: no table or arch 'alpha' in this tree/, defs);
  });

  it('a read-only table', async () => {
    const root = scratch();
    chmodSync(join(root, X86_64), 0o444);
    await expectRefused(root, new RegExp(`${X86_64}: error: read-only or not writable; nothing was written`));
  });

  it('a table whose numbers are out of order', async () => {
    const root = scratch();
    edit(root, X86_64, (t) => t.replace(/^(461\s[^\n]*)\n(462\s[^\n]*)$/m, '$2\n$1'));
    await expectRefused(root, new RegExp(`^${X86_64}:\\d+: error: syscall number 461 \\(common lsm_list_modules\\) is below 462`, 'm'));
  });

  it('a table that repeats a number within one ABI', async () => {
    const root = scratch();
    edit(root, ALPHA, (t) => t.replace(/^(572\s[^\n]*)$/m, '$1\n572\tcommon\tmseal_again\t\t\tsys_mseal'));
    await expectRefused(root, new RegExp(`^${ALPHA}:\\d+: error: syscall number 572 \\(common mseal_again\\) duplicates 572`, 'm'));
  });
});
