/**
 * kernel/sys_ni.c: `COND_SYSCALL(<name>);` (plus `COND_SYSCALL_COMPAT`) for
 * calls that can be configured out.  After the `after.sys_ni` hint's line,
 * or as a new paragraph after the file's last COND_SYSCALL line.
 */
import type { KernelTree } from '../kernel/kernel-tree.js';
import { joinLines } from '../kernel/text-lines.js';
import type { LoadedDefs } from '../model/defs-loader.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { renderLines } from '../render/engine.js';
import { insertLines, type FileEdit, type Insertion } from './file-edit.js';
import type { PlannedCall } from './numbering.js';

export function planSysNiEdit(tree: KernelTree, calls: readonly PlannedCall[], loaded: LoadedDefs, problems: Diagnostic[]): FileEdit | undefined {
  const { sysNi } = tree;
  const present = new Set(sysNi.conds.map((c) => c.name));
  const wanted = calls.filter((c) => c.def.configurable && !present.has(c.def.name));
  if (wanted.length === 0) return undefined;
  const last = sysNi.conds[sysNi.conds.length - 1];
  if (!last) throw new Error(`${sysNi.path}: no COND_SYSCALL lines found`);
  const insertions: Insertion[] = [];
  const tail: PlannedCall[] = [];
  for (const call of wanted) {
    const hint = call.def.after.sys_ni;
    if (hint === undefined) {
      tail.push(call);
      continue;
    }
    const anchor = sysNi.conds.filter((c) => c.name === hint).pop();
    if (!anchor) problems.push(loaded.error(['syscalls', call.index, 'after', 'sys_ni'], `no COND_SYSCALL(${hint}) in ${sysNi.path}`));
    else insertions.push({ after: anchor.line, lines: condLines([call]) });
  }
  if (tail.length > 0) insertions.push({ after: last.line, lines: ['', ...condLines(tail)] });
  const source = joinLines(sysNi.text);
  return { path: sysNi.path, before: source, after: insertLines(source, insertions) };
}

function condLines(calls: readonly PlannedCall[]): string[] {
  return renderLines('sys-ni.c.hbs', { calls: calls.map((c) => ({ name: c.def.name, compat: c.compat !== undefined })) });
}
