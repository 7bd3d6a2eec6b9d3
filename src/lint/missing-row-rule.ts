/**
 * missing-row: a generic syscall of the shared range (see shared-range.ts)
 * that a table neither carries as a row nor keeps as a `# NNN reserved for
 * name` comment.  kernel-conventions §4.1: wire-ups that forgot
 * scripts/syscall.tbl had to be fixed up later.  A call left out of the
 * generic table on purpose is not missing when scripts/checksyscalls.sh
 * ignores it on every configuration (`#define __IGNORE_<name>`), which is
 * how the kernel's own check is told; arch tables keep such a number with
 * a `sys_ni_syscall` row, which is a row like any other.
 */
import { alwaysIgnored, CHECKSYSCALLS, parseChecksyscalls } from '../kernel/checksyscalls-reader.js';
import { GENERIC_TABLE } from '../kernel/kernel-tree.js';
import { carries, sharedRange, sharedStart } from './shared-range.js';
import { NI_SYSCALL } from '../kernel/syscall-table-reader.js';
import { lastLine, type Finding, type LintContext } from './lint-finding.js';

export function checkMissingRows({ tree, readFile }: LintContext): Finding[] {
  const findings: Finding[] = [];
  const script = readFile(CHECKSYSCALLS);
  const ignored = script === undefined ? new Set<string>() : alwaysIgnored(parseChecksyscalls(CHECKSYSCALLS, script));
  for (const call of sharedRange(tree)) {
    for (const t of tree.tables) {
      if (carries(t, call.name) || (t.path === GENERIC_TABLE && ignored.has(call.name))) continue;
      findings.push({
        file: t.path,
        line: lastLine(t.table.text),
        col: 1,
        severity: 'error',
        message: `generic syscall ${call.name} (${call.nr} in ${tree.unistd.path}) is missing from this table; expected a row numbered ${call.nr + t.format.offset} (or a '# ${call.nr + t.format.offset} reserved for ${call.name}' comment)`,
        rule: 'missing-row',
      });
    }
  }
  findings.push(...missingDefines(tree));
  return findings;
}

/**
 * A call the arch tables carry at one generic number past the shared range's start, but that
 * asm-generic/unistd.h does not define: the generic arches (arm64, riscv, ...) would not get it.
 * That is the trace of a wire-up stopped half way.
 */
function missingDefines(tree: LintContext['tree']): Finding[] {
  const start = sharedStart(tree);
  const seen = new Map<string, Set<number>>();
  for (const t of tree.tables) {
    if (t.path === GENERIC_TABLE) continue;
    // Rows outside the newest block (x86_64's x32 range) are not generic numbers.
    const { first, last } = t.format.block;
    for (const row of t.table.lines.slice(first, last + 1)) {
      if (row.kind !== 'row') continue;
      const nr = row.nr - t.format.offset;
      if (nr < start || row.entry === NI_SYSCALL || tree.generic.numbers.has(row.name)) continue;
      seen.set(row.name, (seen.get(row.name) ?? new Set()).add(nr));
    }
  }
  return [...seen]
    .filter(([, numbers]) => numbers.size === 1)
    .filter(([name]) => tree.tables.filter((t) => t.path !== GENERIC_TABLE && carries(t, name)).length > 1)
    .map(([name, numbers]) => ({
      file: tree.unistd.path,
      line: lastLine(tree.unistd.text),
      col: 1,
      severity: 'error' as const,
      message: `${name} has rows numbered ${[...numbers][0]} (generic numbering) in the arch tables, but no __NR_${name} define here`,
      rule: 'missing-row',
    }));
}
