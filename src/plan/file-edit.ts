/**
 * A planned change to one file: its text before (undefined for a new file)
 * and after.  Planning is pure; only src/io/ writes.
 */
import { joinLines, splitLines } from '../kernel/text-lines.js';

export interface FileEdit {
  path: string;
  before: string | undefined;
  after: string;
  /** `100755` for a file the tree has executable (scripts/checksyscalls.sh): patches name the mode git would. */
  mode?: '100755';
}

export interface Insertion {
  /** Insert after this 0-based line (-1: at the top). */
  after: number;
  lines: string[];
}

/** Apply insertions to a text; each is positioned against the original lines. */
export function insertLines(source: string, insertions: readonly Insertion[], replace: ReadonlyMap<number, string> = new Map()): string {
  const text = splitLines(source);
  const byLine = new Map<number, string[]>();
  for (const ins of insertions) {
    const list = byLine.get(ins.after);
    if (list) list.push(...ins.lines);
    else byLine.set(ins.after, [...ins.lines]);
  }
  // Indexed loops: this runs once per table and header, on cold code.
  const out: string[] = [...(byLine.get(-1) ?? [])];
  for (let i = 0; i < text.lines.length; i++) {
    const replaced = replace.get(i);
    out.push(replaced === undefined ? text.lines[i]! : replaced);
    const added = byLine.get(i);
    if (added) for (let j = 0; j < added.length; j++) out.push(added[j]!);
  }
  // Keep the file's own last-line ending; only an empty file gains one.
  return joinLines({ lines: out, finalNewline: text.lines.length === 0 ? out.length > 0 : text.finalNewline });
}
