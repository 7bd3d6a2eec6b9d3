/**
 * `syswire prove` for real: the sframe series on 7.3, built into a
 * tinyconfig kernel and booted under QEMU (TCG), on x86_64 (-m64, -m32,
 * -mx32) and arm64 (AArch64, 32-bit arm compat).  Every ABI must pass
 * every case of the series' selftest (when the series has one) and of the
 * bindings probe.
 *
 * The negative case boots a copy of the series whose x86_32 table gives
 * the calls other numbers (473/474 -> 475/476, still in order, so the
 * kernel builds): the i386 headers follow the table, the bindings do not,
 * so the i386 probe must fail and the other ABIs must not.
 *
 * Kernels are cached under .cache/prove (SYSWIRE_PROVE_CACHE), so a second
 * run boots the stored images.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseTap } from '../../src/prove/tap-parser.js';
import { runCaptured } from '../support/cli-run.js';
import { needTool } from '../support/kernel-build.js';
import { REPO_ROOT, requireTree, TREE_73 } from '../support/kernel-trees.js';

const TMP = join(REPO_ROOT, 'test/.tmp');
mkdirSync(TMP, { recursive: true });
const work = mkdtempSync(join(TMP, 'prove-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const BOOT_TIMEOUT = 2_400_000;

/** The TAP files prove wrote for an arch, parsed, by file name (`<abi>-<program>.tap`). */
function tapFiles(out: string, arch: string) {
  const dir = join(out, arch);
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.tap'))
      .map((f) => [f.replace(/\.tap$/, ''), parseTap(readFileSync(join(dir, f), 'utf8').split('\n'))]),
  );
}

function expectAllPass(taps: ReturnType<typeof tapFiles>, abis: readonly string[]) {
  const programs = [...taps.keys()];
  for (const abi of abis) {
    const mine = programs.filter((p) => p.startsWith(`${abi}-`));
    expect(mine, `${abi} programs`).toContain(`${abi}-probe`);
    for (const p of mine) {
      const tap = taps.get(p)!;
      expect(tap.plan, p).toBeGreaterThan(0);
      expect(tap.cases.length, p).toBe(tap.plan);
      expect(tap.cases.filter((c) => c.result !== 'pass'), p).toEqual([]);
    }
  }
  // One probe per ABI, nothing else booted.
  expect(programs.filter((p) => p.endsWith('-probe')).sort()).toEqual([...abis].sort().map((a) => `${a}-probe`));
}

describe('syswire prove, sframe on 7.3', () => {
  beforeEach((ctx) => {
    requireTree(TREE_73);
    for (const tool of ['make', 'gcc', 'qemu-system-x86_64', 'qemu-system-aarch64', 'aarch64-linux-gnu-gcc', 'arm-linux-gnueabi-gcc']) needTool(ctx, tool);
  });

  it.each([
    ['x86_64', ['x86_64', 'i386', 'x32']],
    ['arm64', ['arm64', 'arm']],
  ] as const)(
    '%s: every ABI reaches the new entry points (%j)',
    async (arch, abis) => {
      const out = join(work, arch);
      const r = await runCaptured('prove', 'defs/sframe.yaml', '--tree', TREE_73, '--arch', arch, '--out', out);
      console.log(r.out, r.err);
      expect(r.err).not.toMatch(/error:/);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^${arch}: guest ran `, 'm'));
      expectAllPass(tapFiles(out, arch), abis);
      // The probe saw the bindings' number in the headers and got EINVAL from the entry point.
      expect(readFileSync(join(out, arch, `${abis[0]}-probe.tap`), 'utf8')).toContain('# bindings: sframe_register 473, uapi header: 473');
    },
    BOOT_TIMEOUT,
  );

  it(
    'x86_64: a guest that does not finish in time is killed and its console log kept (the cached kernel boots)',
    async () => {
      const out = join(work, 'hang');
      const r = await runCaptured('prove', 'defs/sframe.yaml', '--tree', TREE_73, '--arch', 'x86_64', '--out', out, '--timeout', '0.3');
      expect(r.code).toBe(1);
      expect(r.out).toContain('x86_64: kernel from the cache');
      expect(r.err).toMatch(/x86_64\/console\.log: error: the guest did not finish within 0\.3 s and was killed; its console is this file/);
      expect(existsSync(join(out, 'x86_64', 'console.log'))).toBe(true);
    },
    BOOT_TIMEOUT,
  );

  it(
    'x86_64: an x86_32 table whose numbers differ from the bindings fails the i386 ABI, and only it',
    async () => {
      const series = join(work, 'bad-series');
      const made = await runCaptured('series', 'defs/sframe.yaml', '--tree', TREE_73, '--out', series);
      expect(made.code, made.err).toBe(0);
      // Whichever mail carries the x86_32 rows gets them renumbered; exactly one does.
      const edited = readdirSync(series)
        .filter((f) => f.endsWith('.patch'))
        .filter((mail) => {
          const text = readFileSync(join(series, mail), 'utf8');
          const bad = text.replace(/^\+473(\ti386\t)/m, '+475$1').replace(/^\+474(\ti386\t)/m, '+476$1');
          if (bad !== text) writeFileSync(join(series, mail), bad);
          return bad !== text;
        });
      expect(edited).toHaveLength(1);

      const out = join(work, 'bad');
      const r = await runCaptured('prove', 'defs/sframe.yaml', '--tree', TREE_73, '--arch', 'x86_64', '--patches', series, '--out', out);
      console.log(r.out, r.err);
      expect(r.code).toBe(1);
      expect(r.err).toContain('i386 probe: case 1 header.sframe_register failed');
      expect(r.err).toContain('i386 probe: case 2 bindings.sframe_register failed');
      expect(r.err.split('\n').filter((l) => /: error: /.test(l) && !/ i386 /.test(l))).toEqual([]);
      const taps = tapFiles(out, 'x86_64');
      expectAllPass(new Map([...taps].filter(([k]) => !k.startsWith('i386-'))), ['x86_64', 'x32']);
      expect(readFileSync(join(out, 'x86_64', 'i386-probe.tap'), 'utf8')).toContain('# bindings: sframe_register 473, uapi header: 475');
    },
    BOOT_TIMEOUT,
  );
});
