/**
 * The wire-up plan: from a validated definition and a tree model to the
 * list of file edits.  Pure (the only input beyond the model is a reader
 * for uapi headers), so golden tests need no file system.
 */
import { ARM64_COMPAT_TABLE, type KernelTree } from '../kernel/kernel-tree.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import { DiagnosticError, type Diagnostic } from '../model/diagnostics.js';
import { checkCompatStructs } from '../model/compat-struct-checks.js';
import { checkScalar64Args } from '../model/scalar64-checks.js';
import { implicitPadding } from '../model/struct-layout.js';
import type { FileEdit } from './file-edit.js';
import { assignNumbers, type PlannedCall } from './numbering.js';
import { planChecksyscallsEdit } from './checksyscalls-edit.js';
import { planCompatHEdit } from './compat-h-edit.js';
import { kconfigNotes, planKconfigEdit } from './kconfig-edit.js';
import { planSysNiEdit } from './sys-ni-edit.js';
import { planSyscallsHEdit } from './syscalls-h-edit.js';
import { isExcluded, namesTable, planTableEdit } from './table-edit.js';
import { planUapiEdits } from './uapi-edit.js';
import { planArm64CompatEdits, planUnistdEdit } from './unistd-edit.js';

export interface WirePlan {
  calls: PlannedCall[];
  /** Changed files only, in path order. */
  edits: FileEdit[];
  /** Things the user should know that are not errors: already wired calls, odd-slot 64-bit arguments, implicit struct padding. */
  notes: Diagnostic[];
}

export function planWireUp(
  tree: KernelTree,
  loaded: LoadedDefs,
  readTreeFile: (path: string) => string | undefined,
  isExecutable: (path: string) => boolean = () => false,
): WirePlan {
  const abiChecks = [...checkScalar64Args(loaded), ...checkCompatStructs(loaded)];
  const problems = [...checkTableKeys(tree, loaded), ...abiChecks.filter((d) => d.severity === 'error')];
  if (problems.length > 0) throw new DiagnosticError(problems);
  const calls = assignNumbers(tree, loaded);
  const edits: (FileEdit | undefined)[] = tree.tables.map((t) => planTableEdit(t, calls));
  if (tree.arm64Compat) {
    edits.push(...planArm64CompatEdits(tree, tree.arm64Compat, calls.filter((c) => !isExcluded(c.def, ARM64_COMPAT_TABLE))));
  }
  edits.push(planUnistdEdit(tree, calls, loaded.defs.series));
  edits.push(planSyscallsHEdit(tree, calls, loaded, problems));
  edits.push(planCompatHEdit(tree, calls, loaded, problems));
  edits.push(planSysNiEdit(tree, calls, loaded, problems));
  edits.push(planChecksyscallsEdit(tree, calls, readTreeFile), planKconfigEdit(loaded, calls, readTreeFile, problems));
  edits.push(...planUapiEdits(loaded.defs.structs, readTreeFile));
  if (problems.length > 0) throw new DiagnosticError(problems);
  const changed = edits
    .filter((e): e is FileEdit => e !== undefined && e.before !== e.after)
    .map((e): FileEdit => (e.before !== undefined && isExecutable(e.path) ? { ...e, mode: '100755' } : e));
  const notes: Diagnostic[] = [
    ...calls.filter((c) => c.wired).map((c) => ({ ...loaded.error(['syscalls', c.index, 'name'], `${c.def.name} is already wired as ${c.nr}; only missing pieces are added`), severity: 'note' as const })),
    ...abiChecks.filter((d) => d.severity !== 'error'),
    ...paddingWarnings(loaded),
    ...kconfigNotes(loaded),
  ];
  return { calls, edits: changed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), notes };
}

/** uapi structs should not have compiler-inserted holes: they differ between ABIs and leak kernel stack. */
function paddingWarnings(loaded: LoadedDefs): Diagnostic[] {
  return loaded.defs.structs.flatMap((st, i) =>
    implicitPadding(st.fields).map((hole) => ({
      ...loaded.error(['structs', i, 'name'], `struct ${st.name} has ${hole.bytes} bytes of implicit padding ${hole.before ? `before '${hole.before}'` : 'at the end'} on 64-bit ABIs; add an explicit field`),
      severity: 'warning' as const,
    })),
  );
}

/** Every `abi:` and `exclude:` key must name a table or an arch of this tree. */
function checkTableKeys(tree: KernelTree, loaded: LoadedDefs): Diagnostic[] {
  const known = [...tree.tables.map((t) => ({ id: t.id, arch: t.arch })), ...(tree.arm64Compat ? [ARM64_COMPAT_TABLE] : [])];
  const valid = (key: string) => known.some((t) => namesTable(key, t));
  const ids = [...new Set(known.map((t) => t.id))].join(', ');
  const problems: Diagnostic[] = [];
  loaded.defs.syscalls.forEach((s, i) => {
    for (const field of ['abi', 'entries'] as const) {
      for (const key of Object.keys(s[field])) if (!valid(key)) problems.push(loaded.error(['syscalls', i, field, { key }], `no table or arch '${key}' in this tree (tables: ${ids})`));
    }
    s.exclude.forEach((key, j) => {
      if (!valid(key)) problems.push(loaded.error(['syscalls', i, 'exclude', j], `no table or arch '${key}' in this tree (tables: ${ids})`));
    });
  });
  return problems;
}
