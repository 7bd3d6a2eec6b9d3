// Struct layouts of the generated bindings against what C compilers
// compute for the generated uapi header, per ABI: gcc -m64/-m32/-mx32 and
// Debian's cross compilers.  Cross binaries need not run: the probe is
// compiled with -S and the constants read back from the assembly (the
// kernel's asm-offsets trick).  <linux/types.h> comes from each arch's
// `make headers_install` of the 6.12 tree, cached in .cache/headers/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ABIS } from '../../src/bindings/abi-catalog.js';
import { renderUapiHeader } from '../../src/render/uapi-header.js';
import { bindingsFor, importBindings, scratchDir } from '../support/bindings.js';
import { loadDefsFile } from '../support/definitions.js';
import { hasTool, needTool } from '../support/kernel-build.js';
import { REPO_ROOT, requireTree, TREE_612 } from '../support/kernel-trees.js';

const DEFS = ['defs/sframe.yaml', 'test/fixtures/bindings/mixed.yaml'];
/** label, catalog ABI, compiler and flags, kernel ARCH for headers_install. */
const TARGETS: [string, string, string[], string][] = [
  ['gcc -m64', 'x86_64', ['gcc', '-m64'], 'x86'],
  ['gcc -m32', 'i386', ['gcc', '-m32'], 'x86'],
  ['gcc -mx32', 'x32', ['gcc', '-mx32'], 'x86'],
  ['aarch64', 'arm64', ['aarch64-linux-gnu-gcc'], 'arm64'],
  ['arm eabi', 'arm', ['arm-linux-gnueabi-gcc'], 'arm'],
  ['s390x', 's390x', ['s390x-linux-gnu-gcc'], 's390'],
  ['m68k', 'm68k', ['m68k-linux-gnu-gcc'], 'm68k'],
  ['mips o32', 'mips-o32', ['mips-linux-gnu-gcc'], 'mips'],
  ['mips n32', 'mips-n32', ['mips-linux-gnu-gcc', '-mabi=n32', '-march=mips64r2'], 'mips'],
  ['mips n64', 'mips-n64', ['mips-linux-gnu-gcc', '-mabi=64', '-march=mips64r2'], 'mips'],
  ['powerpc', 'powerpc', ['powerpc-linux-gnu-gcc'], 'powerpc'],
  ['ppc64', 'ppc64', ['powerpc-linux-gnu-gcc', '-m64'], 'powerpc'],
  ['sparc64', 'sparc64', ['sparc64-linux-gnu-gcc'], 'sparc'],
  ['sparc32', 'sparc', ['sparc64-linux-gnu-gcc', '-m32'], 'sparc'],
  ['alpha', 'alpha', ['alpha-linux-gnu-gcc'], 'alpha'],
  ['riscv64', 'riscv64', ['riscv64-linux-gnu-gcc'], 'riscv'],
  ['riscv32', 'riscv32', ['riscv64-linux-gnu-gcc', '-march=rv32gc', '-mabi=ilp32'], 'riscv'],
  ['sh4', 'sh', ['sh4-linux-gnu-gcc'], 'sh'],
  ['parisc', 'parisc', ['hppa-linux-gnu-gcc'], 'parisc'],
];

const HEADERS = join(REPO_ROOT, '.cache/headers/linux-6.12');
const work = mkdtempSync(join(tmpdir(), 'syswire-layout-'));
const dir = scratchDir('layout');
const results: { label: string; struct: string; equal: boolean }[] = [];
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  const structs = [...new Set(results.map((r) => r.struct))];
  const rows = [...new Set(results.map((r) => r.label))].map((l) => `| ${l} | ${structs.map((s) => (results.find((r) => r.label === l && r.struct === s)?.equal ? 'equal' : 'DIFFERENT')).join(' | ')} |`);
  console.log([`| ABI | ${structs.join(' | ')} |`, `|---|${structs.map(() => '---|').join('')}`, ...rows].join('\n'));
});

