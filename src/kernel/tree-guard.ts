/**
 * Refuse kernel files syswire must not edit: an unresolved merge (conflict
 * markers), CRLF line endings or a NUL byte (git would diff it as binary).  Both would make any generated hunk wrong,
 * so the whole run stops before anything is written.
 */
export class TreeError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${path}${line > 0 ? `:${line}` : ''}: error: ${reason}`);
  }
}

const CONFLICT = /^(<{7}|={7}|>{7}|\|{7})( |$)/m;

export function assertEditable(path: string, source: string): void {
  const nul = source.indexOf('\0');
  if (nul >= 0) throw new TreeError(path, lineOf(source, nul), 'a NUL byte; kernel source files are text (is the file corrupt?)');
  const cr = source.indexOf('\r');
  if (cr >= 0) throw new TreeError(path, lineOf(source, cr), 'CRLF line endings; kernel files use LF only (convert the file first)');
  const hit = CONFLICT.exec(source);
  if (hit) throw new TreeError(path, lineOf(source, hit.index), 'unresolved merge conflict marker; resolve the conflict first');
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
