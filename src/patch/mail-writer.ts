/**
 * One mail of the series as `git format-patch --no-signature` writes it
 * (log-tree.c, pretty.c), for the headers syswire's in-process writer
 * accepts (see in-process-gate.ts: plain ASCII names, subjects that need
 * no RFC 2047 encoding):
 *
 *   From <commit id> Mon Sep 17 00:00:00 2001
 *   From: Name <email>
 *   Date: Thu, 4 Jun 2026 10:00:00 -0400
 *   Subject: [PATCH v3 1/2] <title, folded at 78 columns>
 *   MIME-Version: 1.0                          \
 *   Content-Type: text/plain; charset=UTF-8     > only for a non-ASCII message
 *   Content-Transfer-Encoding: 8bit            /
 *
 *   <body>
 *   ---
 *   <diffstat>
 *
 *   <diff>
 *
 * The title is the message's first paragraph joined into one line; the
 * body is the rest, every line without its trailing whitespace, leading
 * empty lines dropped; the body loses its trailing whitespace (a mail
 * without a body keeps the empty line after the headers).  The number `m/n` is zero-padded to the width of n and only
 * there when the series has more than one mail (cover letter included).
 */
import { formatRfc2822, type GitDate } from './git-date-parser.js';
import { wrapText } from './text-wrapper.js';

export interface MailIdent {
  name: string;
  email: string;
  date: GitDate;
}

/** Where a mail sits in the series. */
export interface MailNumber {
  subjectPrefix: string;
  version: number;
  /** 0 for the cover letter. */
  nr: number;
  /** 0 for a lone patch without a cover letter (no `m/n`). */
  total: number;
}

const MAX_SUBJECT = 78;

/** `From `, `From:`, `Date:`, `Subject:` (and MIME) lines and the empty line after them. */
export function writeMailHead(commit: string, from: MailIdent, title: string, at: MailNumber, eightBit: boolean): string {
  const prefix = at.version > 1 ? `${at.subjectPrefix} v${at.version}` : at.subjectPrefix;
  const tag = at.total > 0 ? `[${prefix} ${String(at.nr).padStart(String(at.total).length, '0')}/${at.total}] ` : `[${prefix}] `;
  const subject = `Subject: ${tag}`;
  const mime = eightBit ? 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n' : '';
  return (
    `From ${commit} Mon Sep 17 00:00:00 2001\nFrom: ${from.name} <${from.email}>\nDate: ${formatRfc2822(from.date)}\n` +
    `${subject}${wrapText(title, -subject.length, 1, MAX_SUBJECT)}\n${mime}\n`
  );
}

/** A patch mail: head, body, `---`, diffstat, empty line, diff. */
export function writePatchMail(commit: string, author: MailIdent, message: string, at: MailNumber, stat: string, diff: string): string {
  const { title, rest } = splitMessage(message);
  const head = writeMailHead(commit, author, title, at, /[^\x00-\x7f]/.test(message));
  let text = `${`${head}${remainder(rest)}`.replace(/[ \t\n\r]+$/, '')}\n`;
  // git keeps the empty line after the headers when the body is empty.
  if (text.length <= head.length) text += '\n';
  return `${text}---\n${stat}\n${diff}`;
}

/** The title (first paragraph, lines joined by spaces) and what follows it. */
export function splitMessage(message: string): { title: string; rest: string } {
  const lines = splitLinesKeepEnds(message);
  let i = 0;
  while (i < lines.length && trimEnd(lines[i]!) === '') i++;
  const title: string[] = [];
  for (; i < lines.length; i++) {
    const line = trimEnd(lines[i]!);
    if (line === '') {
      i++;
      break;
    }
    title.push(line);
  }
  return { title: title.join(' '), rest: lines.slice(i).join('') };
}

/** pp_remainder: leading empty lines dropped, trailing whitespace cut, every line LF-terminated. */
export function remainder(rest: string): string {
  let out = '';
  let first = true;
  for (const raw of splitLinesKeepEnds(rest)) {
    const line = trimEnd(raw);
    if (line === '' && first) continue;
    first = false;
    out += `${line}\n`;
  }
  return out;
}

/**
 * `v3-0001-unwind-Add-sframe_-un-register-system-calls.patch`: the
 * subject sanitized as git's format_sanitized_subject() does (runs of
 * anything but [A-Za-z0-9._] become one '-', runs of '.' one '.', no
 * '-' or '.' at the end), the name before `.patch` cut to 57 characters
 * (format.filenameMaxLength 64 less the suffix and one).
 */
export function patchFileName(version: number, nr: number, subject: string): string {
  const stem = `${version > 1 ? `v${version}-` : ''}${String(nr).padStart(4, '0')}-${sanitizeSubject(subject)}`;
  return `${stem.slice(0, 64 - '.patch'.length - 1)}.patch`;
}

export function sanitizeSubject(subject: string): string {
  let out = '';
  let space = 2;
  for (let i = 0; i < subject.length; i++) {
    const c = subject[i]!;
    if (/[A-Za-z0-9._]/.test(c)) {
      if (space === 1) out += '-';
      space = 0;
      out += c;
      if (c === '.') while (subject[i + 1] === '.') i++;
    } else space |= 1;
  }
  return out.replace(/[.-]+$/, '');
}

function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function trimEnd(line: string): string {
  return line.replace(/[ \t\n\r]+$/, '');
}
