/**
 * Read a patch mail the way `git am` does, with `git mailinfo`: author,
 * date, subject (without its `[PATCH ...]` prefix), the commit message and
 * the patch.  Also what `git am` throws away but a re-post keeps: the
 * subject prefix and version (`[RFC PATCH v3 1/2]`), the text between `---`
 * and the diffstat (the changelog) and the blob id abbreviation.  Header
 * fields and text are decoded with the mail's declared charset; the
 * patch keeps its bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes } from '../io/byte-text.js';
import { declaredCharset, recodeText } from './mail-charset.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { git } from '../git/git-runner.js';
import type { Identity } from '../git/scratch-repo.js';

export interface Mail {
  subject: string;
  author: Identity;
  /** Commit message body (after the subject), as `git am` keeps it. */
  message: string;
  /** The diff part. */
  patch: string;
  /** `PATCH`, `RFC PATCH`, ... and the `vN` number (1 when absent). */
  prefix: string;
  version: number;
  /** Text between the `---` line and the diffstat (or diff). */
  changelog: string;
  /** Hex digits of the first `index` line's blob ids, if any. */
  abbrev: number | undefined;
}

export function readMail(file: string, raw: string): Mail {
  // As `git am` (mailsplit without --keep-cr): a mail saved with CRLF line endings is read with LF.
  const text = raw.replace(/\r\n/g, '\n');
  const dir = mkdtempSync(join(tmpdir(), 'syswire-mail-'));
  try {
    const out = mailinfo(file, text, dir);
    const charset = declaredCharset(text);
    const field = (name: string) => recodeText(new RegExp(`^${name}: (.*)$`, 'm').exec(out)?.[1] ?? '', charset);
    const [name, email, date, subject] = [field('Author'), field('Email'), field('Date'), field('Subject')];
    if (!email || !subject) throw notAMail(file, 'no From:/Subject:');
    const tags = (/^Subject: \[([^\]]*)\]/m.exec(text)?.[1] ?? 'PATCH').split(/\s+/);
    const version = tags.map((t) => /^v(\d+)$/.exec(t)?.[1]).find(Boolean);
    const abbrev = /^index ([0-9a-f]+)\.\.[0-9a-f]+/m.exec(text)?.[1]?.length;
    const patch = decodeBytes(readFileSync(join(dir, 'patch')));
    return {
      subject,
      author: { name, email, date: date || '@0 +0000' },
      message: recodeText(decodeBytes(readFileSync(join(dir, 'msg'))), charset),
      patch,
      prefix: tags.filter((t) => !/^v\d+$/.test(t) && !/^\d+\/\d+$/.test(t)).join(' ') || 'PATCH',
      version: version ? Number(version) : 1,
      // mailinfo puts everything from the first `---` in `patch`, transfer-decoded but not recoded.
      changelog: recodeText(changelogOf(`\n${patch}`), charset),
      abbrev,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `git mailinfo -u` in `dir`: the header fields on stdout, `msg` and `patch` beside; a mail it refuses is a diagnostic. */
function mailinfo(file: string, text: string, dir: string): string {
  if (text.trim() === '') throw notAMail(file, 'the file is empty');
  try {
    return git(['mailinfo', '-u', 'msg', 'patch'], { cwd: dir, input: text });
  } catch (err) {
    const why = String((err as { stderr?: string }).stderr ?? err).trim().split('\n')[0]!.replace(/^error: /, '');
    throw notAMail(file, `git mailinfo: ${why}`);
  }
}

function notAMail(file: string, why: string): DiagnosticError {
  return new DiagnosticError([{ file, line: 0, col: 0, severity: 'error', message: `not a patch mail (${why})` }]);
}

/** The lines after the first `---` up to the diffstat, the diff or the end. */
function changelogOf(text: string): string {
  const at = text.indexOf('\n---\n');
  if (at < 0) return '';
  const rest = text.slice(at + 5).split('\n');
  const end = rest.findIndex((l) => /^ \S.*\|\s+(\d+|Bin)/.test(l) || l.startsWith('diff --git '));
  return end <= 0 ? '' : `${rest.slice(0, end).join('\n')}\n`;
}
