/**
 * The series' kselftest, built the way tools/testing/selftests builds it:
 * `syswire series defs/sframe.yaml` is applied patch by patch (git apply)
 * to a hard-link copy of 7.3, `make ARCH=<arch> headers_install` gives
 * usr/include with the series' numbers and uapi header, and the test is
 * compiled with its Makefile's flags (-Wall, KHDR_INCLUDES as -isystem)
 * plus -Werror: gcc -m64, -m32 and -mx32 against the x86 headers, and each
 * cross compiler against its arch's.
 *
 * The x86 builds are run here.  The running kernel lacks the calls, so
 * every case must skip (TAP `# SKIP`), none may fail, and the harness
 * exits 0.  A kernel without x32 support cannot exec the -mx32 build
 * (ENOEXEC); that build is then reported as built but not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { isCoverLetter } from '../../src/patch/format-patch.js';
import { selftestPath } from '../../src/posting/selftest.js';
import { REPO_ROOT, TREE_73 } from '../support/kernel-trees.js';
import { make, needTool, run } from '../support/kernel-build.js';

const WORK = join(REPO_ROOT, '.cache/selftest-build');
const TREE = join(WORK, 'tree');
const SOURCE = join(TREE, selftestPath('sframe'));

/** Cross ABIs: the arch whose headers it takes, the compiler, its flags. */
const CROSS = [
  { arch: 'arm64', cc: 'aarch64-linux-gnu-gcc', flags: [] },
  { arch: 'arm', cc: 'arm-linux-gnueabi-gcc', flags: [] },
  { arch: 'riscv', cc: 'riscv64-linux-gnu-gcc', flags: [] },
  { arch: 's390', cc: 's390x-linux-gnu-gcc', flags: [] },
  { arch: 'powerpc', cc: 'powerpc-linux-gnu-gcc', flags: [] },
  { arch: 'mips', cc: 'mips-linux-gnu-gcc', flags: [] },
  { arch: 'sparc', cc: 'sparc64-linux-gnu-gcc', flags: [] },
  { arch: 'm68k', cc: 'm68k-linux-gnu-gcc', flags: [] },
  { arch: 'alpha', cc: 'alpha-linux-gnu-gcc', flags: [] },
  { arch: 'sh', cc: 'sh4-linux-gnu-gcc', flags: [] },
  { arch: 'parisc', cc: 'hppa-linux-gnu-gcc', flags: [] },
];

const headers = new Map<string, string>();

/** `make ARCH=<arch> headers_install` once per arch; returns usr/include. */
function installHeaders(arch: string): string {
  const done = headers.get(arch);
  if (done) return done;
  const build = join(WORK, `build-${arch}`);
  const r = make(TREE, build, arch, ['headers_install']);
  expect(r.status, r.log.slice(-3000)).toBe(0);
  headers.set(arch, join(build, 'usr/include'));
  return join(build, 'usr/include');
}

function compile(cc: string, flags: readonly string[], include: string, output: string): void {
  const r = spawnSync(cc, [...flags, '-Wall', '-Werror', '-isystem', include, '-o', output, SOURCE], { encoding: 'utf8' });
  expect(r.status, `${cc} ${flags.join(' ')}:\n${r.stderr}`).toBe(0);
}

describe('linux-7.3: the sframe selftest builds for every ABI', () => {
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    let err = '';
    const ctx = { stdout: () => {}, stderr: (t: string) => void (err += t), cwd: REPO_ROOT, env: {} };
    const out = join(WORK, 'out');
    expect(await runCli(['series', 'defs/sframe.yaml', '--tree', TREE_73, '--out', out], ctx), err).toBe(0);
    run('cp', ['-al', TREE_73, TREE]);
    const env = { ...process.env, GIT_CEILING_DIRECTORIES: WORK };
    for (const name of readdirSync(out).filter((n) => n.endsWith('.patch') && !isCoverLetter(n)).sort()) run('git', ['apply', '--whitespace=error-all', join(out, name)], TREE, env);
  }, 120_000);

  afterAll(() => rmSync(TREE, { recursive: true, force: true }));

  it.each([
    { abi: 'x86_64', flags: ['-m64'] },
    { abi: 'i386', flags: ['-m32'] },
    { abi: 'x32', flags: ['-mx32'] },
  ])('gcc $flags builds it, and it skips every case on this kernel', ({ abi, flags }, ctx) => {
    needTool(ctx, 'gcc');
    const bin = join(WORK, `sframe_test-${abi}`);
    compile('gcc', flags, installHeaders('x86'), bin);
    // execv, not execvp: a binary the kernel cannot run must not fall back to /bin/sh.
    const r = spawnSync('python3', ['-c', 'import os, sys; os.execv(sys.argv[1], sys.argv[1:])', bin], { encoding: 'utf8' });
    if (r.status !== 0 && /Exec format error/.test(r.stderr)) {
      console.log(`${abi}: built; this kernel cannot run ${abi} programs (no CONFIG_X86_X32_ABI)`);
      return;
    }
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const cases = r.stdout.split('\n').filter((l) => /^(not )?ok \d+ /.test(l));
    expect(cases.length).toBe(17);
    expect(cases.filter((l) => !/^ok \d+ \S+ # SKIP .* is not wired in this kernel \(ENOSYS\)$/.test(l))).toEqual([]);
    expect(r.stdout).toMatch(/^# Totals: pass:0 fail:0 xfail:0 xpass:0 skip:17 error:0$/m);
  }, 120_000);

  it.each(CROSS)('$cc builds it against the $arch headers', ({ arch, cc, flags }, ctx) => {
    needTool(ctx, cc);
    compile(cc, flags, installHeaders(arch), join(WORK, `sframe_test-${arch}`));
  }, 120_000);
});
