/**
 * The compat skeleton of a call with two loff_t arguments
 * (test/fixtures/range-call.yaml), built by the kernel's own build: the
 * generated patch is applied to a hard-link copy of 7.3, the skeleton
 * goes into kernel/ as an obj-y object (with the includes a kernel file
 * needs around it), and just that object is compiled, W=1, for
 *
 * - x86_64 defconfig, which has IA32_EMULATION=y and COMPAT=y: the object
 *   must define the native and the ia32 compat entry;
 * - i386 defconfig, a native 32-bit kernel that selects ARCH_SPLIT_ARG64:
 *   the entry that takes each loff_t as two registers;
 * - arm64 defconfig (COMPAT=y) with CROSS_COMPILE=aarch64-linux-gnu-.
 *
 * A warning in the file fails the build check; scripts/checkpatch.pl
 * --strict --no-tree -f must find nothing in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { renderEntrySkeletons } from '../../src/render/entry-skeleton.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_73 } from '../support/kernel-trees.js';
import { make, needTool, patchedCopy } from '../support/kernel-build.js';

const WORK = join(REPO_ROOT, '.cache/compat-build');
const TREE = join(WORK, 'linux-7.3');
const OBJECT = 'kernel/frob_fill.o';

/** The skeleton as a kernel source file: SPDX line, the headers its macros come from, then the generated text. */
function kernelFile(skeleton: string): string {
  return ['// SPDX-License-Identifier: GPL-2.0', '#include <linux/compat.h>', '#include <linux/syscalls.h>', '', skeleton].join('\n');
}

/** Write a new file in place of a hard link, so the shared tree keeps its bytes. */
function replaceFile(path: string, text: string): void {
  unlinkSync(path);
  writeFileSync(path, text);
}

beforeAll(() => {
  const tree = loadTree(TREE_73);
  const loaded = loadDefsFile('test/fixtures/range-call.yaml');
  const plan = planWireUp(tree, loaded, (p) => readTreeFile(TREE_73, p));
  mkdirSync(WORK, { recursive: true });
  const patch = join(WORK, 'range-call.patch');
  writeFileSync(patch, diffEdits(plan.edits));
  patchedCopy(TREE_73, patch, TREE);
  writeFileSync(join(TREE, 'kernel/frob_fill.c'), kernelFile(renderEntrySkeletons(loaded.defs, assignNumbers(tree, loaded))));
  const makefile = join(TREE, 'kernel/Makefile');
  replaceFile(makefile, `${readFileSync(makefile, 'utf8')}obj-y += frob_fill.o\n`);
});

/** Build the object for one arch from its defconfig; the log lines about the file, and its symbols. */
function buildObject(arch: string, extra: string[]): { status: number | null; fileWarnings: string[]; symbols: string; log: string } {
  const build = join(WORK, `build-${arch}`);
  rmSync(build, { recursive: true, force: true });
  const config = make(TREE, build, arch, ['defconfig'], extra);
  if (config.status !== 0) return { status: config.status, fileWarnings: [], symbols: '', log: config.log };
  const r = make(TREE, build, arch, [OBJECT], [...extra, 'W=1']);
  // gcc's own diagnostics about the file (`frob_fill.c:12:3: warning: ...`), not the command lines naming it.
  const fileWarnings = r.log.split('\n').filter((l) => /frob_fill\.c:\d+:\d+: (warning|error)/.test(l));
  const nm = spawnSync(extra.some((e) => e.startsWith('CROSS_COMPILE=')) ? 'aarch64-linux-gnu-nm' : 'nm', [join(build, OBJECT)], { encoding: 'utf8' });
  return { status: r.status, fileWarnings, symbols: nm.stdout ?? '', log: r.log.slice(-4000) };
}

describe('compat skeleton of two loff_t arguments, built in 7.3', () => {
  it('x86_64 with IA32_EMULATION: compiles without a warning and defines the native and the ia32 compat entry', (ctx) => {
    needTool(ctx, 'gcc');
    const r = buildObject('x86_64', []);
    expect(r.status, r.log).toBe(0);
    expect(r.fileWarnings).toEqual([]);
    const config = readFileSync(join(WORK, 'build-x86_64/.config'), 'utf8');
    expect(config).toMatch(/^CONFIG_IA32_EMULATION=y$/m);
    expect(config).toMatch(/^CONFIG_COMPAT=y$/m);
    expect(r.symbols).toMatch(/ T __x64_sys_frob_fill$/m);
    expect(r.symbols).toMatch(/ T __ia32_compat_sys_frob_fill$/m);
  });

  it('i386 (ARCH_SPLIT_ARG64, no COMPAT): compiles the split native entry without a warning', (ctx) => {
    needTool(ctx, 'gcc');
    const r = buildObject('i386', []);
    expect(r.status, r.log).toBe(0);
    expect(r.fileWarnings).toEqual([]);
    const config = readFileSync(join(WORK, 'build-i386/.config'), 'utf8');
    expect(config).toMatch(/^CONFIG_X86_32=y$/m);
    expect(config).not.toMatch(/^CONFIG_COMPAT=y$/m);
    expect(r.symbols).toMatch(/ T __ia32_sys_frob_fill$/m);
    expect(r.symbols).not.toMatch(/compat_sys_frob_fill/);
  });

  it('arm64 with COMPAT: compiles without a warning and defines the native and the compat entry', (ctx) => {
    needTool(ctx, 'aarch64-linux-gnu-gcc');
    const r = buildObject('arm64', ['CROSS_COMPILE=aarch64-linux-gnu-']);
    expect(r.status, r.log).toBe(0);
    expect(r.fileWarnings).toEqual([]);
    expect(readFileSync(join(WORK, 'build-arm64/.config'), 'utf8')).toMatch(/^CONFIG_COMPAT=y$/m);
    expect(r.symbols).toMatch(/ T __arm64_sys_frob_fill$/m);
    expect(r.symbols).toMatch(/ T __arm64_compat_sys_frob_fill$/m);
  });

  it('passes checkpatch.pl --strict', (ctx) => {
    needTool(ctx, 'perl');
    const r = spawnSync('perl', ['scripts/checkpatch.pl', '--strict', '--no-tree', '--show-types', '-f', 'kernel/frob_fill.c'], { cwd: TREE, encoding: 'utf8' });
    expect(r.stdout).toMatch(/total: 0 errors, 0 warnings, 0 checks/);
    expect(r.status, r.stdout).toBe(0);
  });
});
