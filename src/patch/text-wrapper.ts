/**
 * git's strbuf_add_wrapped_text() (utf8.c), which folds `Subject:` lines
 * (width 78) and wraps the cover letter's shortlog (width 72, indents 2
 * and 4).  A port of the C loop, step for step:
 *
 * - the text is cut only at whitespace: a word longer than the width
 *   overflows its line;
 * - `indent1` spaces start the first line and `indent2` the others; a
 *   negative `indent1` says -indent1 columns of the line are already used
 *   (`Subject: [PATCH] `), and then even the first word may move to the
 *   next line, leaving the header's trailing space behind;
 * - the space where a line is broken is dropped; a TAB rounds the column
 *   up to a multiple of 8; a single LF followed by a letter or digit is
 *   joined with a space, anything else after an LF starts a new line.
 *
 * Every character counts one column: callers pass printable ASCII only
 * (plus space, TAB and LF), where git's utf8_width() is 1 too.
 */
export function wrapText(text: string, indent1: number, indent2: number, width: number): string {
  let out = '';
  let pos = 0;
  let bol = 0;
  let indent = indent1;
  let w = indent1;
  let space: number | undefined;
  if (indent < 0) {
    w = -indent;
    space = 0;
  }
  for (;;) {
    const c = text[pos];
    if (c !== undefined && !isSpace(c)) {
      w++;
      pos++;
      continue;
    }
    let newLine = !(w <= width || space === undefined);
    if (!newLine) {
      let start = bol;
      if (c === undefined && pos === start) return out;
      if (space !== undefined) start = space;
      else out += ' '.repeat(indent);
      out += text.slice(start, pos);
      if (c === undefined) return out;
      space = pos;
      if (c === '\t') w |= 0x07;
      else if (c === '\n') {
        space++;
        if (text[space] === '\n') {
          out += '\n';
          newLine = true;
        } else if (!isAlnum(text[space])) newLine = true;
        else out += ' ';
      }
      if (!newLine) {
        w++;
        pos++;
        continue;
      }
    }
    out += '\n';
    pos = bol = space! + (isSpace(text[space!]) ? 1 : 0);
    space = undefined;
    w = indent = indent2;
  }
}

/** git's isspace(): space, TAB, LF, CR. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9]$/.test(c);
}
