/**
 * Rendering a man page to plain text for the cover letter, with mandoc
 * (Debian package mandoc): `mandoc -Tascii -O width=72`, then the
 * overstrike sequences it uses for bold and underline (`c\bc`, `_\bc`)
 * taken out, as `col -b` does, so the text reads the same in any mailer.
 */
import { execFileSync } from 'node:child_process';
import { DiagnosticError } from '../model/diagnostics.js';

export function renderManText(page: string, name: string): string {
  let out: string;
  try {
    out = execFileSync('mandoc', ['-Tascii', '-O', 'width=72', '-man'], { input: page, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } });
  } catch (err) {
    const e = err as { code?: string; stderr?: string };
    const message = e.code === 'ENOENT' ? 'mandoc not found on PATH; install the Debian package mandoc' : `mandoc cannot render it: ${(e.stderr ?? '').trim().split('\n')[0]}`;
    throw new DiagnosticError([{ file: name, line: 0, col: 0, severity: 'error', message }]);
  }
  return out.replace(/.\x08/g, '');
}
