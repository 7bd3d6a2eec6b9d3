/**
 * missing-prototype: every syscall of the shared range needs its
 * `asmlinkage long sys_<name>(...)` prototype in include/linux/syscalls.h
 * (kernel-conventions §1.4).  The entry point is the one asm-generic/unistd.h
 * wires; `sys_ni_syscall` placeholders need none.
 */
import { sharedRange } from './shared-range.js';
import type { Finding, LintContext } from './lint-finding.js';
import { NI_SYSCALL } from '../kernel/syscall-table-reader.js';

export function checkPrototypes({ tree }: LintContext): Finding[] {
  const declared = new Set(tree.syscallsH.prototypes.map((p) => p.entry));
  const findings: Finding[] = [];
  for (const call of sharedRange(tree)) {
    const pair = tree.unistd.pairs.find((p) => p.name === call.name && p.callLine >= 0);
    if (!pair?.entry || pair.entry === NI_SYSCALL || declared.has(pair.entry)) continue;
    const line = tree.unistd.text.lines[pair.callLine]!;
    findings.push({
      file: tree.unistd.path,
      line: pair.callLine + 1,
      col: line.indexOf(pair.entry) + 1,
      severity: 'error',
      message: `no prototype for ${pair.entry} in ${tree.syscallsH.path} (asmlinkage long ${pair.entry}(...);)`,
      rule: 'missing-prototype',
    });
  }
  return findings;
}
