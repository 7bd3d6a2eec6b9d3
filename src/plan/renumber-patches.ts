/**
 * Renumber a series syswire did not write (a hand-made posting): find the
 * numbers in its hunks and rebuild every file against the new base.
 *
 * - Syscall tables (files the new base models as tables): every added row
 *   gets its new number (old + the syscall's move) and is re-rendered with
 *   the new base's learnt columns (kernel-conventions §5.2), then placed as
 *   a new row of that number would be (§5.1).
 * - Headers with `#define __NR_<name> N` lines (asm-generic/unistd.h,
 *   arm64's unistd32.h, ...): the added block is renumbered and put after
 *   the new base's last pair, past the same context lines the old hunk had
 *   there; a `__NR_syscalls` / `__NR_compat_syscalls` bump from A to B
 *   becomes C -> C + (B - A) on the new base's value C.
 * - Every other file: the hunks are applied to the new base by `git apply`.
 *
 * Old numbers come from the `#define __NR_<name>` lines of
 * asm-generic/unistd.h, else from table rows (minus the table's offset).
 * Whatever cannot be placed is reported; callers write nothing then.
 */
import { UNISTD, type KernelTree } from '../kernel/kernel-tree.js';
import { parseSyscallTable, type TableRow } from '../kernel/syscall-table-reader.js';
import { learnTableFormat } from '../kernel/table-format.js';
import { isCountDefine, parseNrDefine } from '../kernel/unistd-reader.js';
import { applyFileDiff } from '../patch/apply-file-diff.js';
import type { FileDiff, ParsedPatch } from '../patch/patch-parser.js';
import { renderTableRow } from '../render/table-row.js';
import { insertLines, type FileEdit, type Insertion } from './file-edit.js';
import { assignNewNumbers, describeMoves, tableLineOf, type NumberMove } from './renumber-core.js';
import { rebuildDefines, type Report } from './renumber-defines.js';
import { rowInsertionPoint } from './table-edit.js';

export interface OldPatch {
  /** The patch file, for messages. */
  file: string;
  diff: ParsedPatch;
}

export interface RenumberedSeries {
  moves: NumberMove[];
  /** The rebuilt edits of each patch, in order. */
  edits: FileEdit[][];
  /** `<patch>: error: <path>: ...` for everything that could not be placed. */
  problems: string[];
}

export function renumberPatches(tree: KernelTree, patches: readonly OldPatch[], readTreeFile: (path: string) => string | undefined): RenumberedSeries {
  const problems: string[] = [];
  const olds = oldNumbers(tree, patches);
  for (const name of olds.keys()) {
    const there = tree.generic.numbers.get(name) ?? tree.tables.flatMap((t) => t.table.rows).find((r) => r.name === name)?.nr;
    if (there !== undefined) problems.push(`${patches[0]?.file ?? 'patches'}: error: ${name} is already in the new base (as ${there}); drop it from the series`);
  }
  const news = assignNewNumbers(tree, olds);
  const delta = new Map([...olds].map(([name, nr]) => [name, news.get(name)! - nr]));
  const current = new Map<string, string | undefined>();
  const edits = patches.map((patch) => {
    const out: FileEdit[] = [];
    for (const file of patch.diff.files) {
      const path = file.newPath ?? file.oldPath!;
      const before = current.has(path) ? current.get(path) : readTreeFile(path);
      const report: Report = (message) => problems.push(`${patch.file}: error: ${path}: ${message}`);
      const after = rebuildFile(tree, path, before, file, delta, report);
      if (after === undefined) continue;
      current.set(path, after);
      out.push({ path, before, after });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  });
  const added = (path: string) => patches.flatMap((p) => p.diff.files.filter((f) => f.newPath === path).flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind === '+'))));
  const moves = describeMoves(tree, olds, news, (name, table) => added(table.path).some((l) => rowOf(l.text)?.name === name));
  return { moves, edits, problems };
}

/** Each syscall's old generic number, from unistd.h defines, else from table rows. */
export function oldNumbers(tree: KernelTree, patches: readonly OldPatch[]): Map<string, number> {
  const olds = new Map<string, number>();
  const fromTables = new Map<string, number>();
  for (const file of patches.flatMap((p) => p.diff.files)) {
    const path = file.newPath ?? file.oldPath;
    const table = tree.tables.find((t) => t.path === path);
    for (const line of file.hunks.flatMap((h) => h.lines).filter((l) => l.kind === '+')) {
      const define = path === UNISTD ? parseNrDefine(line.text) : undefined;
      if (define && !isCountDefine(define)) olds.set(define.name, define.nr);
      const row = table && rowOf(line.text);
      if (row && !fromTables.has(row.name)) fromTables.set(row.name, row.nr - table.format.offset);
    }
  }
  for (const [name, nr] of fromTables) if (!olds.has(name)) olds.set(name, nr);
  return olds;
}

function rebuildFile(tree: KernelTree, path: string, before: string | undefined, file: FileDiff, delta: ReadonlyMap<string, number>, report: Report): string | undefined {
  const isTable = tree.tables.some((t) => t.path === path);
  const numbered = file.hunks.some((h) => h.lines.some((l) => l.kind !== ' ' && parseNrDefine(l.text) !== undefined));
  if (isTable || numbered) {
    if (before === undefined) return void report('not in the new base');
    return isTable ? rebuildTable(tree, path, before, file, delta, report) : rebuildDefines(before, file, delta, report);
  }
  const applied = applyFileDiff(before, file);
  if ('error' in applied) return void report(`could not place the hunks on the new base: ${applied.error}`);
  return applied.text;
}

function rebuildTable(tree: KernelTree, path: string, before: string, file: FileDiff, delta: ReadonlyMap<string, number>, report: Report): string | undefined {
  const table = parseSyscallTable(path, before);
  const model = { table, format: learnTableFormat(table, tree.generic) };
  const insertions: Insertion[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === ' ') continue;
      if (line.kind === '-') return void report(`${hunk.header}: removes '${line.text}'; only added rows can be moved`);
      const row = rowOf(line.text);
      const move = row && delta.get(row.name);
      if (!row || move === undefined) return void report(`${hunk.header}: '${line.text}' is not a row of a syscall with a number`);
      const nr = row.nr + move;
      insertions.push({ after: rowInsertionPoint(model, nr), lines: [renderTableRow([String(nr), ...row.fields.slice(1)], model.format.stops)] });
    }
  }
  return insertLines(before, insertions);
}

/** The table row `text` is, if it is one. */
function rowOf(text: string): TableRow | undefined {
  const line = tableLineOf(text);
  return line?.kind === 'row' ? line : undefined;
}
