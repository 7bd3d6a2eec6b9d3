import { describe, expect, it } from 'vitest';
import { readMail } from '../../src/patch/mail-reader.js';
import { parsePatch } from '../../src/patch/patch-parser.js';
import { coverBlurb } from '../../src/patch/repost-series.js';

const MAIL = `From 1234 Mon Sep 17 00:00:00 2001
From: A U Thor <a@example.org>
Date: Fri, 12 Jun 2026 08:30:00 -0400
Subject: [RFC PATCH v3 2/5] foo: Add
 bar()

Why.

Signed-off-by: A U Thor <a@example.org>
---

Changes since v2:

- y

 a.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/a.c b/a.c
index 0123456789ab..ba9876543210 100644
--- a/a.c
+++ b/a.c
@@ -1 +1,2 @@
 a
+b
`;

describe('readMail', () => {
  it('splits a mail as git am does and keeps what a re-post needs', () => {
    const mail = readMail('m.patch', MAIL);
    expect(mail).toMatchObject({ subject: 'foo: Add bar()', prefix: 'RFC PATCH', version: 3, abbrev: 12 });
    expect(mail.author).toEqual({ name: 'A U Thor', email: 'a@example.org', date: 'Fri, 12 Jun 2026 08:30:00 -0400' });
    expect(mail.message).toBe('Why.\n\nSigned-off-by: A U Thor <a@example.org>\n');
    expect(mail.changelog).toBe('\nChanges since v2:\n\n- y\n\n');
    expect(mail.patch).toContain('diff --git a/a.c b/a.c');
  });

  it('rejects a file that is not a mail', () => {
    expect(() => readMail('x.patch', 'diff --git a/a b/a\n')).toThrow(/x\.patch: error: not a patch mail/);
  });
});

/** MAIL sent through a mailer that quoted-printable encodes: `=3D` for `=`, soft line breaks. */
const QP_MAIL = MAIL.replace('Subject:', 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\nSubject:')
  .replace('+b\n', '+#define __NR_foo 463 /* a long line the mailer folds at seventy-six c=\nolumns */ =3D\n');

describe('readMail on a quoted-printable mail', () => {
  it('decodes it as git am does', () => {
    const [file] = parsePatch(readMail('qp.patch', QP_MAIL).patch).files;
    expect(file!.hunks[0]!.lines.at(-1)).toEqual({ kind: '+', text: '#define __NR_foo 463 /* a long line the mailer folds at seventy-six columns */ =' });
  });
});

describe('coverBlurb', () => {
  it('stops at the shortlog', () => {
    expect(coverBlurb('Blurb.\n\nMore.\n\nA U Thor (2):\n  foo\n  bar\n\n a.c | 1 +\n')).toBe('Blurb.\n\nMore.');
  });
});
