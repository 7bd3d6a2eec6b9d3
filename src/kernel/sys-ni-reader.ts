/**
 * Reader for kernel/sys_ni.c: the `COND_SYSCALL(<name>);` and
 * `COND_SYSCALL_COMPAT(<name>);` lines that give a syscall whose code is
 * configured out a -ENOSYS fallback.
 */
import { splitLines, type TextLines } from './text-lines.js';

export interface CondSyscall {
  name: string;
  compat: boolean;
  /** 0-based line. */
  line: number;
}

export interface SysNi {
  path: string;
  text: TextLines;
  conds: CondSyscall[];
}

const COND = /^COND_SYSCALL(_COMPAT)?\((\w+)\);/;

export function parseSysNi(path: string, source: string): SysNi {
  const text = splitLines(source);
  const conds: CondSyscall[] = [];
  text.lines.forEach((line, i) => {
    const m = COND.exec(line);
    if (m) conds.push({ name: m[2]!, compat: m[1] !== undefined, line: i });
  });
  return { path, text, conds };
}
