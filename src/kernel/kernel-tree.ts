/**
 * The tree model: every file a syscall wire-up touches, parsed losslessly,
 * with each table's learnt format and the tree's era.
 *
 * Eras (kernel-conventions §4):
 * - 6.11+: scripts/syscall.tbl is the generic table;
 * - up to 6.10: no scripts/syscall.tbl; arm64 compat is wired through
 *   arch/arm64/include/asm/unistd32.h plus `__NR_compat_syscalls`;
 * - up to 6.6: arch/ia64 still has a table (found by discovery like any other).
 */
import { parseSyscallTable, type SyscallTable } from './syscall-table-reader.js';
import { learnTableFormat, type GenericReference, type TableFormat } from './table-format.js';
import { tableArch, tableId } from './table-discovery.js';
import { findCompatCount, genericReference, parseUnistdHeader, type UnistdHeader } from './unistd-reader.js';
import { parseSyscallsHeader, type SyscallsHeader } from './syscalls-h-reader.js';
import { parseSysNi, type SysNi } from './sys-ni-reader.js';
import { TreeError } from './tree-guard.js';
import { assertTableOrder } from './table-order.js';

export const UNISTD = 'include/uapi/asm-generic/unistd.h';
export const SYSCALLS_H = 'include/linux/syscalls.h';
export const COMPAT_H = 'include/linux/compat.h';
export const SYS_NI = 'kernel/sys_ni.c';
export const ARM64_UNISTD32 = 'arch/arm64/include/asm/unistd32.h';
export const ARM64_UNISTD = 'arch/arm64/include/asm/unistd.h';
export const GENERIC_TABLE = 'scripts/syscall.tbl';

export interface TableModel {
  path: string;
  /** `alpha`, `x86/64`, `mips/n32`, `generic`, ... */
  id: string;
  arch: string;
  table: SyscallTable;
  format: TableFormat;
}

/** Up to 6.10, unistd32.h plays the part of the arm64/32 table: it answers to the same id and arch. */
export const ARM64_COMPAT_TABLE = { id: 'arm64/32', arch: 'arm64' } as const;

export interface Arm64Compat {
  unistd32: UnistdHeader;
  /** `#define __NR_compat_syscalls N` in arch/arm64/include/asm/unistd.h. */
  count: { line: number; count: number };
}

export interface KernelTree {
  /** Original text of every file read, by tree-relative path. */
  sources: ReadonlyMap<string, string>;
  tables: TableModel[];
  unistd: UnistdHeader;
  /** Generic numbering from asm-generic/unistd.h. */
  generic: GenericReference;
  syscallsH: SyscallsHeader;
  /** include/linux/compat.h (compat_sys_* prototypes), when the tree has it. */
  compatH?: SyscallsHeader;
  sysNi: SysNi;
  arm64Compat?: Arm64Compat;
  era: { genericTable: boolean; arm64Unistd32: boolean; ia64: boolean; version?: string };
}

/** Files (besides the discovered tables) the model reads when they exist. */
export const MODEL_FILES = [UNISTD, SYSCALLS_H, COMPAT_H, SYS_NI, ARM64_UNISTD32, ARM64_UNISTD, 'Makefile'] as const;
const REQUIRED = [UNISTD, SYSCALLS_H, SYS_NI];

/** Build the model from file contents; pure, so tests need no file system. */
export function buildKernelTree(sources: ReadonlyMap<string, string>, tablePaths: readonly string[]): KernelTree {
  for (const path of REQUIRED) {
    if (!sources.has(path)) throw new TreeError(path, 0, 'missing; is this a kernel tree?');
  }
  if (tablePaths.length === 0) throw new TreeError('arch', 0, 'no syscall*.tbl table found; is this a kernel tree?');
  const unistd = parseUnistdHeader(UNISTD, sources.get(UNISTD)!);
  const generic = genericReference(unistd);
  const tables = tablePaths.map((path): TableModel => {
    const table = parseSyscallTable(path, sources.get(path)!);
    assertTableOrder(table);
    return { path, id: tableId(path), arch: tableArch(path), table, format: learnTableFormat(table, generic) };
  });
  const tree: KernelTree = {
    sources,
    tables,
    unistd,
    generic,
    syscallsH: parseSyscallsHeader(SYSCALLS_H, sources.get(SYSCALLS_H)!),
    sysNi: parseSysNi(SYS_NI, sources.get(SYS_NI)!),
    era: {
      genericTable: tablePaths.includes(GENERIC_TABLE),
      arm64Unistd32: false,
      ia64: tables.some((t) => t.arch === 'ia64'),
    },
  };
  const compatH = sources.get(COMPAT_H);
  if (compatH !== undefined) tree.compatH = parseSyscallsHeader(COMPAT_H, compatH);
  const version = kernelVersion(sources.get('Makefile'));
  if (version) tree.era.version = version;
  const unistd32 = sources.get(ARM64_UNISTD32);
  const arm64Unistd = sources.get(ARM64_UNISTD);
  const count = arm64Unistd === undefined ? undefined : findCompatCount(arm64Unistd);
  if (unistd32 !== undefined && count) {
    const header = parseUnistdHeader(ARM64_UNISTD32, unistd32);
    if (header.pairs.length > 0) {
      tree.arm64Compat = { unistd32: header, count };
      tree.era.arm64Unistd32 = true;
    }
  }
  return tree;
}

function kernelVersion(makefile: string | undefined): string | undefined {
  const get = (key: string) => new RegExp(`^${key}\\s*=\\s*(\\d+)`, 'm').exec(makefile ?? '')?.[1];
  const [major, minor] = [get('VERSION'), get('PATCHLEVEL')];
  return major && minor ? `${major}.${minor}` : undefined;
}
