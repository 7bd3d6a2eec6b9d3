/**
 * The parameters of a prototype the syscalls.h reader found: the text
 * between its first `(` and its last `)`, joined over its lines and split
 * at the commas (syscall parameters hold no nested commas: no function
 * pointers).  `void` is no parameter.
 */
import type { Prototype } from '../kernel/syscalls-h-reader.js';

export function prototypeParams(lines: readonly string[], proto: Prototype): string[] {
  const text = lines.slice(proto.first, proto.last + 1).join(' ');
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  const params = text.slice(open + 1, close).split(',').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return params.length === 1 && params[0] === 'void' ? [] : params;
}
