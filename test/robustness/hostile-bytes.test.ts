// Hostile inputs, class "bytes": kernel files and mails are bytes.  A
// Latin-1 or otherwise invalid UTF-8 byte in a file syswire edits comes
// back as the same byte (the rest of the file as the control run writes
// it), and the patch still applies to the original with `git apply`.  The
// merge driver keeps %A's bytes.  Mails are decoded with their declared
// charset (raw 8-bit headers, RFC 2047 words, quoted-printable bodies), so
// a re-posted series names its author and subject correctly; the diff
// keeps its bytes.  A definition must be UTF-8: a Latin-1 one is an error
// with a location.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_TIMEOUT_MS, checkCase, controlRun, diffSnapshots, type HostileCase, plant, removeWorlds, runSyswire, sframeMail, sh, snapshot, type World } from '../support/hostile-world.js';
import { REPO_ROOT } from '../support/kernel-trees.js';

afterAll(removeWorlds);

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const SYSCALLS_H = 'include/linux/syscalls.h';

/** `buf` with the first `from` replaced by `to`; fails when `from` is absent (the case would test nothing). */
function replaceBytes(buf: Buffer, from: string | Buffer, to: Buffer): Buffer {
  const at = buf.indexOf(from);
  if (at < 0) throw new Error(`fixture: ${String(from)} not found`);
  return Buffer.concat([buf.subarray(0, at), to, buf.subarray(at + Buffer.from(from).length)]);
}

/** In the tree's `path`, `line` gets `extra` bytes appended; a pristine copy of that tree goes to BASE/orig. */
function withBytes(path: string, line: string, extra: Buffer) {
  return (w: World) => {
    plant(join(w.tree, path), replaceBytes(readFileSync(join(w.tree, path)), line, Buffer.concat([Buffer.from(line), extra])));
    cpSync(w.tree, join(w.base, 'orig'), { recursive: true });
  };
}

/** The tree is the control run's, but for `path`, which is the control's `path` with the same bytes added. */
function appliedWith(path: string, line: string, extra: Buffer) {
  return async (w: World) => {
    const c = await controlRun();
    const others = (m: Map<string, string>) => new Map([...m].filter(([p]) => p !== path));
    expect(diffSnapshots(others(c.tree), others(snapshot(w.tree)))).toEqual([]);
    const want = replaceBytes(readFileSync(join(c.world.tree, path)), line, Buffer.concat([Buffer.from(line), extra]));
    expect(readFileSync(join(w.tree, path)).equals(want), `${path} lost a byte`).toBe(true);
  };
}

/** --out's patch applies with `git apply` to the original tree (and reverses on the result); with `inContext`, it carries the bytes. */
function patchApplies(extra: Buffer, inContext: boolean) {
  return (w: World) => {
    const patch = readFileSync(join(w.out, 'sframe.patch'));
    expect(patch.includes(extra), inContext ? 'the patch lost the byte of its context' : 'the byte is outside the hunks').toBe(inContext);
    sh('git', ['apply', '--check', join(w.out, 'sframe.patch')], join(w.base, 'orig'));
    sh('git', ['apply', '--check', '--reverse', join(w.out, 'sframe.patch')], w.tree);
  };
}

