/**
 * Exclusions checked by the kernel itself: test/fixtures/exclusions.yaml
 * leaves frob_fd out of every arch table (each keeps the number with a
 * sys_ni_syscall row) and frob_all out of scripts/syscall.tbl (an
 * __IGNORE_frob_all paragraph in scripts/checksyscalls.sh).  The generated
 * patch is applied to a hard-link copy of the tree, and for each arch with a
 * cross compiler `make ARCH=<arch> defconfig` and `make prepare` run; prepare
 * runs checksyscalls.sh (Kbuild's missing-syscalls: a phony target in 6.12,
 * an if_changed_dep stamp from 6.13, which reruns when the script, the
 * reference table or the generated asm/unistd.h it includes change).
 *
 * Each arch must build with no `syscall frob_* not implemented` warning.
 * Then the fix is taken out of the copy (the reserved rows of the arch's
 * tables, or the __IGNORE paragraph for a generic-table arch) and prepare
 * runs again: the warning must appear, so the test can fail.
 *
 * Each arch costs defconfig plus two prepares, 20 s to 90 s on two cores
 * (sparc and m68k the least, powerpc and mips the most).  By default three
 * run on 7.3 (sparc and m68k: reserved rows in a 32-bit and a big-endian
 * table; arm64: the generic table's __IGNORE entry) and two on 6.12 (sparc,
 * arm64), which covers both mechanisms and both Kbuild forms of the check;
 * SYSWIRE_EXCLUSIONS_ALL=1 runs every arch below on 7.3.  Never run: x86,
 * whose syscall_32.tbl is the reference table (without its row nothing is
 * checked, so there is no control); arm64's compat table, which
 * checksyscalls never reads.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { CHECKSYSCALLS } from '../../src/kernel/checksyscalls-reader.js';
import { REPO_ROOT, TREE_612, TREE_73 } from '../support/kernel-trees.js';
import { make, needTool, patchedCopy } from '../support/kernel-build.js';

const DEFS = join(REPO_ROOT, 'test/fixtures/exclusions.yaml');
const WORK = join(REPO_ROOT, '.cache/exclusions');

interface ArchCase {
  arch: string;
  cross: string;
  /** The excluded call this arch must not warn about, and how the control takes the fix out. */
  call: 'frob_fd' | 'frob_all';
}

/** Table arches check frob_fd's reserved row; generic-table arches frob_all's __IGNORE entry. */
const ARCHES: ArchCase[] = [
  { arch: 'alpha', cross: 'alpha-linux-gnu-', call: 'frob_fd' },
  { arch: 'arm', cross: 'arm-linux-gnueabi-', call: 'frob_fd' },
  { arch: 'm68k', cross: 'm68k-linux-gnu-', call: 'frob_fd' },
  { arch: 'mips', cross: 'mips-linux-gnu-', call: 'frob_fd' },
  { arch: 'parisc', cross: 'hppa-linux-gnu-', call: 'frob_fd' },
  { arch: 'powerpc', cross: 'powerpc-linux-gnu-', call: 'frob_fd' },
  { arch: 's390', cross: 's390x-linux-gnu-', call: 'frob_fd' },
  { arch: 'sh', cross: 'sh4-linux-gnu-', call: 'frob_fd' },
  { arch: 'sparc', cross: 'sparc64-linux-gnu-', call: 'frob_fd' },
  { arch: 'arm64', cross: 'aarch64-linux-gnu-', call: 'frob_all' },
  { arch: 'riscv', cross: 'riscv64-linux-gnu-', call: 'frob_all' },
];

