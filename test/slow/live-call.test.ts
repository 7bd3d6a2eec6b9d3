// A live call through the generated bindings (koffi -> libc syscall(2)):
// cachestat(2) on a file of known size gives the same statistics as a small
// C program making the same syscall; sframe_register, which no kernel has,
// fails with ENOSYS.
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { buildBindings } from '../../src/bindings/bindings-builder.js';
import { bindingsFor, importBindings, scratchDir } from '../support/bindings.js';
import { missing, needTool } from '../support/kernel-build.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const hasKoffi = (() => {
  try {
    createRequire(import.meta.url)('koffi');
    return true;
  } catch {
    return false;
  }
})();

const work = mkdtempSync(join(tmpdir(), 'syswire-live-'));
const dir = scratchDir('live');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

interface SyscallErrorLike { errno: number; code: string; message: string }
interface Live {
  SYSCALLS: Record<string, Record<string, number | null>>;
  NUMBERING: { provisional: boolean; tree: string };
  detectAbi(): { abi: string; layout: string };
  cachestat(fd: number, range: Uint8Array, out: Uint8Array, flags: number): bigint;
  encodeCachestatRange(v: { off: bigint; len: bigint }): Uint8Array;
  encodeCachestat(v: Record<string, bigint>): Uint8Array;
  decodeCachestat(b: Uint8Array): Record<string, bigint>;
  callSyscall(name: string, numbers: Record<string, number | null>, args: unknown[]): bigint;
  sframeRegister(data: Uint8Array, size: number): bigint;
  encodeSframeSetup(v: Record<string, bigint>): Uint8Array;
}

