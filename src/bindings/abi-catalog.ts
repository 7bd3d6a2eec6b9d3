/**
 * The user-space syscall ABIs the bindings know, and where each one's
 * numbers come from in a kernel tree.
 *
 * An ABI is a table plus the ABI tags the kernel's Makefiles select from it
 * (`--abis common,64`), plus a base the kernel adds at build time (x32's
 * `__X32_SYSCALL_BIT`, mips' `__NR_Linux`).  Bases are not constants here:
 * each names the uapi macro that holds it, and `resolveAbis` reads it from
 * the tree.  Alpha needs no base: its table already carries the +110.
 *
 * The arches built from scripts/syscall.tbl (6.11+) take `common,32` or
 * `common,64` (scripts/Makefile.asm-headers) plus the tags their
 * `arch/<arch>/kernel/Makefile.syscalls` appends; `resolveAbis` reads them.
 *
 * `layout` gives the struct layout class for each byte order the ABI runs
 * in (see abi-layout.ts); `detect` is what `process.arch` reports for it,
 * and, for x32 and n32, what the ELF header of the running binary says.
 */
import type { LayoutClassName } from './abi-layout.js';

/** A base read from a uapi header: the first `#define macro N` (inside `#if ... when` when given). */
export interface MacroBase {
  header: string;
  macro: string;
  when?: string;
}

/** How an ABI is recognised at run time. */
export interface AbiDetect {
  /** `process.arch` values. */
  arch: readonly string[];
  /** ELF class of /proc/self/exe (1 = 32-bit, 2 = 64-bit), when the arch alone is ambiguous. */
  elfClass?: 1 | 2;
  /** Bits that must be set in the ELF header's e_flags (mips n32: EF_MIPS_ABI2). */
  elfFlags?: number;
}

export interface UserAbiSpec {
  name: string;
  /** Table id (see table-discovery.ts); `generic` is scripts/syscall.tbl. */
  table: string;
  /** ABI tags selected from the table; for the generic table, the word size whose Makefile.syscalls list applies. */
  abis: readonly string[] | { generic: string; bits: 32 | 64 };
  base: number | MacroBase;
  layout: { le?: LayoutClassName; be?: LayoutClassName };
  detect: AbiDetect;
}

const X32_BIT: MacroBase = { header: 'arch/x86/include/uapi/asm/unistd.h', macro: '__X32_SYSCALL_BIT' };
const mipsBase = (sim: string): MacroBase => ({ header: 'arch/mips/include/uapi/asm/unistd.h', macro: '__NR_Linux', when: sim });
const generic = (arch: string, bits: 32 | 64) => ({ generic: arch, bits });
/** EF_MIPS_ABI2 in the ELF e_flags marks an n32 binary. */
const EF_MIPS_ABI2 = 0x20;

