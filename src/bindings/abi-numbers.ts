/**
 * Syscall numbers for each user-space ABI, from the tree model and the wire
 * plan: a syscall the table already has keeps its row's number; a new one
 * gets the row the wire-up would add (`tableRowFields`, so the same ABI tag
 * and offset).  The ABI's base is added on top, and a row whose ABI tag the
 * ABI does not select (x32's rows for x86_64, `spu` for powerpc) gives no
 * number.
 */
import type { KernelTree, TableModel } from '../kernel/kernel-tree.js';
import type { PlannedCall } from '../plan/numbering.js';
import { isExcluded, tableRowFields } from '../plan/table-edit.js';
import { USER_ABIS, type MacroBase, type UserAbiSpec } from './abi-catalog.js';
import { TreeError } from '../kernel/tree-guard.js';

export type ReadTreeFile = (path: string) => string | undefined;

export interface ResolvedAbi {
  spec: UserAbiSpec;
  /** Undefined for a generic-table ABI in a tree without scripts/syscall.tbl (<= 6.10): asm-generic/unistd.h numbers apply. */
  table?: TableModel;
  abis: string[];
  base: number;
}

export interface AbiNumbers {
  abis: ResolvedAbi[];
  /** ABIs of the catalog this tree has no table for. */
  missing: string[];
  /** syscall name -> ABI name -> number (null: not wired for that ABI). */
  numbers: Map<string, Record<string, number | null>>;
}

export function resolveAbis(tree: KernelTree, read: ReadTreeFile): { abis: ResolvedAbi[]; missing: string[] } {
  const abis: ResolvedAbi[] = [];
  const missing: string[] = [];
  for (const spec of USER_ABIS) {
    const table = tree.tables.find((t) => t.id === spec.table);
    if (!table && spec.table !== 'generic') {
      missing.push(spec.name);
      continue;
    }
    const tags = Array.isArray(spec.abis) ? [...spec.abis] : genericAbis(spec.abis as { generic: string; bits: 32 | 64 }, read);
    abis.push({ spec, ...(table ? { table } : {}), abis: tags, base: typeof spec.base === 'number' ? spec.base : readMacroBase(spec.base, read) });
  }
  return { abis, missing };
}

export function abiNumbers(tree: KernelTree, calls: readonly PlannedCall[], read: ReadTreeFile): AbiNumbers {
  const { abis, missing } = resolveAbis(tree, read);
  const numbers = new Map<string, Record<string, number | null>>();
  for (const call of calls) {
    const row: Record<string, number | null> = {};
    for (const abi of abis) row[abi.spec.name] = numberIn(tree, abi, call);
    numbers.set(call.def.name, row);
  }
  return { abis, missing, numbers };
}

function numberIn(tree: KernelTree, abi: ResolvedAbi, call: PlannedCall): number | null {
  if (!abi.table) return (tree.generic.numbers.get(call.def.name) ?? call.nr) + abi.base;
  const existing = abi.table.table.rows.find((r) => r.name === call.def.name && abi.abis.includes(r.abi));
  if (existing) return existing.nr + abi.base;
  if (abi.table.table.rows.some((r) => r.name === call.def.name) || isExcluded(call.def, abi.table)) return null;
  const [nr, tag] = tableRowFields(abi.table, call);
  return tag !== undefined && abi.abis.includes(tag) ? Number(nr) + abi.base : null;
}

/**
 * `common,<bits>` (scripts/Makefile.asm-headers) plus what
 * `arch/<arch>/kernel/Makefile.syscalls` appends with `syscall_abis_<bits> += ...`.
 */
function genericAbis(spec: { generic: string; bits: 32 | 64 }, read: ReadTreeFile): string[] {
  const tags = ['common', String(spec.bits)];
  const makefile = read(`arch/${spec.generic}/kernel/Makefile.syscalls`) ?? '';
  const line = new RegExp(`^syscall_abis_${spec.bits}\\s*\\+?=(.*)$`);
  for (const text of makefile.split('\n')) {
    const m = line.exec(text);
    if (m) tags.push(...m[1]!.trim().split(/\s+/).filter(Boolean));
  }
  return [...new Set(tags)];
}

/** The value of `#define <macro> N` in a uapi header, inside `#if ... <when>` when given. */
export function readMacroBase(base: MacroBase, read: ReadTreeFile): number {
  const text = read(base.header);
  if (text === undefined) throw new TreeError(base.header, 0, `missing; cannot read the syscall base ${base.macro}`);
  let active = base.when === undefined;
  const define = new RegExp(`^#\\s*define\\s+${base.macro}\\s+(0x[0-9a-fA-F]+|\\d+)\\b`);
  const lines = text.split('\n');
  for (const line of lines) {
    if (base.when !== undefined && /^#\s*if/.test(line)) active = line.includes(base.when);
    else if (base.when !== undefined && /^#\s*endif/.test(line)) active = false;
    const m = active ? define.exec(line) : null;
    if (m) return Number(m[1]);
  }
  throw new TreeError(base.header, 0, `no '#define ${base.macro}'${base.when ? ` under ${base.when}` : ''}`);
}