/** A byte case of `generate --apply`: exit 0, byte kept, patch applies. */
function keeps(title: string, path: string, line: string, extra: Buffer, inContext = true): HostileCase {
  return [title, { given: { setup: withBytes(path, line, extra), argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', w.out, '--apply'] }, want: { code: 0, stderr: /^$/, tree: appliedWith(path, line, extra), out: patchApplies(extra, inContext) } }];
}

// The merge driver: both sides appended a row after alpha's last (572 mseal); ours has a Latin-1 comment too.
const ALPHA = 'arch/alpha/kernel/syscalls/syscall.tbl';
const FIRST = '# system call numbers and entry vectors for alpha';
function mergeInputs(w: World, bytesIn: 'ours' | 'all'): void {
  const base = readFileSync(join(w.tree, ALPHA));
  const marked = replaceBytes(base, FIRST, Buffer.concat([Buffer.from(FIRST), latin1(' (René)')]));
  const row = (name: string) => Buffer.from(`573\tcommon\t${name}\t\t\t\tsys_${name}\n`);
  plant(join(w.work, 'O'), bytesIn === 'all' ? marked : base);
  plant(join(w.work, 'A'), Buffer.concat([marked, row('foo')]));
  plant(join(w.work, 'B'), Buffer.concat([bytesIn === 'all' ? marked : base, row('bar')]));
}
const mergeArgv = () => ['merge-driver', '--upstream', 'theirs', 'O', 'A', 'B', ALPHA];
/** %A is the merge: the comment's byte kept, bar at 573 (upstream), foo moved to 574. */
function mergedKeepsByte(w: World): void {
  const a = readFileSync(join(w.work, 'A'));
  expect(a.includes(latin1(`${FIRST} (René)\n`)), '%A lost its Latin-1 byte').toBe(true);
  expect(a.toString('latin1')).toMatch(/^573\tcommon\tbar\t+sys_bar\n574\tcommon\tfoo\t+sys_foo\n$/m);
}

// Mails: the sframe mail with a charset-laden header and body.
interface MailBytes {
  from?: Buffer;
  subject?: Buffer;
  /** Header lines after Subject:, e.g. MIME-Version and Content-Type. */
  mime?: string;
  /** Replaces the first line of the body. */
  body?: Buffer;
  /** Replaces the changelog's first entry. */
  changelog?: Buffer;
}
const BODY = 'Add system calls to register and unregister sframes that can be used by';
const CHANGE = '- Add a __u64 flags field to struct sframe_setup that must be zero for now. (Andrii Nakryiko)';
async function plantMail(w: World, m: MailBytes): Promise<void> {
  let mail = await sframeMail();
  if (m.from) mail = replaceBytes(mail, 'From: Steven Rostedt <rostedt@goodmis.org>', Buffer.concat([Buffer.from('From: '), m.from]));
  // Patch 1 of the posting (the selftest is patch 2).
  const subject = 'Subject: [PATCH v3 1/2] unwind: Add sframe_(un)register() system calls\n';
  mail = replaceBytes(mail, subject, Buffer.concat([m.subject ? Buffer.concat([Buffer.from('Subject: [PATCH v3 1/2] '), m.subject, Buffer.from('\n')]) : Buffer.from(subject), Buffer.from(m.mime ?? '')]));
  // The mail's own MIME lines (its changelog names Thomas Weißschuh) give way to the case's.
  if (m.mime) mail = replaceBytes(mail, 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n', Buffer.alloc(0));
  if (m.mime && !/charset=UTF-8/i.test(m.mime)) while (mail.includes('Weißschuh')) mail = replaceBytes(mail, 'Weißschuh', latin1('Weißschuh'));
  if (m.body) mail = replaceBytes(mail, BODY, m.body);
  if (m.changelog) mail = replaceBytes(mail, CHANGE, m.changelog);
  plant(join(w.work, 'mails/v3-0001-sframe.patch'), mail);
}
const renumberArgv = (w: World) => ['renumber', '--patches', 'mails', '--tree', w.tree, '--out', w.out];
const LATIN1_MIME = 'MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n';

/**
 * The re-posted mail (the one file in --out) is UTF-8 throughout, says so
 * when it is not ASCII, and git mailinfo reads `fields` (Author, Subject)
 * from it; `texts` are in it.
 */
function reposted(fields: Record<string, string>, texts: readonly string[] = []) {
  return (w: World) => {
    const names = [...snapshot(w.out).keys()];
    expect(names).toHaveLength(1);
    const mail = readFileSync(join(w.out, names[0]!));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(mail);
    if (/[^\x00-\x7f]/.test(text)) expect(text.slice(0, text.indexOf('\n\n'))).toMatch(/^Content-Type: text\/plain; charset=UTF-8$/m);
    const scratch = mkdtempSync(join(tmpdir(), 'syswire-mailinfo-'));
    try {
      const info = spawnSync('git', ['mailinfo', '-u', 'msg', 'patch'], { cwd: scratch, input: mail, encoding: 'utf8' }).stdout;
      for (const [key, value] of Object.entries(fields)) expect(info).toContain(`${key}: ${value}\n`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    for (const t of texts) expect(text).toContain(t);
    expect(text).not.toContain('\ufffd');
  };
}

const CASES: HostileCase[] = [
  keeps('generate --apply: a Latin-1 byte in a syscalls.h context line', SYSCALLS_H, ' * Architecture-specific system calls', latin1(' (René)')),
  keeps('generate --apply: a Latin-1 byte just below the new forward declaration in syscalls.h', SYSCALLS_H, '#include <linux/aio_abi.h>', latin1(' /* Müller */')),
  keeps('generate --apply: invalid UTF-8 (overlong, lone continuation, truncated) in syscalls.h', SYSCALLS_H, ' * Architecture-specific system calls', Buffer.from([0x20, 0xc0, 0xaf, 0x80, 0xe2, 0x82])),
  keeps('generate --apply: an encoded surrogate (ED A0 80) in syscalls.h', SYSCALLS_H, ' * Architecture-specific system calls', Buffer.from([0x20, 0xed, 0xa0, 0x80])),
  keeps('generate --apply: a Latin-1 byte in the x86_64 table header', 'arch/x86/entry/syscalls/syscall_64.tbl', '# 64-bit system call numbers and entry vectors', latin1(' (René)'), false),
  keeps('generate --apply: a Latin-1 byte in a sys_ni.c context line', 'kernel/sys_ni.c', 'COND_SYSCALL(rseq);', latin1(' /* José */')),
  keeps('generate --apply: a Latin-1 byte in a unistd.h context line', 'include/uapi/asm-generic/unistd.h', ' * 32 bit systems traditionally used different', latin1(' (François)')),
  keeps('generate --apply: a Latin-1 byte in scripts/syscall.tbl, outside the hunks', 'scripts/syscall.tbl', '# This file contains the system call numbers for all of the', latin1(' (Zoë)'), false),

  ['merge-driver: a Latin-1 byte in %A is kept', { given: { setup: (w) => mergeInputs(w, 'ours'), argv: mergeArgv }, want: { code: 0, stderr: `syswire merge-driver: ${ALPHA}: merged (upstream = theirs)`, tree: 'same', out: 'same', writes: ['work/A'], after: mergedKeepsByte } }],
  ['merge-driver: the same Latin-1 byte in %O, %A and %B is kept', { given: { setup: (w) => mergeInputs(w, 'all'), argv: mergeArgv }, want: { code: 0, stderr: `syswire merge-driver: ${ALPHA}: merged (upstream = theirs)`, tree: 'same', out: 'same', writes: ['work/A'], after: mergedKeepsByte } }],

  [
    'renumber --patches: a Latin-1 mail (raw From: before its Content-Type, RFC 2047 subject, 8-bit body)',
    {
      given: { setup: (w) => plantMail(w, { from: latin1('Système Müller <sys@example.org>'), subject: Buffer.from('unwind: =?ISO-8859-1?Q?Caf=E9?= sframe calls'), mime: LATIN1_MIME, body: latin1('Ajouté system calls to register and unregister sframes that can be used by') }), argv: renumberArgv },
      want: { code: 0, stderr: /^$/, out: reposted({ Author: 'Système Müller', Subject: 'unwind: Café sframe calls' }, ['Ajouté system calls']) },
    },
  ],
  [
    'renumber --patches: a Latin-1 changelog entry is re-posted as UTF-8',
    { given: { setup: (w) => plantMail(w, { mime: LATIN1_MIME, changelog: latin1('- Add a __u64 flags field (Andrii Nakryiko, André)') }), argv: renumberArgv }, want: { code: 0, stderr: /^$/, out: reposted({ Author: 'Steven Rostedt' }, ['- Add a __u64 flags field (Andrii Nakryiko, André)', '(Thomas Weißschuh)']) } },
  ],
  [
    'renumber --patches: raw Latin-1 and no charset at all: read as Latin-1',
    { given: { setup: (w) => plantMail(w, { from: latin1('Système Müller <sys@example.org>'), body: latin1('Ajouté system calls to register and unregister sframes that can be used by') }), argv: renumberArgv }, want: { code: 0, stderr: /^$/, out: reposted({ Author: 'Système Müller' }, ['Ajouté system calls']) } },
  ],
  [
    'renumber --patches: ISO-8859-15 (the euro sign is 0xA4) with a quoted-printable body',
    {
      given: { setup: (w) => plantMail(w, { from: latin1('\xa4uro Tester <eur@example.org>'), mime: 'MIME-Version: 1.0\nContent-Type: text/plain; charset="iso-8859-15"\nContent-Transfer-Encoding: quoted-printable\n', body: Buffer.from('Costs 5 =A4: add system calls to register and unregister sframes that can be used by') }), argv: renumberArgv },
      want: { code: 0, stderr: /^$/, out: reposted({ Author: '€uro Tester' }, ['Costs 5 €: add system calls']) },
    },
  ],
  [
    'renumber --patches: windows-1252 curly quotes in a raw subject',
    { given: { setup: (w) => plantMail(w, { subject: latin1('unwind: Add \x93sframe\x94 system calls'), mime: 'MIME-Version: 1.0\nContent-Type: text/plain; charset=windows-1252\n' }), argv: renumberArgv }, want: { code: 0, stderr: /^$/, out: reposted({ Subject: 'unwind: Add “sframe” system calls' }) } },
  ],
  [
    'renumber --patches: a UTF-8 mail stays as it is',
    { given: { setup: (w) => plantMail(w, { from: Buffer.from('Thomas Weißschuh <t@example.org>'), mime: 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n' }), argv: renumberArgv }, want: { code: 0, stderr: /^$/, out: reposted({ Author: 'Thomas Weißschuh', Email: 't@example.org' }) } },
  ],
  [
    'renumber --patches: a Latin-1 context line of the tree stays a byte in the re-posted diff, which applies',
    {
      given: {
        setup: async (w) => {
          withBytes(SYSCALLS_H, ' * Architecture-specific system calls', latin1(' (René)'))(w);
          const r = await runSyswire(w, ['series', 'sframe.yaml', '--tree', w.tree, '--out', join(w.work, 'mails')]);
          if (r.code !== 0) throw new Error(r.stderr);
        },
        argv: renumberArgv,
      },
      want: {
        code: 0,
        stderr: /^$/,
        out: (w) => {
          // The wire-up is patch 1 (a cover letter and the selftest patch come with it).
          const name = [...snapshot(w.out).keys()].find((n) => /-0001-.*\.patch$/.test(n));
          expect(readFileSync(join(w.out, name!)).includes(latin1(' * Architecture-specific system calls (René)\n'))).toBe(true);
          sh('git', ['apply', '--check', join(w.out, name!)], w.tree);
        },
      },
    },
  ],
  [
    'lint PATCH: a patch whose context has a Latin-1 byte applies and lints clean',
    {
      given: {
        setup: async (w) => {
          withBytes(SYSCALLS_H, ' * Architecture-specific system calls', latin1(' (René)'))(w);
          const r = await runSyswire(w, ['generate', 'sframe.yaml', '--tree', w.tree, '--out', join(w.work, 'p')]);
          if (r.code !== 0) throw new Error(r.stderr);
        },
        argv: (w) => ['lint', '--tree', w.tree, 'p/sframe.patch'],
      },
      want: { code: 0, stderr: 'syswire lint: 0 error(s), 0 warning(s)' },
    },
  ],
  [
    'series: a user patch with Latin-1 bytes in its diff keeps them',
    {
      given: {
        setup: (w) => {
          plant(join(w.work, 'split.yaml'), readFileSync(join(REPO_ROOT, 'test/fixtures/series/sframe-split.yaml')));
          const patch = readFileSync(join(REPO_ROOT, 'test/fixtures/series/sframe-entry-points.patch'));
          plant(join(w.work, 'sframe-entry-points.patch'), replaceBytes(patch, '+/* Entry points of sframe_register() and sframe_unregister(). */', latin1('+/* Entry points of sframe_register() and sframe_unregister(), by José. */')));
        },
        argv: (w) => ['series', 'split.yaml', '--tree', w.tree, '--out', w.out],
      },
      want: {
        code: 0,
        // The world's tree has no MAINTAINERS: the posting's recipients say so, and nothing else is said.
        stderr: /^(\S+: warning: no scripts\/get_maintainer\.pl or MAINTAINERS in the tree; [^\n]*\n)?$/,
        out: (w) => {
          const mails = [...snapshot(w.out).keys()].filter((n) => n.endsWith('.patch')).map((n) => readFileSync(join(w.out, n)));
          expect(mails.some((m) => m.includes(latin1('+/* Entry points of sframe_register() and sframe_unregister(), by José. */')))).toBe(true);
        },
      },
    },
  ],
];

describe('hostile bytes: every byte syswire does not edit comes back, mails are decoded by their charset', () => {
  it.for(CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));
});