const notImplemented = (log: string) => log.split('\n').filter((l) => /#warning syscall \w+ not implemented/.test(l));
const names = (warnings: readonly string[]) => warnings.map((l) => /syscall (\w+) not implemented/.exec(l)![1]!);

/** Replace a file of the copy by a new one (never writing through a hard link into the shared tree). */
function replaceFile(path: string, text: string): void {
  writeFileSync(`${path}.syswire-tmp`, text);
  renameSync(`${path}.syswire-tmp`, path);
}

/** The files and texts that take the fix for `c` out of the patched copy. */
function withoutFix(tree: string, c: ArchCase): { path: string; text: string }[] {
  if (c.call === 'frob_all') {
    const path = join(tree, CHECKSYSCALLS);
    const text = readFileSync(path, 'utf8');
    const paragraph = /\n\n\/\* [^\n]* \*\/\n#define __IGNORE_frob_all\n/;
    expect(text).toMatch(paragraph);
    return [{ path, text: text.replace(paragraph, '\n') }];
  }
  const patch = readFileSync(join(tree, '..', 'out', 'frob.patch'), 'utf8');
  const tables = [...patch.matchAll(/^\+\+\+ b\/(arch\/([\w-]+)\/\S+\.tbl)$/gm)].filter((m) => m[2] === c.arch).map((m) => m[1]!);
  expect(tables.length).toBeGreaterThan(0);
  return tables.map((t) => {
    const text = readFileSync(join(tree, t), 'utf8');
    const row = new RegExp(`^\\d+[\\t ]+\\w+[\\t ]+${c.call}[\\t ]+sys_ni_syscall([\\t ]+sys_ni_syscall)?\\n`, 'm');
    expect(text, t).toMatch(row);
    return { path: join(tree, t), text: text.replace(row, '') };
  });
}

const only = (...arches: string[]) => ARCHES.filter((a) => arches.includes(a.arch));

for (const { version, dir, arches } of [
  { version: '7.3', dir: TREE_73, arches: process.env['SYSWIRE_EXCLUSIONS_ALL'] ? ARCHES : only('sparc', 'm68k', 'arm64') },
  { version: '6.12', dir: TREE_612, arches: only('sparc', 'arm64') },
]) {
  describe(`linux-${version}: excluded arches pass checksyscalls`, () => {
    const work = join(WORK, `linux-${version}`);
    const tree = join(work, 'tree');
    const report: string[] = [];

    beforeAll(async () => {
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      let err = '';
      const ctx = { stdout: () => {}, stderr: (t: string) => void (err += t), cwd: REPO_ROOT, env: {} };
      const code = await runCli(['generate', DEFS, '--tree', dir, '--out', join(work, 'out')], ctx);
      if (code !== 0) throw new Error(`syswire generate failed: ${err}`);
      patchedCopy(dir, join(work, 'out', 'frob.patch'), tree);
    });

    afterAll(() => {
      writeFileSync(join(work, 'report.md'), `# linux-${version}\n\n${report.join('\n')}\n`);
      console.log(`linux-${version}:\n${report.join('\n')}`);
      rmSync(tree, { recursive: true, force: true });
    });

    it.each(arches)('make ARCH=$arch prepare: no warning for $call, and the warning without the fix', (c, ctx) => {
      needTool(ctx, `${c.cross}gcc`);
      const build = join(work, `build-${c.arch}`);
      const cross = [`CROSS_COMPILE=${c.cross}`];
      const cfg = make(tree, build, c.arch, ['defconfig'], cross);
      expect(cfg.status, cfg.log.slice(-3000)).toBe(0);
      const fixed = make(tree, build, c.arch, ['prepare'], cross);
      writeFileSync(`${build}.log`, fixed.log);
      expect(fixed.status, fixed.log.slice(-3000)).toBe(0);
      expect(fixed.log, 'checksyscalls.sh ran').toMatch(/scripts\/checksyscalls\.sh /);
      expect(names(notImplemented(fixed.log)).filter((n) => n.startsWith('frob_'))).toEqual([]);

      const edits = withoutFix(tree, c);
      const saved = edits.map((e) => ({ path: e.path, text: readFileSync(e.path, 'utf8') }));
      try {
        for (const e of edits) replaceFile(e.path, e.text);
        const control = make(tree, build, c.arch, ['prepare'], cross);
        writeFileSync(`${build}-control.log`, control.log);
        expect(control.status, control.log.slice(-3000)).toBe(0);
        expect(names(notImplemented(control.log)), 'without the fix checksyscalls names the call').toContain(c.call);
        report.push(
          `- ${c.arch}: defconfig ${cfg.seconds.toFixed(0)} s, prepare ${fixed.seconds.toFixed(0)} s with no warning for ${c.call}; without the fix prepare ${control.seconds.toFixed(0)} s warns "syscall ${c.call} not implemented"`,
        );
      } finally {
        for (const s of saved) replaceFile(s.path, s.text);
        rmSync(build, { recursive: true, force: true });
      }
    });
  });
}
