/**
 * A definition file is UTF-8 text of a sane size.  Its strings go into C
 * files, mails and TypeScript, so a byte that is not UTF-8 (a Latin-1
 * `é`, a binary file) is an error at its line and column rather than a
 * silent U+FFFD in every output.
 */
import { utf8SequenceLength } from '../io/byte-text.js';
import { DiagnosticError, type Diagnostic } from './diagnostics.js';

/** A definition of a few syscalls is a few kilobytes; a megabyte is not one. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;
/** Lines with bad bytes reported one by one; the rest are counted. */
const MAX_REPORTED_LINES = 10;

/** `is N bytes; a definition may be at most 1 MiB ...`, or undefined; `partly` when only the first bytes were read. */
export function sizeProblem(size: number, partly = false): string | undefined {
  if (size <= MAX_DEFINITION_BYTES) return undefined;
  return `is ${partly ? `more than ${MAX_DEFINITION_BYTES}` : size} bytes; a definition may be at most 1 MiB (${MAX_DEFINITION_BYTES} bytes)`;
}

/** Decode a definition's bytes, or throw with the place of each line's first invalid UTF-8 byte. */
export function decodeDefinition(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DiagnosticError(invalidUtf8(file, bytes));
  }
}

function invalidUtf8(file: string, bytes: Uint8Array): Diagnostic[] {
  const lenient = new TextDecoder('utf-8');
  const found: Diagnostic[] = [];
  let more = 0;
  let line = 1;
  let lineStart = 0;
  let badOnLine = false;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      if (bytes[i] === 0x0a) (line++, (lineStart = i + 1), (badOnLine = false));
      i += n;
      continue;
    }
    if (!badOnLine && found.length < MAX_REPORTED_LINES) {
      const col = lenient.decode(bytes.subarray(lineStart, i)).length + 1;
      const hex = `0x${bytes[i]!.toString(16).padStart(2, '0')}`;
      found.push({ file, line, col, severity: 'error', message: `invalid UTF-8 byte ${hex}: a definition must be UTF-8 text (convert it, e.g. with iconv -f latin1 -t utf-8)` });
    } else if (!badOnLine) more++;
    badOnLine = true;
    i++;
  }
  if (more > 0) found.push({ ...found[found.length - 1]!, message: `... and ${more} more lines with invalid UTF-8` });
  return found;
}
