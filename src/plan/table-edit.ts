/**
 * New rows for one syscall table.  The fields follow the table's learnt
 * format: number plus the table's offset, the ABI the table uses for new
 * rows (or the definition's override), the compat entry where and how the
 * table carries one; rows go after the last row of the newest block that
 * has a lower number (kernel-conventions §5.1 "Placement").
 */
import { GENERIC_TABLE, type TableModel } from '../kernel/kernel-tree.js';
import { joinLines } from '../kernel/text-lines.js';
import { NI_SYSCALL } from '../kernel/syscall-table-reader.js';
import { renderTableRow } from '../render/table-row.js';
import type { SyscallDef } from '../model/defs-schema.js';
import { insertLines, type FileEdit, type Insertion } from './file-edit.js';
import type { PlannedCall } from './numbering.js';

/** Does a definition's `exclude`/`abi` key name this table (by id or by arch)? */
export function namesTable(key: string, model: Pick<TableModel, 'id' | 'arch'>): boolean {
  return key === model.id || key === model.arch;
}

export function isExcluded(def: SyscallDef, model: Pick<TableModel, 'id' | 'arch'>): boolean {
  return def.exclude.some((key) => namesTable(key, model));
}

/**
 * Does an excluded call keep its number in this table?  Arch tables do, with
 * a `sys_ni_syscall` row (powerpc's map_shadow_stack, alpha's
 * set_mempolicy_home_node): `__NR_<name>` stays defined, so the numbers stay
 * aligned and scripts/checksyscalls.sh stays quiet.  The generic table
 * serves many arches; a call none of them gets has no row there and an
 * `__IGNORE_<name>` in checksyscalls.sh instead (checksyscalls-edit.ts).
 */
export function keepsReservedRow(model: Pick<TableModel, 'path'>): boolean {
  return model.path !== GENERIC_TABLE;
}


/** A reserved row: the call's number, ABI and name, `sys_ni_syscall` as its only entry (s390 <= 6.18 repeats it). */
function reservedRowFields(model: TableModel, call: PlannedCall): string[] {
  const { compat: _compat, compatWhy: _why, ...plain } = call;
  return tableRowFields(model, { ...plain, entry: NI_SYSCALL, def: { ...call.def, entries: {} } });
}

/** A per-table value keyed by table id, else by arch (`x86/64` beats `x86`). */
export function tableOverride<T>(map: Readonly<Record<string, T>>, model: Pick<TableModel, 'id' | 'arch'>): T | undefined {
  return map[model.id] ?? map[model.arch];
}

export function tableRowFields(model: TableModel, call: PlannedCall): string[] {
  const { format } = model;
  const abi = tableOverride(call.def.abi, model) ?? format.defaultAbi;
  // mips n32 has 64-bit registers and n64's struct layout: only a compat entry the definition names goes there.
  const entry = tableOverride(call.def.entries, model) ?? (format.compat === 'entry' && call.compat && call.compatWhy === 'defined' ? call.compat : call.entry);
  const fields = [String(call.nr + format.offset), abi, call.def.name, entry];
  if (format.compat === 'column' && call.compat) fields.push(call.compat);
  if (format.compat === 'always') fields.push(call.compat ?? call.entry);
  return fields;
}

/** The 0-based line a new row numbered `nr` (table numbering) goes after. */
export function rowInsertionPoint(model: Pick<TableModel, 'table' | 'format'>, nr: number): number {
  let after = model.format.block.last;
  for (let i = model.format.block.first; i <= model.format.block.last; i++) {
    const line = model.table.lines[i]!;
    const lineNr = line.kind === 'row' ? line.nr : line.reserved?.nr;
    if (lineNr !== undefined && lineNr < nr) after = i;
  }
  return after;
}

export function planTableEdit(model: TableModel, calls: readonly PlannedCall[]): FileEdit | undefined {
  const present = new Set(model.table.rows.map((r) => r.name));
  // A `# NNN reserved for <name>` comment already keeps an excluded call's number.
  const commented = new Set(model.table.lines.flatMap((l) => (l.kind === 'comment' && l.reserved ? [l.reserved.name] : [])));
  const needsRow = (c: PlannedCall) => (isExcluded(c.def, model) ? keepsReservedRow(model) && !commented.has(c.def.name) : true);
  const wanted = calls.filter((c) => !present.has(c.def.name) && needsRow(c)).sort((a, b) => a.nr - b.nr);
  if (wanted.length === 0) return undefined;
  const insertions: Insertion[] = wanted.map((call) => ({
    after: rowInsertionPoint(model, call.nr + model.format.offset),
    lines: [renderTableRow(isExcluded(call.def, model) ? reservedRowFields(model, call) : tableRowFields(model, call), model.format.stops)],
  }));
  const source = joinLines(model.table.text);
  return { path: model.path, before: source, after: insertLines(source, insertions) };
}
