// The generated bindings: golden for defs/sframe.yaml, strict compile,
// codec behaviour of the generated module itself, and the generate hook.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bindingsFor, importBindings, scratchDir, strictDiagnostics } from '../support/bindings.js';
import { REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const dir = scratchDir('bindings');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Codec = {
  encodeMixedLayout(value: object, abi: string): Uint8Array;
  decodeMixedLayout(bytes: Uint8Array, abi: string): Record<string, unknown>;
  MIXED_LAYOUT_LAYOUT: { layouts: Record<string, { size: number; offsets: number[] }> };
  MIXED_F_HIGH: bigint;
  MIXED_F_LOW: bigint;
  MIXED_LAYOUT_SIZE_VER0: number;
  MIXED_LAYOUT_SIZE_VER1: number;
  NUMBERING: { provisional: boolean; tree: string };
};

const sample = { kind: 0xab, width: 0x1234, count: 0xdeadbeef, value: 0x0102030405060708n, tag: -2, stamp: 2n ** 64n - 1n, small: -300, bytes: [1, 2, 3], mode: 7, delta: -5n, last: 9 };

describe('bindings of defs/sframe.yaml', () => {
  const text = bindingsFor('defs/sframe.yaml', TREE_612);

  it('matches the golden file', async () => {
    await expect(text).toMatchFileSnapshot('../golden/bindings/sframe.ts');
  });

  it('compiles under strict, with a caller using its API', () => {
    const caller = [
      "import { decodeSframeSetup, detectAbi, encodeSframeSetup, SFRAME_SETUP_SIZE_VER0, sframeRegister, SYSCALLS } from './sframe.ts';",
      'const bytes: Uint8Array = encodeSframeSetup({ flags: 0n, sframe_start: 1n, sframe_size: 2n, text_start: 3n, text_size: 4n }, detectAbi());',
      'const back: bigint = decodeSframeSetup(bytes, "lp64-be").text_size;',
      'const nr: number | null = SYSCALLS.sframe_register.x32;',
      'export const use = [back, nr, SFRAME_SETUP_SIZE_VER0, sframeRegister];',
    ].join('\n');
    expect(strictDiagnostics({ 'sframe.ts': text, 'caller.ts': caller }, dir)).toEqual([]);
  });

  it('rejects a caller that mistypes a field (the check can fail)', () => {
    const caller = "import { encodeSframeSetup } from './sframe.ts';\nencodeSframeSetup({ flags: 0, sframe_start: 1n, sframe_size: 2n, text_start: 3n, text_size: 4n });\n";
    expect(strictDiagnostics({ 'sframe.ts': text, 'bad-caller.ts': caller }, dir).join('\n')).toMatch(/bigint/);
  });

  it('is what generate writes to <out>/bindings/sframe.ts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'syswire-out-'));
    try {
      const ctx = { stdout: () => {}, stderr: () => {}, cwd: REPO_ROOT, env: {} };
      expect(await runCli(['generate', 'defs/sframe.yaml', '--tree', TREE_612, '--out', out], ctx)).toBe(0);
      const written = readFileSync(join(out, 'bindings/sframe.ts'), 'utf8');
      expect(written).toBe(text);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('generated codec (test/fixtures/bindings/mixed.yaml)', async () => {
  const text = bindingsFor('test/fixtures/bindings/mixed.yaml', TREE_612);
  const mod = await importBindings<Codec>(text, dir, 'mixed');

  it('compiles under strict', () => {
    expect(strictDiagnostics({ 'mixed.ts': text }, dir)).toEqual([]);
  });

  it.each(['lp64-le', 'lp64-be', 'ilp32-le-u64a4', 'm68k'])('round-trips in %s', (cls) => {
    const bytes = mod.encodeMixedLayout(sample, cls);
    expect(bytes.length).toBe(mod.MIXED_LAYOUT_LAYOUT.layouts[cls]!.size);
    expect(mod.decodeMixedLayout(bytes, cls)).toEqual(sample);
  });

  it('writes each field at its class offset and byte order', () => {
    const le = mod.encodeMixedLayout(sample, 'lp64-le');
    const be = mod.encodeMixedLayout(sample, 'lp64-be');
    const i386 = mod.encodeMixedLayout(sample, 'ilp32-le-u64a4');
    // Offsets come from the layout table; the bytes there must be the field in the class's byte order.
    const at = (cls: string) => mod.MIXED_LAYOUT_LAYOUT.layouts[cls]!.offsets;
    expect(new DataView(le.buffer).getBigUint64(at('lp64-le')[3]!, true)).toBe(sample.value);
    expect(new DataView(be.buffer).getBigUint64(at('lp64-be')[3]!, false)).toBe(sample.value);
    expect(be[at('lp64-be')[1]!]).toBe(0x12);
    expect(le[at('lp64-le')[1]!]).toBe(0x34);
    expect(new DataView(i386.buffer).getInt16(at('ilp32-le-u64a4')[6]!, true)).toBe(-300);
  });

  it('zeroes padding and reserved bytes', () => {
    const bytes = mod.encodeMixedLayout({ ...sample, __reserved: 0xff }, 'lp64-le');
    const { offsets, size } = mod.MIXED_LAYOUT_LAYOUT.layouts['lp64-le']!;
    const widths = [1, 2, 4, 8, 1, 8, 2, 3, 1, 4, 8, 1];
    const used = new Set(offsets.flatMap((o, i) => (i === 8 ? [] : Array.from({ length: widths[i]! }, (_, k) => o + k))));
    for (let b = 0; b < size; b++) if (!used.has(b)) expect(bytes[b], `byte ${b}`).toBe(0);
  });

  it('refuses values that do not fit', () => {
    expect(() => mod.encodeMixedLayout({ ...sample, width: 0x10000 }, 'lp64-le')).toThrow(RangeError);
    expect(() => mod.encodeMixedLayout({ ...sample, tag: 200 }, 'lp64-le')).toThrow(/does not fit s8/);
    expect(() => mod.encodeMixedLayout({ ...sample, value: 1 }, 'lp64-le')).toThrow(/bigint/);
  });

  it('decodes an older, smaller version with the new fields zero', () => {
    const v1 = mod.encodeMixedLayout(sample, 'lp64-le');
    const v0 = v1.slice(0, mod.MIXED_LAYOUT_SIZE_VER0);
    expect(mod.MIXED_LAYOUT_SIZE_VER0).toBeLessThan(mod.MIXED_LAYOUT_SIZE_VER1);
    expect(mod.decodeMixedLayout(v0, 'lp64-le')).toEqual({ ...sample, delta: 0n, last: 0 });
  });

  it('has the flag constants as bigints when a bit is past 31', () => {
    expect(mod.MIXED_F_HIGH).toBe(1n << 40n);
    expect(mod.MIXED_F_LOW).toBe(1n);
  });

  it.skipIf(process.arch !== 'x64')('detects x86_64 here from process.arch and the ELF class of /proc/self/exe', () => {
    const detect = (mod as unknown as { detectAbi(): unknown }).detectAbi;
    expect(detect()).toEqual({ abi: 'x86_64', layout: 'lp64-le' });
  });

  it('marks numbers provisional while a call is not wired, or on request', async () => {
    expect(mod.NUMBERING).toEqual({ provisional: true, tree: '6.12' });
    const cachestat = await importBindings<Codec>(bindingsFor('test/fixtures/bindings/cachestat.yaml', TREE_612), dir, 'cachestat');
    expect(cachestat.NUMBERING.provisional).toBe(false);
    const forced = await importBindings<Codec>(bindingsFor('test/fixtures/bindings/cachestat.yaml', TREE_612, true), dir, 'cachestat-p');
    expect(forced.NUMBERING.provisional).toBe(true);
  });
});
