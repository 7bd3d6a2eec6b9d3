/**
 * The ABI part of generated bindings: the `Abi` and `LayoutClass` types,
 * the run-time detection rules, how numbers were made (provisional or not,
 * against which tree) and the numbers of every syscall for every ABI.
 */
import { StructureKind, Writers, type StatementStructures, type WriterFunction } from 'ts-morph';
import { LAYOUT_CLASS_NAMES, layoutClass } from './abi-layout.js';
import type { AbiNumbers } from './abi-numbers.js';
import { constant, type LiteralValue } from './literal-writer.js';

export interface NumberingInfo {
  /** Numbers may still change: the series is not merged (see `buildBindings`). */
  provisional: boolean;
  /** Kernel version of the tree the numbers come from, e.g. `6.12`. */
  tree: string;
}

function union(names: readonly string[]): WriterFunction {
  const quoted = names.map((n): WriterFunction => (w) => w.quote(n));
  if (quoted.length === 1) return quoted[0]!;
  return Writers.unionType(quoted[0]!, quoted[1]!, ...quoted.slice(2));
}

export function buildAbiSection(numbers: AbiNumbers, numbering: NumberingInfo): StatementStructures[] {
  const abiNames = numbers.abis.map((a) => a.spec.name);
  const rules = numbers.abis.flatMap((a) =>
    (['le', 'be'] as const).flatMap((order) => {
      const layout = a.spec.layout[order];
      if (!layout) return [];
      const { arch, elfClass, elfFlags } = a.spec.detect;
      return [{ abi: a.spec.name, layout, arch: [...arch], littleEndian: order === 'le', elfClass, elfFlags }];
    }),
  );
  const classes = Object.fromEntries(LAYOUT_CLASS_NAMES.map((n) => [n, { littleEndian: layoutClass(n).littleEndian }]));
  const table = Object.fromEntries([...numbers.numbers].map(([name, row]) => [name, row]));
  return [
    { kind: StructureKind.TypeAlias, isExported: true, name: 'Abi', type: union(abiNames), docs: ['A user-space syscall ABI.'] },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'LayoutClass', type: union(LAYOUT_CLASS_NAMES), docs: ['A struct layout class: byte order and alignment rules shared by several ABIs.'] },
    { kind: StructureKind.TypeAlias, isExported: true, name: 'SyscallName', type: union([...numbers.numbers.keys()]), docs: ['The syscalls of this series.'] },
    constant('NUMBERING', undefined, { provisional: numbering.provisional, tree: numbering.tree }, [
      `How the numbers were made: from a Linux ${numbering.tree} tree; ${numbering.provisional ? 'provisional, the series is not merged' : 'final'}.`,
    ]),
    constant('LAYOUT_CLASSES', 'Readonly<Record<LayoutClass, { readonly littleEndian: boolean }>>', classes, ['Byte order of each layout class.']),
    constant('ABI_RULES', 'readonly AbiRule[]', rules as unknown as LiteralValue, ['How each ABI is recognised at run time, first match wins.']),
    constant('SYSCALLS', 'Readonly<Record<SyscallName, Readonly<Record<Abi, number | null>>>>', table, [
      'Syscall numbers per ABI, the ABI base included (null: not wired for that ABI).',
    ]),
  ];
}
