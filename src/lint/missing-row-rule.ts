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
import { carries, sharedRange } from './shared-range.js';
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
  return findings;
}
