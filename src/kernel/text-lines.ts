/**
 * Lossless line splitting shared by every reader.
 *
 * A kernel text file is kept as its lines without terminators plus a flag
 * for the final newline, so `joinLines(splitLines(t))` returns `t` byte for
 * byte.  Readers refuse CRLF files up front (see tree-guard.ts), so `\n` is
 * the only terminator handled here.
 */
export interface TextLines {
  lines: string[];
  /** Whether the text ended with "\n" (kernel files always do). */
  finalNewline: boolean;
}

export function splitLines(text: string): TextLines {
  if (text === '') return { lines: [], finalNewline: false };
  const finalNewline = text.endsWith('\n');
  const body = finalNewline ? text.slice(0, -1) : text;
  return { lines: body.split('\n'), finalNewline };
}

export function joinLines({ lines, finalNewline }: TextLines): string {
  if (lines.length === 0) return '';
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

/** Visual column after printing `text` from column `start`, with 8-column tab stops. */
export function visualEnd(text: string, start = 0): number {
  let col = start;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // One column per code point: the low half of a surrogate pair adds none.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
    col = c === 9 ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  }
  return col;
}

/**
 * The separator that moves from column `from` to the stop `to` the way
 * syscall tables do it: TABs until the stop, and exactly one TAB when the
 * text already reaches or passes it (kernel-conventions §5.2, rule 3).
 */
export function tabsTo(from: number, to: number): string {
  return '\t'.repeat(Math.max(1, Math.ceil(to / 8) - Math.floor(from / 8)));
}