/** `make ARCH=<arch> headers_install` into the cache (once; a stamp marks completion). */
function headersInstall(arch: string): Promise<string> {
  const dest = join(HEADERS, arch);
  if (existsSync(join(dest, '.complete'))) return Promise.resolve(dest);
  const build = join(work, `build-${arch}`);
  return new Promise((res, rej) => {
    const args = ['-s', '-C', requireTree(TREE_612), `ARCH=${arch}`, `O=${build}`, `INSTALL_HDR_PATH=${dest}`, 'headers_install'];
    const child = spawn('make', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) return rej(new Error(`make ${args.join(' ')} failed:\n${err}`));
      writeFileSync(join(dest, '.complete'), '');
      res(dest);
    });
  });
}

/** C source whose assembly carries `->SYM value` for every size, alignment and offset. */
function probeSource(structs: ReturnType<typeof loadDefsFile>['defs']['structs']): string {
  const headers = [...new Set(structs.map((s) => s.header.replace(/^include\/uapi\//, '')))];
  const lines = ['#include <stddef.h>', ...headers.map((h) => `#include <${h}>`), '#define DEFINE(sym, val) asm volatile("\\n.ascii \\"->" #sym " %0\\"" : : "i" (val))', 'void probe(void)', '{'];
  lines.push('\tDEFINE(byte_order_le, __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);');
  for (const s of structs) {
    lines.push(`\tDEFINE(${s.name}__size, sizeof(struct ${s.name}));`, `\tDEFINE(${s.name}__align, __alignof__(struct ${s.name}));`);
    for (const f of s.fields) lines.push(`\tDEFINE(${s.name}__${f.name}, offsetof(struct ${s.name}, ${f.name}));`);
  }
  return [...lines, '}', ''].join('\n');
}

type Layouts = Record<string, { layouts: Record<string, { size: number; align: number; offsets: number[] }> }>;

describe('struct layouts: bindings vs C compilers', () => {
  const loaded = DEFS.map((d) => loadDefsFile(d));
  const structs = loaded.flatMap((l) => l.defs.structs);
  const include = join(work, 'include');
  const probe = join(work, 'probe.c');
  const layouts: Layouts = {};
  const headerDirs = new Map<string, string>();

  beforeAll(async () => {
    for (const s of structs) {
      const path = join(include, s.header.replace(/^include\/uapi\//, ''));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, renderUapiHeader(s.header, structs.filter((x) => x.header === s.header)));
    }
    writeFileSync(probe, probeSource(structs));
    for (const [i, d] of DEFS.entries()) {
      const mod = await importBindings<Record<string, unknown>>(bindingsFor(d, TREE_612), dir, `defs${i}`);
      for (const s of loaded[i]!.defs.structs) layouts[s.name] = mod[`${s.name.toUpperCase()}_LAYOUT`] as Layouts[string];
    }
    const arches = [...new Set(TARGETS.filter(([, , cc]) => hasTool(cc[0]!)).map(([, , , arch]) => arch))];
    const dirs = await Promise.all(arches.map(headersInstall));
    arches.forEach((a, i) => headerDirs.set(a, dirs[i]!));
  });

  it.for(TARGETS)('%s (%s) lays out every struct as the bindings say', ([label, abi, cc, arch], ctx) => {
    needTool(ctx, cc[0]!);
    const r = spawnSync(cc[0]!, [...cc.slice(1), '-S', '-o', '-', `-I${include}`, `-I${join(headerDirs.get(arch)!, 'include')}`, probe], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = new Map([...r.stdout.matchAll(/->(\w+) [$#]?(-?\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
    const spec = USER_ABIS.find((a) => a.name === abi)!;
    const cls = spec.layout[got.get('byte_order_le') ? 'le' : 'be'];
    expect(cls, `${abi} has no layout class for this byte order`).toBeDefined();
    for (const s of structs) {
      const c = { size: got.get(`${s.name}__size`), align: got.get(`${s.name}__align`), offsets: s.fields.map((f) => got.get(`${s.name}__${f.name}`)) };
      const equal = JSON.stringify(c) === JSON.stringify(layouts[s.name]!.layouts[cls!]);
      results.push({ label: `${label} (${cls})`, struct: s.name, equal });
      expect(layouts[s.name]!.layouts[cls!], `struct ${s.name} on ${label}`).toEqual(c);
    }
  });
});
