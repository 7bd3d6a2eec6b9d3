/**
 * What the bindings are printed from: the definition and the numbers per
 * ABI, already resolved against the tree.  Plain data only (no functions,
 * no tree model).  This module must not load ts-morph: every `generate`
 * loads it, `--dry-run` included; only bindings-builder.ts loads ts-morph.
 *
 * Numbers are provisional when the caller says so (`--provisional`) and
 * whenever a syscall of the series is not wired in the tree yet: a number
 * the plan assigned is by definition not merged.
 */
import type { KernelTree } from '../kernel/kernel-tree.js';
import type { Defs } from '../model/defs-schema.js';
import type { PlannedCall } from '../plan/numbering.js';
import { abiNumbers, type AbiNumbers, type ReadTreeFile } from './abi-numbers.js';

export interface BindingsInput {
  defs: Defs;
  /** The definition file as the user named it, for the header comment. */
  defsPath: string;
  tree: KernelTree;
  /** The wire plan's calls (planWireUp): numbers of new syscalls. */
  calls: readonly PlannedCall[];
  read: ReadTreeFile;
  /** Mark the numbers provisional even when the tree already has every call (applied but not merged). */
  provisional?: boolean;
}

export interface BindingsModel {
  defs: Defs;
  defsPath: string;
  /** Per-ABI numbers; each ABI without its table model (the printer needs only the spec). */
  numbers: AbiNumbers;
  provisional: boolean;
  /** Kernel version of the tree, for the header comment and NUMBERING. */
  treeVersion: string | undefined;
}

export function bindingsModel(input: BindingsInput): BindingsModel {
  const numbers = abiNumbers(input.tree, input.calls, input.read);
  return {
    defs: input.defs,
    defsPath: input.defsPath,
    numbers: { ...numbers, abis: numbers.abis.map(({ spec, abis, base }) => ({ spec, abis, base })) },
    provisional: input.provisional === true || input.calls.some((c) => !c.wired),
    treeVersion: input.tree.era.version,
  };
}
