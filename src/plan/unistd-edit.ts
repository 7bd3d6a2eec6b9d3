/**
 * asm-generic/unistd.h: the `#define __NR_x N` / `__SYSCALL(...)` pairs
 * (`__SC_COMP` with a compat entry) after the last pair, as a new paragraph
 * by default (blank line, optional comment), and `__NR_syscalls` raised to
 * the last number + 1.
 *
 * arm64 up to 6.10 (unistd32.h): the pairs are appended directly after the
 * last pair, naming the compat function where there is one, and
 * `__NR_compat_syscalls` in asm/unistd.h is raised the same way.
 */
import type { Arm64Compat, KernelTree } from '../kernel/kernel-tree.js';
import { ARM64_UNISTD } from '../kernel/kernel-tree.js';
import { joinLines } from '../kernel/text-lines.js';
import { type UnistdHeader, parseNrDefine, printNrDefine, setCompatCount } from '../kernel/unistd-reader.js';
import type { SeriesDef } from '../model/defs-schema.js';
import { renderLines } from '../render/engine.js';
import { insertLines, type FileEdit } from './file-edit.js';
import type { PlannedCall } from './numbering.js';

function pairLines(calls: readonly PlannedCall[], compatInEntry: boolean): string[] {
  return renderLines('unistd-pair.h.hbs', {
    calls: calls.map((c) => ({
      name: c.def.name,
      nr: c.nr,
      entry: compatInEntry && c.compat ? c.compat : c.entry,
      compat: compatInEntry ? false : (c.compat ?? false),
    })),
  });
}

function lastPairLine(header: UnistdHeader): number {
  const before = header.countLine >= 0 ? header.pairs.filter((p) => p.callLine < header.countLine) : header.pairs;
  const last = before[before.length - 1];
  if (!last) throw new Error(`${header.path}: no __NR_ pairs found`);
  return Math.max(last.defineLine, last.callLine);
}

export function planUnistdEdit(tree: KernelTree, calls: readonly PlannedCall[], series: SeriesDef): FileEdit | undefined {
  const header = tree.unistd;
  const wanted = calls.filter((c) => !c.wired);
  if (wanted.length === 0) return undefined;
  const lines = pairLines(wanted, false);
  const opening = series.unistd.paragraph ? ['', ...(series.unistd.comment ? [`/* ${series.unistd.comment} */`] : [])] : [];
  const source = joinLines(header.text);
  const replace = new Map<number, string>();
  if (header.countLine >= 0) {
    const count = Math.max(header.count ?? 0, ...wanted.map((c) => c.nr + 1));
    const line = header.text.lines[header.countLine]!;
    replace.set(header.countLine, printNrDefine(parseNrDefine(line)!, count));
  }
  return { path: header.path, before: source, after: insertLines(source, [{ after: lastPairLine(header), lines: [...opening, ...lines] }], replace) };
}

export function planArm64CompatEdits(tree: KernelTree, compat: Arm64Compat, calls: readonly PlannedCall[]): FileEdit[] {
  const present = new Set(compat.unistd32.pairs.map((p) => p.name));
  const wanted = calls.filter((c) => !present.has(c.def.name));
  if (wanted.length === 0) return [];
  const source = joinLines(compat.unistd32.text);
  const unistd32: FileEdit = {
    path: compat.unistd32.path,
    before: source,
    after: insertLines(source, [{ after: lastPairLine(compat.unistd32), lines: pairLines(wanted, true) }]),
  };
  const countSource = tree.sources.get(ARM64_UNISTD)!;
  const count = Math.max(compat.count.count, ...wanted.map((c) => c.nr + 1));
  const line = countSource.split('\n')[compat.count.line]!;
  const asmUnistd: FileEdit = {
    path: ARM64_UNISTD,
    before: countSource,
    after: insertLines(countSource, [], new Map([[compat.count.line, setCompatCount(line, count)]])),
  };
  return [unistd32, asmUnistd];
}
