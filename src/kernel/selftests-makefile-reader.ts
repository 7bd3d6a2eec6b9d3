/**
 * Reader for tools/testing/selftests/Makefile's TARGETS list.
 *
 * Each target is a line `TARGETS += <dir>`, kept in alphabetical order by
 * hand ("#Please keep the TARGETS list alphabetically sorted"); a few are
 * wrapped in `ifneq (...)` / `endif` (timers) and a few sit out of order
 * (mm after vDSO in 6.12 and 7.3).  Lines are kept as they are.
 */
import { splitLines, type TextLines } from './text-lines.js';

export interface SelftestTarget {
  name: string;
  /** 0-based line of `TARGETS += <name>`. */
  line: number;
  /** The `ifneq`/`ifeq` line opening a conditional around it, if the line just above is one. */
  guard?: number;
}

export interface SelftestsMakefile {
  text: TextLines;
  targets: SelftestTarget[];
}

const TARGET = /^TARGETS \+= (\S+)\s*$/;

export function parseSelftestsMakefile(source: string): SelftestsMakefile {
  const text = splitLines(source);
  const targets: SelftestTarget[] = [];
  text.lines.forEach((line, i) => {
    const m = TARGET.exec(line);
    if (!m) return;
    const above = text.lines[i - 1] ?? '';
    targets.push({ name: m[1]!, line: i, ...(/^if(n)?(eq|def)\b/.test(above) ? { guard: i - 1 } : {}) });
  });
  return { text, targets };
}
