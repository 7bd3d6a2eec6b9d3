/**
 * Reader for Kconfig files (init/Kconfig and the like), as much of the
 * language as placing a new option needs.
 *
 * An entry starts with `config NAME` or `menuconfig NAME` at the start of a
 * line.  Its attributes follow, indented with one TAB (`bool "prompt" if
 * EXPR`, `default y`, `depends on EXPR`, `select SYM`, `help`); the help
 * text is indented with a TAB and two spaces and may hold blank lines.  The
 * entry ends at the last non-blank line before the next line that starts in
 * column 0 (another entry, `menu`, `endmenu`, `if`, `source`, a comment).
 * Lines are kept as they are, so an unchanged file prints back byte for byte.
 */
import { splitLines, type TextLines } from './text-lines.js';

export interface KconfigEntry {
  name: string;
  /** 0-based lines of the `config` line and of the entry's last non-blank line. */
  line: number;
  end: number;
  /** `bool "text" if COND` / `prompt "text"`: the text and the condition, if any. */
  prompt?: { text: string; condition?: string };
}

export interface KconfigFile {
  path: string;
  text: TextLines;
  entries: KconfigEntry[];
}

const ENTRY = /^(?:menu)?config\s+(\w+)\s*$/;
const PROMPT = /^\t(?:bool|tristate|int|hex|string|prompt)\s+"([^"]*)"(?:\s+if\s+(.+?))?\s*$/;

export function parseKconfig(path: string, source: string): KconfigFile {
  const text = splitLines(source);
  const entries: KconfigEntry[] = [];
  let current: KconfigEntry | undefined;
  for (let i = 0; i < text.lines.length; i++) {
    const line = text.lines[i]!;
    if (line.trim() === '') continue;
    if (/^\s/.test(line)) {
      if (!current) continue;
      current.end = i;
      const prompt = PROMPT.exec(line);
      if (prompt && !current.prompt) current.prompt = prompt[2] ? { text: prompt[1]!, condition: prompt[2] } : { text: prompt[1]! };
      continue;
    }
    const m = ENTRY.exec(line);
    current = m ? { name: m[1]!, line: i, end: i } : undefined;
    if (current) entries.push(current);
  }
  return { path, text, entries };
}
