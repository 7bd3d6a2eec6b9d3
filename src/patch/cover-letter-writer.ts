/**
 * The cover letter of `git format-patch --cover-letter
 * --cover-from-description=subject --no-signature` (make_cover_letter()
 * in builtin/log.c), with the branch description `<subject>\n\n<blurb>`:
 *
 *   From <last commit id> Mon Sep 17 00:00:00 2001
 *   From: <committer>
 *   Date: <committer date>
 *   Subject: [PATCH v3 0/2] <subject>
 *
 *   <blurb, as a message body>
 *
 *   Author One (1):
 *     <subject of each of their patches, oldest first, wrapped at 72
 *       columns with indents 2 and 4>
 *
 *   Author Two (1):
 *     ...
 *
 *    <diffstat of the whole series>
 *
 * Authors come in byte order of their names.  The MIME lines follow the
 * subject when any commit of the series holds a non-ASCII byte; the blurb
 * itself does not count.
 */
import type { MailIdent, MailNumber } from './mail-writer.js';
import { remainder, splitMessage, writeMailHead } from './mail-writer.js';
import { wrapText } from './text-wrapper.js';

export interface ShortlogEntry {
  author: string;
  title: string;
}

export function writeCoverLetter(
  lastCommit: string,
  committer: MailIdent,
  cover: { subject: string; blurb: string },
  at: MailNumber,
  eightBit: boolean,
  entries: readonly ShortlogEntry[],
  stat: string,
): string {
  const { title, rest } = splitMessage(`${cover.subject}\n\n${cover.blurb}`);
  return `${writeMailHead(lastCommit, committer, title, at, eightBit)}${remainder(rest)}\n${writeShortlog(entries)}${stat}\n`;
}

/** `Name (N):`, the wrapped titles, an empty line; per author. */
export function writeShortlog(entries: readonly ShortlogEntry[]): string {
  const byAuthor = new Map<string, string[]>();
  for (const e of entries) byAuthor.set(e.author, [...(byAuthor.get(e.author) ?? []), e.title]);
  const authors = [...byAuthor.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return authors
    .map((author) => {
      const titles = byAuthor.get(author)!;
      return `${author} (${titles.length}):\n${titles.map((t) => `${wrapText(t, 2, 4, 72)}\n`).join('')}\n`;
    })
    .join('');
}
