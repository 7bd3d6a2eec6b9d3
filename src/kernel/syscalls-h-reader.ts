/**
 * Reader for include/linux/syscalls.h (and include/linux/compat.h, whose
 * `asmlinkage long compat_sys_<name>(...)` prototypes have the same form).
 *
 * Two things matter to a wire-up: the forward declarations near the top
 * (`struct foo;`, one per line, appended in order of arrival) and the
 * prototypes `asmlinkage long sys_<name>(<args>);`, which may continue over
 * several lines until the closing `);`.  Generic prototypes end before the
 * comment block that opens the "Architecture-specific system calls" part.
 */
import { splitLines, type TextLines } from './text-lines.js';

export interface Prototype {
  /** Entry point name, e.g. `sys_mseal`. */
  entry: string;
  /** 0-based first and last line. */
  first: number;
  last: number;
}

export interface SyscallsHeader {
  path: string;
  text: TextLines;
  prototypes: Prototype[];
  /** Forward `struct x;` declarations: struct name -> 0-based line. */
  forwardStructs: Map<string, number>;
  /** 0-based line of the last forward declaration of the top list, or -1. */
  lastForwardStruct: number;
  /** Last prototype before the architecture-specific part (the default anchor for new ones). */
  lastGenericPrototype?: Prototype;
}

const PROTO = /^asmlinkage\s+\w+\s+(\w+)\(/;
const FORWARD = /^struct\s+(\w+);\s*$/;
const ARCH_PART = /Architecture-specific system calls/;

export function parseSyscallsHeader(path: string, source: string): SyscallsHeader {
  const text = splitLines(source);
  const prototypes: Prototype[] = [];
  const forwardStructs = new Map<string, number>();
  let lastForwardStruct = -1;
  let archPart = -1;
  const { lines } = text;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fwd = FORWARD.exec(line);
    if (fwd) {
      forwardStructs.set(fwd[1]!, i);
      if (prototypes.length === 0) lastForwardStruct = i;
      continue;
    }
    if (archPart < 0 && ARCH_PART.test(line)) archPart = i;
    const proto = PROTO.exec(line);
    if (!proto) continue;
    let last = i;
    while (!lines[last]!.includes(';') && last + 1 < lines.length) last++;
    prototypes.push({ entry: proto[1]!, first: i, last });
    i = last;
  }
  const header: SyscallsHeader = { path, text, prototypes, forwardStructs, lastForwardStruct };
  const generic = archPart < 0 ? prototypes : prototypes.filter((p) => p.last < archPart);
  const lastGeneric = generic[generic.length - 1];
  if (lastGeneric) header.lastGenericPrototype = lastGeneric;
  return header;
}

/** Struct names a C declaration list mentions (`struct clone_args __user *uargs` -> clone_args), once each. */
export function structsUsed(args: readonly string[]): string[] {
  return [...new Set(args.flatMap((a) => [...a.matchAll(/\bstruct\s+(\w+)/g)].map((m) => m[1]!)))];
}

/**
 * The parameters of a prototype: the text between its first `(` and its
 * last `)`, joined over its lines and split at the commas (syscall
 * parameters hold no nested commas: no function pointers).  `void` is no
 * parameter.
 */
export function prototypeParams(lines: readonly string[], proto: Prototype): string[] {
  const text = lines.slice(proto.first, proto.last + 1).join(' ');
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  const params = text.slice(open + 1, close).split(',').map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return params.length === 1 && params[0] === 'void' ? [] : params;
}
