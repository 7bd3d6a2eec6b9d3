/**
 * The thread: `git format-patch --thread=shallow` writes the Message-Id,
 * In-Reply-To and References headers (every patch replies to the cover
 * letter, or to the first patch without one).  git 2.39 has no option to
 * choose the ids, and makes them from the commit, the clock and the
 * committer (`<sha.time.git.email>`), so the same definition would get new
 * ids on every run.  Keeping git's headers and structure, each id it made
 * is replaced everywhere by a deterministic one in b4's shape,
 * `<yyyymmdd-<series>-v<N>-<M>-<hash>@<author's domain>>`, where the hash
 * is that of the definition: the same definition and version always give
 * the same thread, a changed one a new thread.
 *
 * To/Cc headers are added the way git writes its `--to`/`--cc`: at the end
 * of the header block (after the MIME headers), one address per line,
 * continuation lines indented by four spaces.
 */
import { createHash } from 'node:crypto';
import { isCoverLetter, type PatchFile } from '../patch/format-patch.js';
import type { Recipients } from './recipients.js';

export interface ThreadSeed {
  series: string;
  version: number;
  /** The author's `Name <addr>`: its domain ends the ids. */
  author: string;
  /** The author date (`Date:` of the mails), RFC 2822. */
  date: string;
  /** What makes the thread unique: the definition, canonically printed. */
  definition: string;
}

/** The id of mail `n` (0 for the cover letter), without the angle brackets. */
export function messageId(seed: ThreadSeed, n: number): string {
  const hash = createHash('sha256').update(`${seed.definition}\n${seed.version}`).digest('hex').slice(0, 12);
  const domain = /@([^<>@\s]+)>?\s*$/.exec(seed.author)?.[1] ?? 'localhost';
  const when = new Date(seed.date);
  const day = Number.isNaN(when.getTime()) ? '00000000' : when.toISOString().slice(0, 10).replace(/-/g, '');
  return `${day}-${seed.series}-v${seed.version}-${n}-${hash}@${domain}`;
}

/** Replace git's generated ids, in every header that names them, by the seed's. */
export function pinThreadIds(files: readonly PatchFile[], seed: ThreadSeed): PatchFile[] {
  const ours = new Map<string, string>();
  const cover = files.length > 0 && isCoverLetter(files[0]!.path);
  files.forEach((f, i) => {
    const id = /^Message-Id: <([^>]+)>$/m.exec(headerBlock(f.content))?.[1];
    if (id) ours.set(id, messageId(seed, cover ? i : i + 1));
  });
  return files.map((f) => {
    const head = headerBlock(f.content);
    const pinned = head.replace(/<([^<>\s]+)>/g, (all, id: string) => (ours.has(id) ? `<${ours.get(id)}>` : all));
    return { path: f.path, content: pinned + f.content.slice(head.length) };
  });
}

/** Add To and Cc at the end of the mail's headers, as `git format-patch --to/--cc` prints them. */
export function addRecipientHeaders(mail: string, r: Recipients): string {
  const head = headerBlock(mail);
  const lines = [...addressHeader('To', r.to), ...addressHeader('Cc', r.cc)];
  return lines.length === 0 ? mail : `${head}\n${lines.join('\n')}${mail.slice(head.length)}`;
}

function addressHeader(name: string, list: readonly string[]): string[] {
  return list.length === 0 ? [] : [`${name}: ${list.join(',\n    ')}`];
}

/** The mail's header block, without the blank line that ends it. */
function headerBlock(mail: string): string {
  const end = mail.indexOf('\n\n');
  return end < 0 ? mail : mail.slice(0, end);
}

/** The series as one mbox: the mails in order (each starts with git's `From <sha>` line). */
export function seriesMbox(files: readonly PatchFile[]): string {
  return files.map((f) => (f.content.endsWith('\n') ? f.content : `${f.content}\n`)).join('');
}
