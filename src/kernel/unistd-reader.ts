/**
 * Reader for include/uapi/asm-generic/unistd.h and arm64's unistd32.h.
 *
 * Both list syscalls as pairs:
 *
 *     #define __NR_<name> <nr>
 *     __SYSCALL(__NR_<name>, <entry>)            or
 *     __SC_COMP(__NR_<name>, <entry>, <compat>)  (asm-generic only)
 *
 * asm-generic/unistd.h closes the list with
 *
 *     #undef __NR_syscalls
 *     #define __NR_syscalls <last + 1>
 *
 * while unistd32.h (arm64 compat, up to 6.10) ends with a comment asking for
 * new compat syscalls to be added above it; its count lives in
 * arch/arm64/include/asm/unistd.h as `#define __NR_compat_syscalls<TABs>N`.
 *
 * Every `__NR_` line anywhere in syswire (patch hunks, merge conflicts) is
 * read by parseUnistdLine, so the format is known in this file only.
 */
import { splitLines, type TextLines } from './text-lines.js';

export interface UnistdPair {
  name: string;
  nr: number;
  /** 0-based index of the `#define` line. */
  defineLine: number;
  /** 0-based index of the `__SYSCALL`/`__SC_COMP` line, or -1 when absent. */
  callLine: number;
  entry?: string;
  compat?: string;
}

export interface UnistdHeader {
  path: string;
  text: TextLines;
  pairs: UnistdPair[];
  /** 0-based line of `#define __NR_syscalls N`, or -1. */
  countLine: number;
  count?: number;
}

/** `#define __NR_<name> <nr>`, cut around the number: `head + nr + tail` is the line. */
export interface NrDefine {
  name: string;
  nr: number;
  /** `#define`, the blanks, `__NR_<name>` and the blanks up to the number. */
  head: string;
  /** Blanks after the number. */
  tail: string;
}

/** `__SYSCALL(__NR_<name>, <entry>)` or `__SC_COMP(__NR_<name>, <entry>, <compat>)`. */
export interface SyscallCall {
  name: string;
  entry: string;
  compat?: string;
}

/**
 * One line as the syscall list sees it.  `call` is any `__SYSCALL(` or
 * `__SC_COMP(` line; it names its syscall only in the one-line form with
 * `__NR_<name>` (not `__SYSCALL(7, sys_ni_syscall)` in unistd32.h, nor a
 * `__SC_COMP` continued on the next line).  `comment` is a one-line
 * C comment; `undef` is `#undef __NR_<name>`.
 */
export type UnistdLine =
  | { kind: 'define'; define: NrDefine }
  | { kind: 'call'; call?: SyscallCall }
  | { kind: 'undef'; name: string }
  | { kind: 'comment' | 'blank' | 'other' };

const DEFINE = /^(#define\s+__NR_(\w+)\s+)(\d+)(\s*)$/;
const CALL = /^__(?:SYSCALL|SC_COMP)\((?:__NR_(\w+),\s*(\w+)(?:,\s*(\w+))?\))?/;
const UNDEF = /^#undef\s+__NR_(\w+)/;
const COMMENT = /^\/\*.*\*\/\s*$/;

/** The counts that close a list: `__NR_syscalls` and arm64's `__NR_compat_syscalls`. */
export const COUNT_NAMES: readonly string[] = ['syscalls', 'compat_syscalls'];

export function parseNrDefine(line: string): NrDefine | undefined {
  const m = DEFINE.exec(line);
  return m ? { name: m[2]!, nr: Number(m[3]), head: m[1]!, tail: m[4]! } : undefined;
}

/** The define with number `nr` (its own by default), blanks kept. */
export function printNrDefine(define: NrDefine, nr = define.nr): string {
  return `${define.head}${nr}${define.tail}`;
}

/** `#define __NR_syscalls N` or `#define __NR_compat_syscalls N`. */
export function isCountDefine(define: NrDefine): boolean {
  return COUNT_NAMES.includes(define.name);
}

export function parseUnistdLine(line: string): UnistdLine {
  const define = parseNrDefine(line);
  if (define) return { kind: 'define', define };
  const call = CALL.exec(line);
  if (call) return call[1] === undefined ? { kind: 'call' } : { kind: 'call', call: { name: call[1], entry: call[2]!, ...(call[3] ? { compat: call[3] } : {}) } };
  const undef = UNDEF.exec(line);
  if (undef) return { kind: 'undef', name: undef[1]! };
  if (line.trim() === '') return { kind: 'blank' };
  return { kind: COMMENT.test(line) ? 'comment' : 'other' };
}

export function parseUnistdHeader(path: string, source: string): UnistdHeader {
  const text = splitLines(source);
  const pairs: UnistdPair[] = [];
  const byName = new Map<string, UnistdPair>();
  let countLine = -1;
  let count: number | undefined;
  text.lines.forEach((raw, i) => {
    const line = parseUnistdLine(raw);
    if (line.kind === 'define') {
      const { name, nr } = line.define;
      if (name === 'syscalls') {
        countLine = i;
        count = nr;
        return;
      }
      const pair: UnistdPair = { name, nr, defineLine: i, callLine: -1 };
      pairs.push(pair);
      byName.set(name, pair);
      return;
    }
    const call = line.kind === 'call' ? line.call : undefined;
    const pair = call ? byName.get(call.name) : undefined;
    if (call && pair) {
      pair.callLine = i;
      pair.entry = call.entry;
      if (call.compat) pair.compat = call.compat;
    }
  });
  const header: UnistdHeader = { path, text, pairs, countLine };
  if (count !== undefined) header.count = count;
  return header;
}

/** The generic numbering: every `__NR_<name>` that has a syscall line, and which have compat entries. */
export function genericReference(header: UnistdHeader): { numbers: Map<string, number>; compat: Set<string> } {
  const wired = header.pairs.filter((p) => p.callLine >= 0);
  return {
    numbers: new Map(wired.map((p) => [p.name, p.nr])),
    compat: new Set(wired.filter((p) => p.compat !== undefined).map((p) => p.name)),
  };
}

/** Finds `#define __NR_compat_syscalls N` in arch/arm64/include/asm/unistd.h. */
export function findCompatCount(source: string): { line: number; count: number } | undefined {
  const lines = splitLines(source).lines;
  for (let i = 0; i < lines.length; i++) {
    const define = parseNrDefine(lines[i]!);
    if (define?.name === 'compat_syscalls') return { line: i, count: define.nr };
  }
  return undefined;
}

/** Rewrites the number in a `#define __NR_compat_syscalls N` line, keeping its whitespace. */
export function setCompatCount(line: string, count: number): string {
  const define = parseNrDefine(line);
  return define?.name === 'compat_syscalls' ? printNrDefine(define, count) : line;
}