/** Compile and run a C program printing `syscall(nr, args...)`'s result or errno. */
function runC(name: string, body: string[], args: string[]): string {
  const src = join(work, `${name}.c`);
  const bin = join(work, name);
  writeFileSync(src, ['#include <errno.h>', '#include <fcntl.h>', '#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <unistd.h>', '#include <sys/syscall.h>', '#include <linux/types.h>', ...body, ''].join('\n'));
  const cc = spawnSync('gcc', ['-O1', '-Wall', '-o', bin, src], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return r.stdout.trim();
}

const CACHESTAT_C = [
  'struct range { __u64 off, len; };',
  'struct stat5 { __u64 nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted; };',
  'int main(int argc, char **argv)',
  '{',
  '\tstruct range r = { 0, 0 };',
  '\tstruct stat5 s;',
  '\tint fd = open(argv[2], O_RDONLY);',
  '\tlong ret = syscall(atol(argv[1]), fd, &r, &s, 0);',
  '\tif (ret < 0) { printf("errno %d\\n", errno); return 0; }',
  '\tprintf("%llu %llu %llu %llu %llu\\n", s.nr_cache, s.nr_dirty, s.nr_writeback, s.nr_evicted, s.nr_recently_evicted);',
  '\treturn 0;',
  '}',
];

describe(`live syscalls on ${release()}`, () => {
  // koffi and gcc are missing setup (fail in CI); another arch is a real limit.
  beforeEach((ctx) => {
    if (process.arch !== 'x64') {
      console.warn(`SKIPPED ${ctx.task.name}: the C comparison is written for x86_64, not ${process.arch}`);
      ctx.skip(`x86_64 only, not ${process.arch}`);
    }
    if (!hasKoffi) missing(ctx, 'koffi (optional dependency) is not installed');
    needTool(ctx, 'gcc');
  });

  it('cachestat through the bindings equals cachestat from C', async () => {
    const live = await importBindings<Live>(bindingsFor('test/fixtures/bindings/cachestat.yaml', TREE_612), dir, 'cachestat');
    const nr = live.SYSCALLS['cachestat']![live.detectAbi().abi]!;
    expect(live.NUMBERING.provisional).toBe(false);
    const file = join(work, 'data.bin');
    writeFileSync(file, Buffer.alloc(256 * 1024, 7));
    const fd = openSync(file, 'r');
    try {
      fsyncSync(fd);
      const out = live.encodeCachestat({ nr_cache: 0n, nr_dirty: 0n, nr_writeback: 0n, nr_evicted: 0n, nr_recently_evicted: 0n });
      expect(live.cachestat(fd, live.encodeCachestatRange({ off: 0n, len: 0n }), out, 0)).toBe(0n);
      const s = live.decodeCachestat(out);
      const fromTs = [s.nr_cache, s.nr_dirty, s.nr_writeback, s.nr_evicted, s.nr_recently_evicted].join(' ');
      const fromC = runC('cachestat', CACHESTAT_C, [String(nr), file]);
      console.log(`cachestat (nr ${nr}) of a 256 KiB file: bindings "${fromTs}", C "${fromC}"`);
      expect(fromTs).toBe(fromC);
      expect(s.nr_cache).toBeGreaterThan(0n);
    } finally {
      closeSync(fd);
    }
  });

  it('errors carry errno and its name, as C sees them (EBADF)', async () => {
    const live = await importBindings<Live>(bindingsFor('test/fixtures/bindings/cachestat.yaml', TREE_612), dir, 'cachestat');
    const nr = live.SYSCALLS['cachestat']![live.detectAbi().abi]!;
    const range = live.encodeCachestatRange({ off: 0n, len: 0n });
    let error: SyscallErrorLike | undefined;
    try {
      live.cachestat(-1, range, new Uint8Array(40), 0);
    } catch (e) {
      error = e as SyscallErrorLike;
    }
    expect(error?.code).toBe('EBADF');
    expect(runC('cachestat-badf', CACHESTAT_C, [String(nr), '/nonexistent'])).toBe(`errno ${error?.errno}`);
  });

  it('sframe_register fails with ENOSYS', async () => {
    // The series' own numbers (from 6.12) are provisional; on a newer kernel
    // they may belong to a later syscall, so the call is refused with ENOSYS.
    const sframe = await importBindings<Live>(readFileSync(join(REPO_ROOT, 'test/golden/bindings/sframe.ts'), 'utf8'), dir, 'sframe');
    const setup = sframe.encodeSframeSetup({ flags: 0n, sframe_start: 0n, sframe_size: 0n, text_start: 0n, text_size: 0n });
    expect(sframe.NUMBERING.provisional).toBe(true);
    let refused: SyscallErrorLike | undefined;
    try {
      sframe.sframeRegister(setup, setup.length);
    } catch (e) {
      refused = e as SyscallErrorLike;
    }
    const newer = Number(release().split('.')[0]) * 1000 + Number(release().split('.')[1]) > 6012;
    if (newer) expect(refused).toMatchObject({ code: 'ENOSYS', errno: 38 });
    console.log(`sframe_register from test/golden/bindings/sframe.ts on ${release()}: ${refused?.message ?? 'no error'}`);

    // Numbered past every table, the kernel itself answers: the same ENOSYS C gets.
    const tree = loadTree(TREE_612);
    const text = readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8').replace('  - name: sframe_register\n', '  - name: sframe_register\n    number: 1000\n');
    const loaded = loadDefinitions('sframe-far.yaml', text);
    const far = await importBindings<Live>(buildBindings({ defs: loaded.defs, defsPath: 'sframe-far.yaml', tree, calls: assignNumbers(tree, loaded), read: (p) => readTreeFile(TREE_612, p) }), dir, 'sframe-far');
    const cachestat = await importBindings<Live>(bindingsFor('test/fixtures/bindings/cachestat.yaml', TREE_612), dir, 'cachestat');
    const numbers = far.SYSCALLS['sframe_register']!;
    let fromKernel: SyscallErrorLike | undefined;
    try {
      cachestat.callSyscall('sframe_register', numbers, [setup, setup.length]);
    } catch (e) {
      fromKernel = e as SyscallErrorLike;
    }
    expect(fromKernel).toMatchObject({ code: 'ENOSYS', errno: 38 });
    const c = runC('enosys', ['int main(int argc, char **argv) { long r = syscall(atol(argv[1]), 0, 0); printf(r < 0 ? "errno %d\\n" : "ok\\n", errno); return 0; }'], [String(numbers[cachestat.detectAbi().abi])]);
    expect(c).toBe(`errno ${fromKernel?.errno}`);
    console.log(`sframe_register as nr ${numbers[cachestat.detectAbi().abi]}: bindings ${fromKernel?.code} (${fromKernel?.errno}), C ${c}`);
  });
});