export const USER_ABIS: readonly UserAbiSpec[] = [
  { name: 'x86_64', table: 'x86/64', abis: ['common', '64'], base: 0, layout: { le: 'lp64-le' }, detect: { arch: ['x64'], elfClass: 2 } },
  { name: 'x32', table: 'x86/64', abis: ['common', 'x32'], base: X32_BIT, layout: { le: 'ilp32-le' }, detect: { arch: ['x64'], elfClass: 1 } },
  { name: 'i386', table: 'x86/32', abis: ['i386'], base: 0, layout: { le: 'ilp32-le-u64a4' }, detect: { arch: ['ia32'] } },
  { name: 'arm', table: 'arm', abis: ['common', 'eabi'], base: 0, layout: { le: 'ilp32-le', be: 'ilp32-be' }, detect: { arch: ['arm'] } },
  { name: 'arm64', table: 'generic', abis: generic('arm64', 64), base: 0, layout: { le: 'lp64-le', be: 'lp64-be' }, detect: { arch: ['arm64'] } },
  { name: 'riscv32', table: 'generic', abis: generic('riscv', 32), base: 0, layout: { le: 'ilp32-le' }, detect: { arch: ['riscv32'] } },
  { name: 'riscv64', table: 'generic', abis: generic('riscv', 64), base: 0, layout: { le: 'lp64-le' }, detect: { arch: ['riscv64'] } },
  { name: 'loongarch64', table: 'generic', abis: generic('loongarch', 64), base: 0, layout: { le: 'lp64-le' }, detect: { arch: ['loong64'] } },
  { name: 'mips-o32', table: 'mips/o32', abis: ['o32'], base: mipsBase('_MIPS_SIM_ABI32'), layout: { le: 'ilp32-le', be: 'ilp32-be' }, detect: { arch: ['mips', 'mipsel'] } },
  { name: 'mips-n32', table: 'mips/n32', abis: ['n32'], base: mipsBase('_MIPS_SIM_NABI32'), layout: { le: 'ilp32-le', be: 'ilp32-be' }, detect: { arch: ['mips64', 'mips64el'], elfClass: 1, elfFlags: EF_MIPS_ABI2 } },
  { name: 'mips-n64', table: 'mips/n64', abis: ['common', 'n64'], base: mipsBase('_MIPS_SIM_ABI64'), layout: { le: 'lp64-le', be: 'lp64-be' }, detect: { arch: ['mips64', 'mips64el'], elfClass: 2 } },
  { name: 'powerpc', table: 'powerpc', abis: ['common', 'nospu', '32'], base: 0, layout: { be: 'ilp32-be' }, detect: { arch: ['ppc'] } },
  { name: 'ppc64', table: 'powerpc', abis: ['common', 'nospu', '64'], base: 0, layout: { le: 'lp64-le', be: 'lp64-be' }, detect: { arch: ['ppc64'] } },
  { name: 's390x', table: 's390', abis: ['common', '64'], base: 0, layout: { be: 'lp64-be' }, detect: { arch: ['s390x'] } },
  { name: 'sparc', table: 'sparc', abis: ['common', '32'], base: 0, layout: { be: 'ilp32-be' }, detect: { arch: ['sparc'] } },
  { name: 'sparc64', table: 'sparc', abis: ['common', '64'], base: 0, layout: { be: 'lp64-be' }, detect: { arch: ['sparc64'] } },
  { name: 'parisc', table: 'parisc', abis: ['common', '32'], base: 0, layout: { be: 'ilp32-be' }, detect: { arch: ['parisc', 'hppa'] } },
  { name: 'alpha', table: 'alpha', abis: ['common'], base: 0, layout: { le: 'lp64-le' }, detect: { arch: ['alpha'] } },
  { name: 'm68k', table: 'm68k', abis: ['common'], base: 0, layout: { be: 'm68k' }, detect: { arch: ['m68k'] } },
  { name: 'microblaze', table: 'microblaze', abis: ['common'], base: 0, layout: { le: 'ilp32-le-u64a4', be: 'ilp32-be-u64a4' }, detect: { arch: ['microblaze'] } },
  { name: 'sh', table: 'sh', abis: ['common'], base: 0, layout: { le: 'ilp32-le-u64a4', be: 'ilp32-be-u64a4' }, detect: { arch: ['sh', 'sh4'] } },
  { name: 'xtensa', table: 'xtensa', abis: ['common'], base: 0, layout: { le: 'ilp32-le', be: 'ilp32-be' }, detect: { arch: ['xtensa'] } },
  { name: 'arc', table: 'generic', abis: generic('arc', 32), base: 0, layout: { le: 'ilp32-le-u64a4', be: 'ilp32-be-u64a4' }, detect: { arch: ['arc'] } },
  { name: 'csky', table: 'generic', abis: generic('csky', 32), base: 0, layout: { le: 'ilp32-le-u64a4' }, detect: { arch: ['csky'] } },
  { name: 'hexagon', table: 'generic', abis: generic('hexagon', 32), base: 0, layout: { le: 'ilp32-le' }, detect: { arch: ['hexagon'] } },
  { name: 'nios2', table: 'generic', abis: generic('nios2', 32), base: 0, layout: { le: 'ilp32-le-u64a4' }, detect: { arch: ['nios2'] } },
  { name: 'openrisc', table: 'generic', abis: generic('openrisc', 32), base: 0, layout: { be: 'ilp32-be-u64a4' }, detect: { arch: ['openrisc', 'or1k'] } },
];
