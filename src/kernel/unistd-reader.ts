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

const DEFINE = /^#define\s+__NR_(\w+)\s+(\d+)\s*$/;
const CALL = /^__(SYSCALL|SC_COMP)\(__NR_(\w+),\s*(\w+)(?:,\s*(\w+))?\)/;

export function parseUnistdHeader(path: string, source: string): UnistdHeader {
  const text = splitLines(source);
  const pairs: UnistdPair[] = [];
  const byName = new Map<string, UnistdPair>();
  let countLine = -1;
  let count: number | undefined;
  text.lines.forEach((line, i) => {
    const def = DEFINE.exec(line);
    if (def) {
      if (def[1] === 'syscalls') {
        countLine = i;
        count = Number(def[2]);
        return;
      }
      const pair: UnistdPair = { name: def[1]!, nr: Number(def[2]), defineLine: i, callLine: -1 };
      pairs.push(pair);
      byName.set(pair.name, pair);
      return;
    }
    const call = CALL.exec(line);
    const pair = call ? byName.get(call[2]!) : undefined;
    if (call && pair) {
      pair.callLine = i;
      pair.entry = call[3]!;
      if (call[4]) pair.compat = call[4];
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

const COMPAT_COUNT = /^(#define\s+__NR_compat_syscalls\s+)(\d+)(.*)$/;

/** Finds `#define __NR_compat_syscalls N` in arch/arm64/include/asm/unistd.h. */
export function findCompatCount(source: string): { line: number; count: number } | undefined {
  const lines = splitLines(source).lines;
  for (let i = 0; i < lines.length; i++) {
    const m = COMPAT_COUNT.exec(lines[i]!);
    if (m) return { line: i, count: Number(m[2]) };
  }
  return undefined;
}

/** Rewrites the number in a `#define __NR_compat_syscalls N` line, keeping its whitespace. */
export function setCompatCount(line: string, count: number): string {
  return line.replace(COMPAT_COUNT, (_, head: string, _n: string, tail: string) => `${head}${count}${tail}`);
}
