/**
 * Two rules about explicitly 64-bit scalar arguments (model/scalar64.ts)
 * of the syscalls.h prototypes:
 *
 *   scalar64-compat  a table that carries compat entries (a compat column,
 *                    s390's always-present one) sends 32-bit callers of
 *                    such a call to its native entry: they pass the value
 *                    in two registers, so it needs a compat entry (or an
 *                    arch wrapper, as x86's sys_ia32_fallocate).  An error
 *                    in the shared range (shared-range.ts: the calls every
 *                    table has wired alike), a warning for the older rows
 *                    the kernel has long lived with (fanotify_mark in
 *                    scripts/syscall.tbl).
 *   odd-slot-64      such an argument starts in an odd 32-bit register:
 *                    arm EABI, mips o32 and ppc32 pad before it.  A warning
 *                    (sync_file_range, fadvise64_64, readahead, pread64 ...
 *                    have lived with it since before the rule was written).
 */
import type { TableModel } from '../kernel/kernel-tree.js';
import type { TableRow } from '../kernel/syscall-table-reader.js';
import { prototypeParams } from '../kernel/syscalls-h-reader.js';
import { isScalar64, oddSlotArgs, PAIRING_ABIS } from '../model/scalar64.js';
import { parameterName } from '../model/c-declaration.js';
import type { Finding, LintContext } from './lint-finding.js';
import { sharedStart } from './shared-range.js';

/** ABI tags whose rows serve only 64-bit callers of a table that also has 32-bit rows. */
const NATIVE_ONLY = new Set(['64', 'n64', 'spu', 'x32']);

/** Does a table route 32-bit callers of `name` away from `sys_<name>` (compat column, arch wrapper, n32's compat entry)? */
export function routesCompat(rows: readonly TableRow[], name: string): boolean {
  return rows
    .filter((r) => r.name === name && !NATIVE_ONLY.has(r.abi))
    .some((r) => (r.compat !== undefined && r.compat !== '-') || r.entry !== `sys_${name}`);
}

/** Calls whose prototype has a 64-bit scalar argument: name -> prototype position and arguments. */
function wideCalls({ tree }: LintContext): Map<string, { line: number; args: string[] }> {
  const { syscallsH, unistd } = tree;
  const byEntry = new Map(unistd.pairs.filter((p) => p.entry).map((p) => [p.entry!, p.name]));
  const out = new Map<string, { line: number; args: string[] }>();
  for (const proto of syscallsH.prototypes) {
    const name = byEntry.get(proto.entry) ?? proto.entry.replace(/^sys_/, '');
    if (out.has(name)) continue;
    const args = prototypeParams(syscallsH.text.lines, proto);
    if (args.some(isScalar64)) out.set(name, { line: proto.first, args });
  }
  return out;
}

function carriesCompat(t: TableModel): boolean {
  return t.format.compat === 'column' || t.format.compat === 'always';
}

export function checkScalar64Compat(ctx: LintContext): Finding[] {
  const wide = wideCalls(ctx);
  const start = sharedStart(ctx.tree);
  const findings: Finding[] = [];
  for (const t of ctx.tree.tables.filter(carriesCompat)) {
    for (const [name, proto] of wide) {
      const rows = t.table.rows.filter((r) => r.name === name && !NATIVE_ONLY.has(r.abi));
      if (rows.length === 0 || routesCompat(rows, name)) continue;
      const row = rows[0]!;
      const recent = row.nr - t.format.offset >= start;
      const arg = parameterName(proto.args.find(isScalar64)!);
      findings.push({
        file: t.path,
        line: row.line,
        col: row.raw.indexOf(row.entry ?? name) + 1,
        severity: recent ? 'error' : 'warning',
        message: `${name} takes 64-bit argument '${arg}' (prototype in ${ctx.tree.syscallsH.path}), which 32-bit callers pass in two registers, but this table sends them to ${row.entry}: add compat_sys_${name} in the compat column`,
        rule: 'scalar64-compat',
      });
    }
  }
  return findings;
}

export function checkOddSlots(ctx: LintContext): Finding[] {
  const { syscallsH } = ctx.tree;
  return [...wideCalls(ctx)].flatMap(([name, proto]) =>
    oddSlotArgs(proto.args).map((arg) => ({
      file: syscallsH.path,
      line: proto.line + 1,
      col: 1,
      severity: 'warning' as const,
      message: `${name}: 64-bit argument '${arg.name}' (arg ${arg.index + 1}) starts in 32-bit register ${arg.slot + 1}; ${PAIRING_ABIS.slice(0, -1).join(', ')} and ${PAIRING_ABIS.at(-1)} insert a padding register before it`,
      rule: 'odd-slot-64',
    })),
  );
}
