/**
 * Diagnostics printed the way gcc does, so editors and terminals can jump
 * to them:  `defs/sframe.yaml:14:9: error: message`.
 */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  col: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  return `${where}: ${d.severity}: ${d.message}`;
}

/** 1-based line and column of `offset` in `text` (columns count UTF-16 units, as yaml's LineCounter does). */
export function textPosition(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: offset - lineStart + 1 };
}

/** Thrown when a stage finds problems; carries every one of them, not just the first. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}
