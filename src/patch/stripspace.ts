/**
 * `git stripspace` (strbuf_stripspace without comment stripping), the
 * clean-up `git commit` applies to a message:
 *
 * - trailing whitespace (space, TAB, CR; git's isspace) goes from every line;
 * - runs of empty lines become one, and empty lines at the start and the
 *   end go;
 * - every line ends with LF, the last one included (an empty message
 *   stays empty).
 */
export function stripspace(text: string): string {
  const lines = text.split('\n');
  // A text ending in LF has no last line after it.
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  let empties = 0;
  for (const line of lines) {
    const kept = line.replace(/[ \t\r\n]+$/, '');
    if (kept === '') {
      empties++;
      continue;
    }
    if (empties > 0 && out !== '') out += '\n';
    empties = 0;
    out += `${kept}\n`;
  }
  return out;
}
