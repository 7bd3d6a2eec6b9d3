/**
 * syscall-count: `#define __NR_syscalls N` in asm-generic/unistd.h must be
 * the last wired number + 1 (kernel-conventions §6.2); a wire-up that adds
 * pairs and forgets the bump leaves the new numbers out of every array sized
 * by it.
 */
import { parseNrDefine } from '../kernel/unistd-reader.js';
import type { Finding, LintContext } from './lint-finding.js';

export function checkSyscallCount({ tree }: LintContext): Finding[] {
  const header = tree.unistd;
  if (header.count === undefined || header.countLine < 0) return [];
  const wired = header.pairs.filter((p) => p.callLine >= 0 && p.defineLine < header.countLine);
  if (wired.length === 0) return [];
  const last = wired.reduce((a, b) => (b.nr > a.nr ? b : a));
  if (header.count === last.nr + 1) return [];
  const line = header.text.lines[header.countLine]!;
  return [
    {
      file: header.path,
      line: header.countLine + 1,
      col: parseNrDefine(line)!.head.length + 1,
      severity: 'error',
      message: `__NR_syscalls is ${header.count}, but the last syscall is ${last.name} = ${last.nr}; expected ${last.nr + 1}`,
      rule: 'syscall-count',
    },
  ];
}
