import { describe, expect, it } from 'vitest';
import { addRecipientHeaders, messageId, pinThreadIds, seriesMbox } from '../../src/posting/thread.js';

const seed = { series: 'sframe', version: 3, author: 'Steven Rostedt <rostedt@goodmis.org>', date: 'Thu, 4 Jun 2026 10:00:00 -0400', definition: '{"a":1}' };
const mail = (sha: string, extra: string) => `From ${sha} Mon Sep 17 00:00:00 2001\nMessage-Id: <${sha}.1796216839.git.rostedt@goodmis.org>\n${extra}From: S <s@x>\nSubject: s\n\nbody <${sha}.1796216839.git.rostedt@goodmis.org>\n`;

describe('thread', () => {
  it('gives b4-shaped ids that depend on the definition and the version only', () => {
    expect(messageId(seed, 0)).toMatch(/^20260604-sframe-v3-0-[0-9a-f]{12}@goodmis\.org$/);
    expect(messageId(seed, 2)).toBe(messageId({ ...seed }, 2));
    expect(messageId({ ...seed, version: 4 }, 2)).not.toBe(messageId(seed, 2).replace('-v3-', '-v4-'));
    expect(messageId({ ...seed, definition: '{"a":2}' }, 0)).not.toBe(messageId(seed, 0));
  });

  it("replaces git's ids in the headers only, keeping the shallow thread", () => {
    const cover = 'cover';
    const files = [
      { path: 'v3-0000-cover-letter.patch', content: mail(cover, '') },
      { path: 'v3-0001-a.patch', content: mail('aaaa', `In-Reply-To: <${cover}.1796216839.git.rostedt@goodmis.org>\nReferences: <${cover}.1796216839.git.rostedt@goodmis.org>\n`) },
    ];
    const [c, p] = pinThreadIds(files, seed);
    expect(c!.content).toContain(`\nMessage-Id: <${messageId(seed, 0)}>\n`);
    expect(p!.content).toContain(`\nMessage-Id: <${messageId(seed, 1)}>\nIn-Reply-To: <${messageId(seed, 0)}>\nReferences: <${messageId(seed, 0)}>\n`);
    expect(p!.content).toContain('\n\nbody <aaaa.1796216839.git.rostedt@goodmis.org>\n');
  });

  it('writes To and Cc at the end of the headers as git format-patch --to/--cc does, and an mbox of the mails', () => {
    const text = addRecipientHeaders('From x\nSubject: s\nMIME-Version: 1.0\n\nbody\n', { to: ['A <a@x>', 'b@x'], cc: ['l@x'] });
    expect(text).toBe('From x\nSubject: s\nMIME-Version: 1.0\nTo: A <a@x>,\n    b@x\nCc: l@x\n\nbody\n');
    expect(addRecipientHeaders('From x\n\nbody\n', { to: [], cc: [] })).toBe('From x\n\nbody\n');
    expect(seriesMbox([{ path: 'a', content: 'A\n' }, { path: 'b', content: 'B' }])).toBe('A\nB\n');
  });
});
