/**
 * Unified-diff hunks as `git diff` prints them (xdl_emit_diff in
 * xdiff/xemit.c, then the hunk-header pass in diff.c).
 *
 *  - Context is 3 lines.  Changes at most 2*3 unchanged lines apart share
 *    one hunk (xdl_get_hunk: a gap of 7 or more starts a new one).
 *  - Header `@@ -s1,c1 +s2,c2 @@`: ",c" is left out when c is 1; when c
 *    is 0 the start is the line before (so an empty side is `-0,0`).
 *  - After the header comes the "function name", git's default rule
 *    (def_ff): the nearest line before the hunk's first line (context
 *    included) that starts with an ASCII letter, '_' or '$', cut to 80
 *    bytes, then stripped of trailing space/TAB/CR/LF (not \v or \f).
 *    Git searches only down to where the previous hunk's search began and
 *    otherwise keeps the previous name, which comes to the same line.
 *    The header line is capped at 127 bytes, and diff.c's
 *    sane_truncate_line cuts it before the first byte that is not valid
 *    UTF-8 to git (a character split by the 80-byte cut, U+FFFE, U+FFFF).
 *  - A record without "\n" is followed by `\ No newline at end of file`.
 */
import type { LineChange, LineDiff } from './line-diff.js';

const CONTEXT = 3;
const MAX_COMMON = 2 * CONTEXT;
const FUNC_BYTES = 80;
const HEADER_BYTES = 128;
const NO_NEWLINE = '\n\\ No newline at end of file\n';

export function emitHunks({ before, after, changes }: LineDiff): string {
  const out: string[] = [];
  const record = (prefix: string, line: string) => out.push(prefix, line, line.endsWith('\n') ? '' : NO_NEWLINE);
  for (let first = 0; first < changes.length; ) {
    let last = first;
    while (last + 1 < changes.length && changes[last + 1]!.i1 - end1(changes[last]!) <= MAX_COMMON) last++;
    const xch = changes[first]!;
    const xche = changes[last]!;
    const s1 = Math.max(xch.i1 - CONTEXT, 0);
    const s2 = Math.max(xch.i2 - CONTEXT, 0);
    const lctx = Math.min(CONTEXT, before.length - end1(xche), after.length - end2(xche));
    const e1 = end1(xche) + lctx;
    const e2 = end2(xche) + lctx;
    out.push(hunkHeader(s1 + 1, e1 - s1, s2 + 1, e2 - s2, funcName(before, s1)));

    for (let i = s2; i < xch.i2; i++) record(' ', after[i]!);
    for (let k = first; k <= last; k++) {
      const ch = changes[k]!;
      if (k > first) {
        const prev = changes[k - 1]!;
        for (let i = end2(prev); i < ch.i2; i++) record(' ', after[i]!);
      }
      for (let i = ch.i1; i < end1(ch); i++) record('-', before[i]!);
      for (let i = ch.i2; i < end2(ch); i++) record('+', after[i]!);
    }
    for (let i = end2(xche); i < e2; i++) record(' ', after[i]!);
    first = last + 1;
  }
  return out.join('');
}

const end1 = (c: LineChange) => c.i1 + c.chg1;
const end2 = (c: LineChange) => c.i2 + c.chg2;

/** The def_ff function name for a hunk whose context starts at record s1. */
function funcName(before: string[], s1: number): Uint8Array | undefined {
  for (let l = s1 - 1; l >= 0; l--) {
    const c = before[l]!.charCodeAt(0);
    const ident = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
    if (!ident) continue;
    const bytes = Buffer.from(before[l]!, 'utf8');
    let len = Math.min(bytes.length, FUNC_BYTES);
    while (len > 0 && isGitSpace(bytes[len - 1]!)) len--;
    return bytes.subarray(0, len);
  }
  return undefined;
}

const isGitSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** xdl_format_hunk_hdr, then sane_truncate_line; returns the line with its "\n". */
function hunkHeader(s1: number, c1: number, s2: number, c2: number, func: Uint8Array | undefined): string {
  const range = (s: number, c: number) => `${c ? s : s - 1}${c === 1 ? '' : `,${c}`}`;
  const head = `@@ -${range(s1, c1)} +${range(s2, c2)} @@`;
  if (!func || func.length === 0) return `${head}\n`;
  // head is ASCII: its length is its byte count.  One byte is kept for "\n".
  const room = HEADER_BYTES - (head.length + 1) - 1;
  const name = func.subarray(0, Math.min(func.length, room));
  return `${head} ${Buffer.from(name.subarray(0, validUtf8Prefix(name))).toString('utf8')}\n`;
}

/**
 * Length of the longest prefix that git's pick_one_utf8_char accepts
 * character by character: no stray continuation bytes, no overlong forms,
 * no surrogates, nothing past U+10FFFF, and not U+FFFE or U+FFFF.
 */
export function validUtf8Prefix(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    let size = 0;
    if (c < 0x80) size = 1;
    else if ((c & 0xe0) === 0xc0) size = c >= 0xc2 && cont(1) ? 2 : 0;
    else if ((c & 0xf0) === 0xe0) {
      const ok = cont(1) && cont(2) && !(c === 0xe0 && (b[i + 1]! & 0xe0) === 0x80) && !(c === 0xed && (b[i + 1]! & 0xe0) === 0xa0) && !(c === 0xef && b[i + 1] === 0xbf && (b[i + 2]! & 0xfe) === 0xbe);
      size = ok ? 3 : 0;
    } else if ((c & 0xf8) === 0xf0) {
      const ok = cont(1) && cont(2) && cont(3) && !(c === 0xf0 && (b[i + 1]! & 0xf0) === 0x80) && (c < 0xf4 || (c === 0xf4 && b[i + 1]! < 0x90));
      size = ok ? 4 : 0;
    }
    if (size === 0) return i;
    i += size;
  }
  return i;
}
